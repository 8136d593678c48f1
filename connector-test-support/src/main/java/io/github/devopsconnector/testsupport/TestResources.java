package io.github.devopsconnector.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test started (simulators, servers, clients), closed after the test in the reverse order of starting, so a
 * client closes before the simulator it talks to. Declare one per test with JUnit's {@code @AutoClose}.
 */
public final class TestResources implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /**
   * Closes this resource after the test.
   *
   * @param resource a started resource
   * @param <T> its type
   * @return the resource
   */
  public <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
