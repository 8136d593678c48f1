package io.github.devopsconnector.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids derived from names, so that an estate file or a generator seed always yields the same estate: the
 * {@link UUID#nameUUIDFromBytes(byte[]) name-based UUID} of {@code project:{org}/{project}} or
 * {@code repository:{org}/{project}/{repository}}, lower-cased because Azure DevOps names compare ignoring case.
 * The organization rule ({@code org:{org}}) is the one {@link EstateOrganization#id()} uses by default.
 *
 * <p>An instance keeps one MD5 digest, which makes deriving hundreds of thousands of ids several times cheaper than
 * {@link UUID#nameUUIDFromBytes(byte[])}; it is not thread-safe, so each reader, writer and generator run uses its
 * own.
 */
final class EstateFileIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final MessageDigest md5;

  EstateFileIds() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5.
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  static String organization(String organizationName) {
    return uuid("org:" + EstateFileRules.lower(organizationName));
  }

  static String user(String email) {
    return uuid("user:" + EstateFileRules.lower(email));
  }

  static String uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  String project(String organizationName, String projectName) {
    return derive("project:" + EstateFileRules.lower(organizationName) + "/" + EstateFileRules.lower(projectName));
  }

  String repository(String organizationName, String projectName, String repositoryName) {
    return derive("repository:" + EstateFileRules.lower(organizationName) + "/" + EstateFileRules.lower(projectName)
        + "/" + EstateFileRules.lower(repositoryName));
  }

  /** The same text as {@code UUID.nameUUIDFromBytes(key.getBytes(UTF_8)).toString()}. */
  String derive(String key) {
    byte[] hash = md5.digest(key.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    char[] out = new char[36];
    int at = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        out[at++] = '-';
      }
      out[at++] = HEX[(hash[i] >> 4) & 0x0f];
      out[at++] = HEX[hash[i] & 0x0f];
    }
    return new String(out);
  }
}
