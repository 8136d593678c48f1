package io.github.devopsconnector.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestGateTest {

  private static ServiceException throttled() {
    return ServiceException.builder(ServiceException.Kind.THROTTLED, "TF400733: blocked")
        .statusCode(429).retryAfter(Duration.ZERO).build();
  }

  private static final class Recorder implements RequestGate.Observer {
    final AtomicInteger requests = new AtomicInteger();
    final List<Integer> limits = new ArrayList<>();

    @Override
    public void requestMade() {
      requests.incrementAndGet();
    }

    @Override
    public synchronized void throttled(Duration retryAfter, int limit) {
      limits.add(limit);
    }
  }

  @Test
  void retriesAThrottledRequestAndHalvesTheLimit() {
    Recorder recorder = new Recorder();
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().concurrency(8).build(), recorder);
    AtomicInteger attempts = new AtomicInteger();

    String answer = gate.call(() -> {
      if (attempts.incrementAndGet() <= 2) {
        throw throttled();
      }
      return "ok";
    });

    assertThat(answer).isEqualTo("ok");
    assertThat(attempts).hasValue(3);
    assertThat(recorder.limits).containsExactly(4, 2);
    assertThat(gate.limit()).isEqualTo(2);
    assertThat(gate.requests()).isEqualTo(3);
    assertThat(gate.throttledRequests()).isEqualTo(2);
    assertThat(recorder.requests).hasValue(3);
  }

  /**
   * A client that reports its HTTP requests: each {@code signedInUser()} is answered 429 {@code throttles} times
   * (each reported, each waited out by the client itself, here at once as in virtual time), then succeeds.
   */
  private static AzureDevOpsClient reportingClient(int throttles) {
    return (AzureDevOpsClient) java.lang.reflect.Proxy.newProxyInstance(AzureDevOpsClient.class.getClassLoader(),
        new Class<?>[] {AzureDevOpsClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("withRequestObserver")) {
            RequestObserver observer = (RequestObserver) args[0];
            return Optional.of(java.lang.reflect.Proxy.newProxyInstance(AzureDevOpsClient.class.getClassLoader(),
                new Class<?>[] {AzureDevOpsClient.class}, (view, call, callArgs) -> {
                  for (int i = 0; i < throttles; i++) {
                    observer.requestSent();
                    observer.throttled(Duration.ofSeconds(30));
                  }
                  observer.requestSent();
                  return AzureDevOpsUser.of("user-id", "Dana", Optional.empty());
                }));
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void aClientThatWaitsOutItsOwn429sIsNotHeldBackAgainByTheGate() {
    Recorder recorder = new Recorder();
    // A gate that waited out the client's 30 s Retry-After again (in real time, though the client waits on its own
    // clock) would hold the next request past this 2 s time limit.
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().concurrency(8).timeout(Duration.ofSeconds(2))
        .build(), recorder);
    AzureDevOpsClient client = gate.attach(reportingClient(2));

    assertThat(gate.call(client::signedInUser).displayName()).isEqualTo("Dana");
    AzureDevOpsClient unthrottled = gate.attach(reportingClient(0));
    assertThat(gate.call(unthrottled::signedInUser).displayName()).isEqualTo("Dana");

    assertThat(gate.requests()).isEqualTo(4);
    assertThat(gate.throttledRequests()).isEqualTo(2);
    assertThat(recorder.limits).as("two 429s of one call halve the limit once").containsExactly(4, 4);
    assertThat(gate.limit()).isEqualTo(4);
    assertThat(gate.isExpired()).isFalse();
  }

  @Test
  void restoresTheLimitOneStepPerRunOfSuccesses() {
    RequestGate gate = new RequestGate(
        DiscoveryOptions.builder().concurrency(4).restoreAfterSuccesses(3).build(), RequestGate.Observer.NONE);
    AtomicInteger attempts = new AtomicInteger();
    gate.call(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw throttled();
      }
      return 1;
    });
    assertThat(gate.limit()).isEqualTo(2);

    // The retried request was the first success of the run.
    gate.call(() -> 1);
    assertThat(gate.limit()).as("two successes are not enough").isEqualTo(2);
    gate.call(() -> 1);
    assertThat(gate.limit()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      gate.call(() -> 1);
    }
    assertThat(gate.limit()).isEqualTo(4);
    for (int i = 0; i < 10; i++) {
      gate.call(() -> 1);
    }
    assertThat(gate.limit()).as("never above the configured concurrency").isEqualTo(4);
  }

  @Test
  void givesUpAfterTheConfiguredRetries() {
    RequestGate gate = new RequestGate(
        DiscoveryOptions.builder().concurrency(8).maxThrottleRetries(2).build(), RequestGate.Observer.NONE);
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> gate.call(() -> {
      attempts.incrementAndGet();
      throw throttled();
    })).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED));
    assertThat(attempts).hasValue(3);
    assertThat(gate.limit()).isEqualTo(1);
  }

  @Test
  void requestsInFlightTogetherHalveTheLimitOnce() throws Exception {
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().concurrency(8).maxThrottleRetries(0).build(),
        RequestGate.Observer.NONE);
    CyclicBarrier bothInFlight = new CyclicBarrier(2);
    Runnable throttledOnce = () -> {
      try {
        gate.call(() -> {
          try {
            bothInFlight.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          throw throttled();
        });
      } catch (ServiceException expected) {
        // both give up at once: no retries
      }
    };
    Thread first = new Thread(throttledOnce);
    Thread second = new Thread(throttledOnce);
    first.start();
    second.start();
    first.join(10_000);
    second.join(10_000);

    assertThat(gate.throttledRequests()).isEqualTo(2);
    assertThat(gate.limit()).isEqualTo(4);
  }

  @Test
  void otherFailuresPassThroughWithoutRetry() {
    RequestGate gate = new RequestGate(DiscoveryOptions.defaults(), RequestGate.Observer.NONE);
    AtomicInteger attempts = new AtomicInteger();
    ServiceException transientFailure =
        ServiceException.builder(ServiceException.Kind.TRANSIENT, "503").statusCode(503).build();

    assertThatThrownBy(() -> gate.call(() -> {
      attempts.incrementAndGet();
      throw transientFailure;
    })).isSameAs(transientFailure);
    assertThat(attempts).hasValue(1);
    assertThat(gate.limit()).isEqualTo(DiscoveryOptions.DEFAULT_CONCURRENCY);
  }

  @Test
  void anUnexpectedClientExceptionBecomesAProtocolFailure() {
    RequestGate gate = new RequestGate(DiscoveryOptions.defaults(), RequestGate.Observer.NONE);
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(() -> gate.call(() -> {
      throw bug;
    })).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
      assertThat(e.getCause()).isSameAs(bug);
      assertThat(e.getMessage()).contains("IllegalStateException");
    });
  }

  @Test
  void noRequestStartsAfterCancel() {
    RequestGate gate = new RequestGate(DiscoveryOptions.defaults(), RequestGate.Observer.NONE);
    AtomicInteger attempts = new AtomicInteger();
    gate.cancel();

    assertThatThrownBy(() -> gate.call(attempts::incrementAndGet)).isInstanceOf(CancellationException.class);
    assertThat(attempts).hasValue(0);
    assertThat(gate.requests()).isZero();
  }

  @Test
  void cancelWakesACallerWaitingOutARetryAfter() throws Exception {
    RequestGate gate = new RequestGate(DiscoveryOptions.defaults(), RequestGate.Observer.NONE);
    ServiceException longWait = ServiceException.builder(ServiceException.Kind.THROTTLED, "TF400733")
        .retryAfter(Duration.ofSeconds(50)).build();
    AtomicInteger attempts = new AtomicInteger();
    List<Throwable> thrown = new ArrayList<>();
    Thread caller = new Thread(() -> {
      try {
        gate.call(() -> {
          attempts.incrementAndGet();
          throw longWait;
        });
      } catch (RuntimeException e) {
        synchronized (thrown) {
          thrown.add(e);
        }
      }
    });
    caller.start();
    while (gate.throttledRequests() == 0) {
      Thread.onSpinWait();
    }
    gate.cancel();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown).singleElement().isInstanceOf(CancellationException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitFailsAtOnceAndHoldsOthersOnlyThatLong() {
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().maxWait(Duration.ofMillis(300)).build(),
        RequestGate.Observer.NONE);
    ServiceException day = ServiceException.builder(ServiceException.Kind.THROTTLED, "TF400733")
        .retryAfter(Duration.ofDays(1)).build();
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.call(() -> {
      attempts.incrementAndGet();
      throw day;
    })).isSameAs(day);
    assertThat(attempts).hasValue(1);
    // The next request is held back by the longest wait, not by the day the service asked for.
    assertThat(gate.call(() -> "next")).isEqualTo("next");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(day.retryAfter()).contains(Duration.ofDays(1));
  }

  @Test
  void aRetryAfterBeyondTheDeadlineFailsAtOnceAndLaterRequestsGetTheTimeLimitError() throws Exception {
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().timeout(Duration.ofMillis(400)).build(),
        RequestGate.Observer.NONE);
    ServiceException wait = ServiceException.builder(ServiceException.Kind.THROTTLED, "TF400733")
        .retryAfter(Duration.ofSeconds(30)).build();
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> gate.call(() -> {
      attempts.incrementAndGet();
      throw wait;
    })).isSameAs(wait);
    assertThat(attempts).hasValue(1);
    Thread.sleep(500);
    assertThat(gate.isExpired()).isTrue();
    assertThatThrownBy(() -> gate.call(() -> "late"))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
          assertThat(e.getMessage()).contains("time limit");
          assertThat(e.service()).isEqualTo("Azure DevOps");
        });
  }

  @Test
  void expiringWakesAWaitingCallerWithTheTimeLimitError() throws Exception {
    RequestGate gate = new RequestGate(DiscoveryOptions.builder().concurrency(1).build(), RequestGate.Observer.NONE);
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread holder = new Thread(() -> gate.call(() -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    holder.start();
    inside.await();
    List<Throwable> thrown = new ArrayList<>();
    Thread waiter = new Thread(() -> {
      try {
        gate.call(() -> "never");
      } catch (RuntimeException e) {
        thrown.add(e);
      }
    });
    waiter.start();
    Thread.sleep(100);
    gate.expire();
    waiter.join(5_000);
    release.countDown();
    holder.join(5_000);
    assertThat(waiter.isAlive()).isFalse();
    assertThat(thrown).singleElement().isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT));
  }
}
