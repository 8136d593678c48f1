package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A client's pacing state, which {@link RetryPolicy} consults before every attempt and tells about every answer:
 * a service that rate-limits the caller (not the request) slows every later request of the client down, not just
 * the retried one. Implementations are thread-safe. {@link RetryPolicy} calls the methods that take the request;
 * by default they ignore it, for a service whose limits do not depend on what is asked (a service that keeps
 * separate budgets, say for reads and writes, overrides them).
 */
public interface Pacing {

  /**
   * Takes the next request's turn.
   *
   * @return how long the request must wait for its turn; zero when it may go now
   */
  Duration reserveTurn();

  /**
   * How long the next request would still have to wait, without taking a turn.
   *
   * @return the wait; zero when a request may go now
   */
  Duration pendingWait();

  /**
   * Reads an answer's pacing headers.
   *
   * @param headers the answer's headers
   * @param sentAt when its request was sent, by the client's clock
   */
  void observe(HttpHeaders headers, Instant sentAt);

  /**
   * Takes the turn of this request.
   *
   * @param request the request about to be sent
   * @return how long it must wait for its turn; zero when it may go now
   */
  default Duration reserveTurn(HttpRequest request) {
    return reserveTurn();
  }

  /**
   * How long this request would still have to wait, without taking a turn.
   *
   * @param request the request
   * @return the wait; zero when it may go now
   */
  default Duration pendingWait(HttpRequest request) {
    return pendingWait();
  }

  /**
   * Reads the answer to this request (by default, its headers only).
   *
   * @param request the request
   * @param response the answer, whose body is not to be read
   * @param sentAt when the request was sent, by the client's clock
   */
  default void observe(HttpRequest request, HttpResponse response, Instant sentAt) {
    observe(response.getHeaders(), sentAt);
  }

  /**
   * No pacing: requests go when they are made.
   *
   * @return the pacing that never waits
   */
  static Pacing none() {
    return new Pacing() {
      @Override
      public Duration reserveTurn() {
        return Duration.ZERO;
      }

      @Override
      public Duration pendingWait() {
        return Duration.ZERO;
      }

      @Override
      public void observe(HttpHeaders headers, Instant sentAt) {}

      @Override
      public String toString() {
        return "no pacing";
      }
    };
  }
}
