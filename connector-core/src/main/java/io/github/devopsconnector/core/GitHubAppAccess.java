package io.github.devopsconnector.core;

/**
 * What the Defender for Cloud GitHub app can see of one GitHub owner: the {@code repository_selection} of its
 * installation there ({@code all} or {@code selected}), or no installation at all.
 */
public enum GitHubAppAccess {
  /** Installed with access to all repositories, today's and later ones: what the connector needs. */
  ALL_REPOSITORIES,
  /** Installed with access to selected repositories only; the others stay unprotected. */
  SELECTED_REPOSITORIES,
  /** Not installed: the connector sees nothing of the owner. */
  NOT_INSTALLED
}
