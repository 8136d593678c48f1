package io.github.devopsconnector.core.github;

/** Which repositories a GitHub app installation can access (its {@code repository_selection}). */
public enum GitHubRepositorySelection {
  /** All repositories of the owner, including later ones ({@code all}). */
  ALL,
  /** Only repositories chosen one by one ({@code selected}). */
  SELECTED
}
