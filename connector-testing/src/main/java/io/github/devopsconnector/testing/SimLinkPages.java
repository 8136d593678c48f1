package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offset paging by {@code page} and {@code per_page} with an RFC 8288 {@code Link} header, as GitHub
 * (docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api) and GitLab
 * (docs.gitlab.com/api/rest#offset-based-pagination) page their listings: {@code per_page} is clamped to 1 to the
 * maximum, a missing or unreadable value takes the default, a page past the end is empty, and the header names
 * {@code prev}, {@code next}, {@code first} and {@code last} where they exist.
 *
 * @param page the page number, from 1
 * @param perPage the page size after clamping
 * @param from the first item's index
 * @param to the index after the last item
 * @param total how many items the listing has
 * @param link the {@code Link} header's rels, in order; empty when the listing has one page
 */
record SimLinkPages(int page, int perPage, int from, int to, int total, List<String> link) {

  /**
   * The page a request asks for.
   *
   * @param endpoint the simulator's endpoint, which the links start with
   * @param path the request's raw path
   * @param query the request's query, whose other parameters the links keep
   * @param total how many items the listing has
   * @param defaultPerPage the service's default page size
   * @param maxPerPage the service's largest page size
   * @param alwaysFirstAndLast whether {@code first} and {@code last} are named on every page (GitLab), rather than
   *     only where they are not this page (GitHub)
   * @param withLast whether the header may name the last page at all
   */
  static SimLinkPages of(String endpoint, String path, Map<String, String> query, int total, int defaultPerPage,
      int maxPerPage, boolean alwaysFirstAndLast, boolean withLast) {
    int perPage = Math.max(1, Math.min(maxPerPage, number(query.get("per_page"), defaultPerPage)));
    int page = Math.max(1, number(query.get("page"), 1));
    int from = (int) Math.min((long) (page - 1) * perPage, total);
    int to = Math.min(from + perPage, total);
    int last = Math.max(1, (total + perPage - 1) / perPage);
    StringBuilder others = new StringBuilder();
    query.forEach((name, value) -> {
      if (!name.equals("page") && !name.equals("per_page")) {
        others.append(name).append('=').append(value).append('&');
      }
    });
    String base = "<" + endpoint + path + "?" + others + "per_page=" + perPage + "&page=";
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add(base + (page - 1) + ">; rel=\"prev\"");
    }
    if (page < last) {
      links.add(base + (page + 1) + ">; rel=\"next\"");
    }
    if (alwaysFirstAndLast || page > 1) {
      links.add(base + 1 + ">; rel=\"first\"");
    }
    if (withLast && (alwaysFirstAndLast || page < last)) {
      links.add(base + last + ">; rel=\"last\"");
    }
    return new SimLinkPages(page, perPage, from, to, total, List.copyOf(links));
  }

  /** Whether a page follows this one. */
  boolean hasNext() {
    return to < total;
  }

  /** This page's items of the whole listing. */
  <T> List<T> items(List<T> all) {
    return all.subList(from, to);
  }

  /** The {@code Link} header's value. */
  String linkHeader() {
    return String.join(", ", link);
  }

  private static int number(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
