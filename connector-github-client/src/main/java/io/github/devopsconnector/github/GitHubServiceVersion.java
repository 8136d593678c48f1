package io.github.devopsconnector.github;

import com.azure.core.util.ServiceVersion;

/**
 * The GitHub REST API versions the client speaks, sent in the {@code X-GitHub-Api-Version} header
 * (docs.github.com/rest/about-the-rest-api/api-versions).
 */
public enum GitHubServiceVersion implements ServiceVersion {
  /** {@code 2022-11-28}, the first dated version, which every route the client reads supports. */
  V2022_11_28("2022-11-28");

  private final String version;

  GitHubServiceVersion(String version) {
    this.version = version;
  }

  @Override
  public String getVersion() {
    return version;
  }

  /**
   * The latest version this client knows.
   *
   * @return {@link #V2022_11_28}
   */
  public static GitHubServiceVersion getLatest() {
    return V2022_11_28;
  }
}
