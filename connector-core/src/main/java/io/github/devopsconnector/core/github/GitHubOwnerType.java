package io.github.devopsconnector.core.github;

/** The kind of GitHub account that owns repositories (the {@code type} of an account: {@code Organization}, {@code User}). */
public enum GitHubOwnerType {
  /** An organization. */
  ORGANIZATION,
  /** A personal account. */
  USER
}
