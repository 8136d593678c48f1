package io.github.devopsconnector.core.edit;

/** What an update does to the connector's ownership. */
public enum OwnershipConsequence {
  /** The owner edits without re-authorizing; the stored authorization stays. */
  UNCHANGED,
  /** The owner re-authorizes: the token is exchanged, the owner stays. */
  TOKEN_EXCHANGED,
  /** Someone else re-authorized and confirmed: they become the owner, irreversibly. */
  OWNERSHIP_TRANSFERRED
}
