package io.github.devopsconnector.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paging by the {@code Link} header's {@code rel="next"} (RFC 8288), as GitHub and GitLab page their listings: every
 * item of a listing, page after page, until a page names no next one; a next link that points to another origin,
 * back to a page already read, or past the page limit fails the listing with the client's {@code PROTOCOL}
 * exception instead of paging forever.
 */
public final class LinkPaging {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");

  private LinkPaging() {}

  /**
   * The {@code rel="next"} URL of a response's {@code Link} header, if any.
   *
   * @param response the response
   * @return the URL
   */
  public static Optional<String> next(DetachedResponse response) {
    Optional<String> link = response.header("link");
    if (link.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = LINK.matcher(link.get());
    while (matcher.find()) {
      for (String rel : matcher.group(2).trim().split("\\s+")) {
        if (rel.equals("next")) {
          return Optional.of(matcher.group(1).trim());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every item of a listing.
   *
   * @param <C> the transport's call type
   * @param <T> the item type
   * @param transport the transport
   * @param endpoint the API root, whose origin every next link must have
   * @param first the first page's URL
   * @param call the call
   * @param maxPages the most pages followed
   * @param decoder one page's items
   * @param protocol the client's {@code PROTOCOL} exception for what is wrong with a page's link
   * @return the items, in order
   */
  public static <C, T> List<T> list(HttpTransport<C> transport, String endpoint, String first, C call, int maxPages,
      Function<DetachedResponse, List<T>> decoder,
      BiFunction<String, DetachedResponse, RuntimeException> protocol) {
    PageGuard guard = new PageGuard(maxPages);
    List<T> items = new ArrayList<>();
    String origin = Urls.origin(URI.create(endpoint));
    String url = first;
    while (true) {
      HttpTransport.Decoded<List<T>> read = transport.getJson(url, call, decoder);
      items.addAll(read.value());
      Optional<String> next = next(read.response());
      if (next.isEmpty()) {
        return items;
      }
      URI nextUri;
      try {
        nextUri = URI.create(next.get());
      } catch (IllegalArgumentException e) {
        throw protocol.apply("the next page's link is not a URL", read.response());
      }
      if (!nextUri.isAbsolute() || !Urls.origin(nextUri).equals(origin)) {
        throw protocol.apply("the next page's link points to another host ("
            + (nextUri.isAbsolute() ? Urls.origin(nextUri) : "a relative link") + ")", read.response());
      }
      Optional<PageGuard.Problem> problem = guard.page(url, next.get());
      if (problem.isPresent()) {
        throw protocol.apply("the next page's link " + problem.get().description()
            + (problem.get() == PageGuard.Problem.TOO_MANY_PAGES ? " (" + maxPages + ")" : "")
            + ", which would page forever", read.response());
      }
      url = next.get();
    }
  }
}
