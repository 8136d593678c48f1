package io.github.devopsconnector.gitlab;

import com.azure.core.util.ServiceVersion;

/**
 * The GitLab REST API versions the client speaks: the version is the path segment after {@code /api}
 * (docs.gitlab.com/api/rest: "Only API version v4 is available").
 */
public enum GitLabServiceVersion implements ServiceVersion {
  /** {@code v4}, the only REST API version GitLab serves. */
  V4("v4");

  private final String version;

  GitLabServiceVersion(String version) {
    this.version = version;
  }

  @Override
  public String getVersion() {
    return version;
  }

  /**
   * The latest version this client knows.
   *
   * @return {@link #V4}
   */
  public static GitLabServiceVersion getLatest() {
    return V4;
  }
}
