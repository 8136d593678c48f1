package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ServiceException;
import java.util.concurrent.CountDownLatch;

/** How the fake clients hold their calls while a test keeps discovery in flight. */
final class HeldCalls {
  private HeldCalls() {
  }

  /**
   * Waits until the latch opens, when there is one. An interrupt ends the call as a transient failure, as it ends a
   * real client's call.
   */
  static void awaitOpen(CountDownLatch latch) {
    if (latch != null) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ServiceException.builder(ServiceException.Kind.TRANSIENT, "interrupted").build();
      }
    }
  }
}
