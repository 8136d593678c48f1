package io.github.devopsconnector.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a listing from running forever: a continuation token or {@code nextLink} that repeats or leads back to a
 * page already read, an item seen twice, or more pages than the limit. One guard per run of a listing; it returns
 * what is wrong in a few words, and the client throws its {@code PROTOCOL} exception with them. Not thread-safe.
 */
public final class PageGuard {
  private final int maxPages;
  private final Map<String, String> links = new HashMap<>();
  private final Set<String> items = new HashSet<>();
  private int pages;

  /** What keeps a listing from ending. */
  public enum Problem {
    /** The next page is the page just read. */
    POINTS_TO_ITSELF("points to the page it answered"),
    /** The next page leads back to a page already read. */
    LOOPS_BACK("points back to a page already read"),
    /** There are more pages than the client follows. */
    TOO_MANY_PAGES("still points to a next page after the most pages the client follows");

    private final String description;

    Problem(String description) {
      this.description = description;
    }

    /**
     * The problem in a few words, for a message.
     *
     * @return the words, such as {@code "points back to a page already read"}
     */
    public String description() {
      return description;
    }
  }

  /**
   * A guard for one listing.
   *
   * @param maxPages the most pages followed, at least 1
   */
  public PageGuard(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1; it is " + maxPages + ".");
    }
    this.maxPages = maxPages;
  }

  /**
   * Records a page read from {@code location} (a URL or continuation token; null for the first page) that points
   * to {@code next} (null for the last page).
   *
   * @param location where the page was read from
   * @param next where the next page is
   * @return what is wrong; empty when paging may go on
   */
  public Optional<Problem> page(String location, String next) {
    pages++;
    if (next == null) {
      return Optional.empty();
    }
    if (next.equals(location)) {
      return Optional.of(Problem.POINTS_TO_ITSELF);
    }
    if (loopsBack(location, next)) {
      return Optional.of(Problem.LOOPS_BACK);
    }
    if (pages >= maxPages) {
      return Optional.of(Problem.TOO_MANY_PAGES);
    }
    return Optional.empty();
  }

  /**
   * Records an item of the listing.
   *
   * @param key the item's identity (an id, compared exactly)
   * @return whether it is new; false when the listing already had it
   */
  public boolean newItem(String key) {
    return items.add(key);
  }

  /**
   * The pages recorded so far.
   *
   * @return the count
   */
  public int pages() {
    return pages;
  }

  /**
   * Whether stateless paging (the caller holds the token) would never end: the next token equals the current one,
   * or, both being whole numbers, does not move past it.
   *
   * @param current the token the page was read with, or null for the first page
   * @param next the page's next token, or null for the last page
   * @return whether the next token fails to move forward
   */
  public static boolean standsStill(String current, String next) {
    if (current == null || next == null) {
      return false;
    }
    if (next.equals(current)) {
      return true;
    }
    return isWholeNumber(next) && isWholeNumber(current) && Long.parseLong(next) <= Long.parseLong(current);
  }

  private static boolean isWholeNumber(String text) {
    return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit);
  }

  /** Records the link from {@code location} to {@code next}; whether following the links from there returns. */
  private boolean loopsBack(String location, String next) {
    String from = location == null ? "" : location;
    if (links.containsKey(next)) {
      return true;
    }
    links.put(from, next);
    String at = next;
    for (int steps = 0; at != null && steps <= links.size(); steps++) {
      if (at.equals(from)) {
        return true;
      }
      at = links.get(at);
    }
    return false;
  }
}
