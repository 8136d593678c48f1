package io.github.devopsconnector.azuredevops.implementation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
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
    return new AdoEndpoints(validate("core", core), validate("graph", graph),
        validate("entitlements", entitlements), validate("profile", profile));
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
      origins.add(origin(URI.create(url)));
    }
    return Set.copyOf(origins);
  }

  /** The origin of a URI: lower-case scheme and host, and the port (the scheme's default when absent). */
  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    return scheme + "://" + host + ":" + port;
  }

  /**
   * Whether the host is a loopback address, judged by its text alone (no name resolution): {@code localhost},
   * {@code 127.0.0.0/8} or {@code ::1}.
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("0000:0000:0000:0000:0000:0000:0000:0001")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String validate(String what, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("The " + what + " endpoint is missing.");
    }
    String trimmed = url.trim();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The " + what + " endpoint " + quote(trimmed) + " is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalStateException("The " + what + " endpoint " + quote(trimmed)
          + " must be an absolute https URL with a host, such as https://dev.azure.com.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalStateException("The " + what + " endpoint must not contain user information; "
          + "pass credentials with personalAccessToken(...) or credential(...).");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalStateException("The " + what + " endpoint " + quote(trimmed)
          + " must not have a query or fragment.");
    }
    if (scheme.equals("http") && !isLoopbackHost(uri.getHost())) {
      throw new IllegalStateException("The " + what + " endpoint " + quote(trimmed)
          + " uses http to a host that is not a loopback address; credentials are only sent over https "
          + "(http is allowed to localhost, 127.0.0.0/8 and ::1 only).");
    }
    String normalized = trimmed;
    while (normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  private static String quote(String text) {
    String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  @Override
  public String toString() {
    if (core.equals(graph) && core.equals(entitlements) && core.equals(profile)) {
      return core;
    }
    return "core=" + core + ", graph=" + graph + ", entitlements=" + entitlements + ", profile=" + profile;
  }
}
