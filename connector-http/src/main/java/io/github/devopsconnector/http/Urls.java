package io.github.devopsconnector.http;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Request URLs: a builder whose path segments and query values are percent-encoded (everything but RFC 3986
 * unreserved characters), and the rules about hosts and origins the clients share: which hosts are loopback, which
 * URLs share an origin, which base URLs a client accepts.
 */
public final class Urls {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder url;
  private boolean hasQuery;

  private Urls(String base) {
    this.url = new StringBuilder(base);
  }

  /**
   * Starts at a base URL.
   *
   * @param base the base URL, without a trailing slash
   * @return the builder
   */
  public static Urls at(String base) {
    return new Urls(base);
  }

  /**
   * Appends path segments, each encoded.
   *
   * @param segments the segments
   * @return this builder
   */
  public Urls path(String... segments) {
    for (String segment : segments) {
      url.append('/').append(segment(segment));
    }
    return this;
  }

  /**
   * Appends path segments as they are, for fixed, already safe text such as {@code _apis}.
   *
   * @param segments the segments
   * @return this builder
   */
  public Urls raw(String... segments) {
    for (String segment : segments) {
      url.append('/').append(segment);
    }
    return this;
  }

  /**
   * Appends a query parameter; the name is written as is, the value encoded.
   *
   * @param name the parameter's name
   * @param value the parameter's value
   * @return this builder
   */
  public Urls query(String name, String value) {
    url.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value));
    hasQuery = true;
    return this;
  }

  /** The URL built so far. */
  @Override
  public String toString() {
    return url.toString();
  }

  /**
   * Percent-encodes one path segment; a dot segment is encoded too, since a server would resolve it away.
   *
   * @param text the segment
   * @return the encoded segment
   */
  public static String segment(String text) {
    return text.equals(".") ? "%2E" : text.equals("..") ? "%2E%2E" : encode(text);
  }

  /**
   * Percent-encodes everything but letters, digits and {@code - . _ ~}, as UTF-8.
   *
   * @param text the text
   * @return the encoded text
   */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Whether the host is a loopback address, judged by its text alone (no name resolution): {@code localhost},
   * {@code 127.0.0.0/8} or {@code ::1}.
   *
   * @param host the host, possibly in brackets
   * @return whether it is loopback
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

  /**
   * The origin of a URI: lower-case scheme and host, and the port (the scheme's default when absent), as
   * {@code scheme://host:port}.
   *
   * @param uri the URI
   * @return the origin
   */
  public static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    return scheme + "://" + host + ":" + port;
  }

  /**
   * The origin of a URL, as {@link #origin(URI)}; a URL that is not a valid URI has none.
   *
   * @param url the URL
   * @return the origin
   * @throws IllegalStateException if the URL is not a valid URI
   */
  public static String origin(URL url) {
    try {
      return origin(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The request URL is not a valid URI.", e);
    }
  }

  /**
   * Whether two URLs have the same scheme, host and port (default ports made explicit).
   *
   * @param a one URL
   * @param b the other URL
   * @return whether they share an origin
   */
  public static boolean sameOrigin(URL a, URL b) {
    return a.getProtocol().equalsIgnoreCase(b.getProtocol()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URL url) {
    return url.getPort() == -1 ? url.getDefaultPort() : url.getPort();
  }

  /**
   * Parses an absolute http(s) URL.
   *
   * @param text the URL
   * @return the URL
   * @throws IllegalArgumentException if it is not one
   */
  public static URL parse(String text) {
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute() || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException("Not an absolute http(s) URL: " + shorten(text));
      }
      return uri.toURL();
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException("Not a valid URL: " + shorten(text), e);
    }
  }

  /**
   * Checks a base URL a client is configured with: an absolute {@code https} URL, or {@code http} to a loopback host
   * only; no user information, query or fragment.
   *
   * @param what which endpoint, for messages ({@code "core"})
   * @param url the URL
   * @return the URL, trimmed and without trailing slashes
   * @throws IllegalStateException naming the endpoint and what is wrong with it
   */
  public static String checkEndpoint(String what, String url) {
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
          + " must be an absolute https URL with a host, such as https://dev.azure.com or "
          + "https://management.azure.com.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalStateException("The " + what + " endpoint must not contain user information; "
          + "pass credentials with the builder's credential setters.");
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

  /**
   * The URL without its query, for messages.
   *
   * @param url the URL
   * @return everything before the first {@code ?}
   */
  public static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * A URL for messages: without its query, at most 200 characters.
   *
   * @param text the URL, or null
   * @return the shortened URL
   */
  public static String shorten(String text) {
    if (text == null) {
      return "null";
    }
    String noQuery = withoutQuery(text);
    return noQuery.length() > 200 ? noQuery.substring(0, 200) + "…" : noQuery;
  }

  private static String quote(String text) {
    String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
