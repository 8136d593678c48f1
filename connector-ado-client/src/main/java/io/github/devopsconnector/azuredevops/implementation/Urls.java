package io.github.devopsconnector.azuredevops.implementation;

import java.nio.charset.StandardCharsets;

/** Builds request URLs: path segments and query values percent-encoded (everything but RFC 3986 unreserved). */
final class Urls {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder url;
  private boolean hasQuery;

  private Urls(String base) {
    this.url = new StringBuilder(base);
  }

  /** Starts at a base URL (no trailing slash). */
  static Urls at(String base) {
    return new Urls(base);
  }

  /** Appends path segments, each encoded. */
  Urls path(String... segments) {
    for (String segment : segments) {
      // A dot segment would be resolved away by the server; percent-encoded it is just a name.
      String encoded = segment.equals(".") ? "%2E" : segment.equals("..") ? "%2E%2E" : encode(segment);
      url.append('/').append(encoded);
    }
    return this;
  }

  /** Appends path segments as they are (for fixed, already safe text like {@code _apis}). */
  Urls raw(String... segments) {
    for (String segment : segments) {
      url.append('/').append(segment);
    }
    return this;
  }

  /** Appends a query parameter; the name is written as is, the value encoded. */
  Urls query(String name, String value) {
    url.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value));
    hasQuery = true;
    return this;
  }

  @Override
  public String toString() {
    return url.toString();
  }

  static String encode(String text) {
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
}
