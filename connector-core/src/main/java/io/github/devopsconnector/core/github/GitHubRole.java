package io.github.devopsconnector.core.github;

/** The signed-in user's role in a GitHub organization (the {@code role} of an organization membership). */
public enum GitHubRole {
  /** An Owner of the organization ({@code admin}); a personal account is owned by its user. */
  ADMIN,
  /** A member, not an Owner ({@code member}). */
  MEMBER
}
