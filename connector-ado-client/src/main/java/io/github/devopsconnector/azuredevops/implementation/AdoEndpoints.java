package io.github.devopsconnector.azuredevops.implementation;

import io.github.devopsconnector.http.Urls;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The four base URLs the client talks to, validated: absolute {@code https} URLs, or {@code http} to a loopback
 * host only; no user info, query or fragment. Stored without a trailing slash.
 */
public final class AdoEndpoints {

  /** Azure DevOps Services: projects, repositories, pipelines, connection data. */
  public static final String CLOUD_CORE = "https://dev.azure.com";
  /** Azure DevOps Services: graph (groups, memberships) and organization policies. */
  public static final String CLOUD_GRAPH = "https://vssps.dev.azure.com";
  /** Azure DevOps Services: user entitlements. */
  public static final String CLOUD_ENTITLEMENTS = "https://vsaex.dev.azure.com";
  /** Azure DevOps Services: profiles and accounts. */
  public static final String CLOUD_PROFILE = "https://app.vssps.visualstudio.com";

  private final String core;
  private final String graph;
  private final String entitlements;
  private final String profile;

  private AdoEndpoints(String core, String graph, String entitlements, String profile) {
    this.core = core;
    this.graph = graph;
    this.entitlements = entitlements;
    this.profile = profile;
  }

  /**
   * Validated endpoints.
   *
   * @throws IllegalStateException naming the endpoint and what is wrong with it
   */
  public static AdoEndpoints of(String core, String graph, String entitlements, String profile) {
    return new AdoEndpoints(Urls.checkEndpoint("core", core), Urls.checkEndpoint("graph", graph),
        Urls.checkEndpoint("entitlements", entitlements), Urls.checkEndpoint("profile", profile));
  }

  /** The Azure DevOps Services hosts. */
  public static AdoEndpoints cloud() {
    return of(CLOUD_CORE, CLOUD_GRAPH, CLOUD_ENTITLEMENTS, CLOUD_PROFILE);
  }

  /** The core base URL ({@code https://dev.azure.com} in the cloud). */
  public String core() {
    return core;
  }

  /** The graph base URL ({@code https://vssps.dev.azure.com} in the cloud). */
  public String graph() {
    return graph;
  }

  /** The entitlements base URL ({@code https://vsaex.dev.azure.com} in the cloud). */
  public String entitlements() {
    return entitlements;
  }

  /** The profile base URL ({@code https://app.vssps.visualstudio.com} in the cloud). */
  public String profile() {
    return profile;
  }

  /** The origins ({@code scheme://host:port}, lower case) credentials may be sent to. */
  public Set<String> origins() {
    Set<String> origins = new LinkedHashSet<>();
    for (String url : new String[] {core, graph, entitlements, profile}) {
      origins.add(Urls.origin(URI.create(url)));
    }
    return Set.copyOf(origins);
  }

  @Override
  public String toString() {
    if (core.equals(graph) && core.equals(entitlements) && core.equals(profile)) {
      return core;
    }
    return "core=" + core + ", graph=" + graph + ", entitlements=" + entitlements + ", profile=" + profile;
  }
}
