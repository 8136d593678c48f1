package io.github.devopsconnector.testing;

import java.util.List;

/**
 * One page of a listing, by offset: items {@code from} (inclusive) to {@code to} (exclusive) of {@code total}, and
 * whether another page follows. Both Azure DevOps fixtures (the simulator's world and the in-memory client) page
 * with it, so they cut pages the same way.
 */
record SimPage(int from, int to, int total) {

  /** The page that starts at {@code start} and holds at most {@code size} items; empty when it starts past the end. */
  static SimPage of(int total, int start, int size) {
    int to = (int) Math.min((long) start + size, total);
    return new SimPage(Math.min(start, to), to, total);
  }

  /** Whether items follow this page; the next page starts at {@link #to()}. */
  boolean hasNext() {
    return to < total;
  }

  /** This page's items of the whole listing. */
  <T> List<T> items(List<T> all) {
    return all.subList(from, to);
  }
}
