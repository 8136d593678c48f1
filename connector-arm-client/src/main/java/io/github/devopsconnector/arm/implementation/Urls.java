package io.github.devopsconnector.arm.implementation;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URL rules: which hosts are loopback, which URLs share the endpoint's origin, and path-segment encoding. */
public final class Urls {

  private Urls() {}

  /** Whether the host is a loopback address: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
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

  /** Whether two URLs have the same scheme, host and port (default ports made explicit). */
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

  /** Percent-encodes one path segment: everything but letters, digits and {@code - . _ ~}. */
  public static String segment(String text) {
    if (text.equals(".") || text.equals("..")) {
      // A dot segment would be resolved away by the server; percent-encoded it is just a name.
      return text.equals(".") ? "%2E" : "%2E%2E";
    }
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The URL without its query, for messages (ARM URLs carry no secrets in their paths). */
  public static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static String shorten(String text) {
    if (text == null) {
      return "null";
    }
    String noQuery = withoutQuery(text);
    return noQuery.length() > 200 ? noQuery.substring(0, 200) + "…" : noQuery;
  }
}
