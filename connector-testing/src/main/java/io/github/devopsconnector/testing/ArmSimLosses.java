package io.github.devopsconnector.testing;

import io.github.devopsconnector.testing.ArmSimulator.LostResponse;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers to lose after the request took effect, per route and method, as {@link ArmSimulator#loseResponses} sets. */
final class ArmSimLosses {

  private final Map<String, LostResponse> losses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> left = new ConcurrentHashMap<>();

  void lose(Route route, String method, int count, LostResponse how) {
    String key = route + " " + method.toUpperCase(Locale.ROOT);
    losses.put(key, how);
    left.put(key, new AtomicInteger(count));
  }

  void clear() {
    losses.clear();
    left.clear();
  }

  /** Whether the answer to this (already applied) request is to be lost, and how; {@code null} if not. */
  LostResponse lost(Route route, String method, int status) {
    if (losses.isEmpty() || status >= 400) {
      return null;
    }
    String key = route + " " + method;
    AtomicInteger count = left.get(key);
    if (count == null || count.getAndDecrement() <= 0) {
      return null;
    }
    return losses.get(key);
  }
}
