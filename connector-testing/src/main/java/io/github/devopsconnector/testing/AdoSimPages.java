package io.github.devopsconnector.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pages of the listings a discovery reads (projects, an organization's repositories, a project's pipelines),
 * encoded once when the simulator starts. The world answers from here when a request asks for exactly such a page,
 * and encodes as usual otherwise, so the bytes on the wire are the same either way; what changes is the CPU per
 * request (no JSON to build and write) against the memory the encoded pages keep. Read-only once built.
 */
final class AdoSimPages {

  /** A page as it goes on the wire: its JSON body and its continuation token, if any. */
  record Page(byte[] body, String continuationToken) {}

  private final Map<String, Page> pages;
  private final long bytes;

  private AdoSimPages(Map<String, Page> pages, long bytes) {
    this.pages = pages;
    this.bytes = bytes;
  }

  /** No pages: every answer is encoded when it is asked for. */
  static AdoSimPages none() {
    return new AdoSimPages(Map.of(), 0);
  }

  /**
   * Every page a discovery with the default page sizes reads, from every organization that lets the user in,
   * encoded by {@code mapper} exactly as the handler would encode the world's reply.
   */
  static AdoSimPages encode(AdoSimWorld world, ObjectMapper mapper) {
    Map<String, Page> pages = new HashMap<>();
    long bytes = 0;
    for (AdoSimWorld.Listing listing : world.listings()) {
      AdoSimReply reply = listing.reply();
      if (reply.status != 200 || reply.json == null) {
        continue;
      }
      byte[] body;
      try {
        body = mapper.writeValueAsBytes(reply.json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      pages.put(listing.key(), new Page(body, reply.headers.get(AdoSimReply.CONTINUATION_HEADER)));
      bytes += body.length;
    }
    return new AdoSimPages(Map.copyOf(pages), bytes);
  }

  /** The page stored under the key, or {@code null}. */
  Page get(String key) {
    return pages.get(key);
  }

  /** How many pages are stored. */
  int size() {
    return pages.size();
  }

  /** The bytes of all stored bodies. */
  long bytes() {
    return bytes;
  }

  /** The key of a page of an organization's projects. */
  static String projectsKey(AdoSimOrg org, int start, int size) {
    return "projects|" + orgKey(org) + "|" + start + "|" + size;
  }

  /** The key of an organization's repository listing. */
  static String repositoriesKey(AdoSimOrg org) {
    return "repositories|" + orgKey(org);
  }

  /** The key of a page of a project's pipelines. */
  static String pipelinesKey(AdoSimOrg org, EstateProject project, int start, int size) {
    return "pipelines|" + orgKey(org) + "|" + project.id() + "|" + start + "|" + size;
  }

  private static String orgKey(AdoSimOrg org) {
    return org.org.name().value().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "AdoSimPages[" + pages.size() + " pages, " + bytes + " bytes]";
  }
}
