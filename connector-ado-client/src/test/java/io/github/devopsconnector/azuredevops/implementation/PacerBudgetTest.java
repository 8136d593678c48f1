package io.github.devopsconnector.azuredevops.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaders;
import io.github.devopsconnector.azuredevops.FakeTime;
import io.github.devopsconnector.http.RetrySettings;
import io.github.devopsconnector.http.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near the TSTU ceiling the pacer keeps the client's own requests in the sliding window under the limit. */
class PacerBudgetTest {

  private static final Duration WINDOW = Duration.ofSeconds(60);

  private static HttpHeaders nearTheCeiling(long limit, long remaining, Instant reset) {
    return new HttpHeaders()
        .set(RateLimitHeaders.LIMIT, Long.toString(limit))
        .set(RateLimitHeaders.REMAINING, Long.toString(remaining))
        .set(RateLimitHeaders.RESET, Long.toString(reset.getEpochSecond()));
  }

  @Test
  void afterABurstTheNextRequestWaitsForTheBurstToLeaveTheWindow() {
    FakeTime clock = new FakeTime();
    Pacer pacer = new Pacer(new RetrySettings(3, Duration.ofMillis(800), Duration.ofMinutes(5), true),
        new Waits(clock, duration -> { }));
    Instant burst = clock.instant();
    // Requests at once, each one TSTU of a budget of 50: the service answers each with what is left. The pacer
    // spends at most 95% of the budget, 47 requests.
    for (int i = 1; i <= 47; i++) {
      assertThat(pacer.reserveTurn()).isZero();
      pacer.observe(nearTheCeiling(50, 50 - i, burst.plus(WINDOW)));
    }
    assertThat(pacer.allowedPerWindow()).isEqualTo(47);

    clock.moveTo(burst.plusSeconds(1));
    Duration wait = pacer.reserveTurn();

    // The 47th most recent request started with the burst: the next one waits until it leaves the window (and a
    // fiftieth of the window more, for answers that took time to arrive).
    assertThat(wait).isBetween(WINDOW.minusSeconds(1), WINDOW.plus(WINDOW.dividedBy(50)).minusSeconds(1));
  }

  @Test
  void aLateAnswerToAnOlderRequestDoesNotSwitchThePacingOff() {
    FakeTime clock = new FakeTime();
    Pacer pacer = new Pacer(new RetrySettings(3, Duration.ofMillis(800), Duration.ofMinutes(5), true),
        new Waits(clock, duration -> { }));
    Instant burst = clock.instant();
    Instant sentBeforeTheCeiling = burst.minusMillis(5);
    for (int i = 1; i <= 49; i++) {
      pacer.reserveTurn();
      pacer.observe(nearTheCeiling(50, 50 - i, burst.plus(WINDOW)), burst);
    }
    assertThat(pacer.allowedPerWindow()).isEqualTo(47);

    // With requests in parallel, one counted while the budget was still far from its ceiling is answered last,
    // without the X-RateLimit-* headers: the window is still full, so the pacing stays on.
    clock.moveTo(burst.plusMillis(10));
    pacer.observe(new HttpHeaders(), sentBeforeTheCeiling);
    assertThat(pacer.allowedPerWindow()).isEqualTo(47);
    assertThat(pacer.reserveTurn()).isGreaterThan(WINDOW.dividedBy(2));

    // An answer without the headers to a request sent after the ceiling was seen: the window has room again.
    clock.moveTo(burst.plus(WINDOW).plusSeconds(2));
    Instant sentLater = clock.instant().minusMillis(5);
    pacer.observe(new HttpHeaders(), sentLater);
    assertThat(pacer.allowedPerWindow()).isZero();
  }

  @Test
  void anAnswerOvertakenByALaterRequestsAnswerDoesNotMakeRequestsLookCheaper() {
    FakeTime clock = new FakeTime();
    Pacer pacer = new Pacer(new RetrySettings(3, Duration.ofMillis(800), Duration.ofMinutes(5), true),
        new Waits(clock, duration -> { }));
    Instant start = clock.instant();
    Instant reset = start.plus(WINDOW);
    // 40 requests of one TSTU each, answered in order, of a budget of 50.
    for (int i = 1; i <= 40; i++) {
      Instant sent = clock.instant();
      pacer.reserveTurn();
      clock.moveTo(sent.plusMillis(1));
      pacer.observe(nearTheCeiling(50, 50 - i, reset), sent);
    }
    assertThat(pacer.allowedPerWindow()).isEqualTo(47);
    // Two more in parallel: the later one is answered first, and the earlier one's answer carries the usage from
    // before the later one was counted. Counting the later answer too would make a request cost 41/42 of a TSTU
    // and allow 48 per window, one more than the budget's 95%.
    Instant firstSent = clock.instant();
    Instant secondSent = firstSent.plusMillis(1);
    clock.moveTo(secondSent.plusMillis(1));
    pacer.observe(nearTheCeiling(50, 8, reset), secondSent);
    clock.moveTo(clock.instant().plusMillis(1));
    pacer.observe(nearTheCeiling(50, 9, reset), firstSent);

    assertThat(pacer.allowedPerWindow()).isEqualTo(47);
  }

  @Test
  void farFromTheCeilingRequestsAreNotHeldBack() {
    FakeTime clock = new FakeTime();
    Pacer pacer = new Pacer(new RetrySettings(3, Duration.ofMillis(800), Duration.ofMinutes(5), true),
        new Waits(clock, duration -> { }));
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      waits.add(pacer.reserveTurn());
      // Without X-RateLimit-* headers the service says the budget is far from used up.
      pacer.observe(new HttpHeaders());
    }
    assertThat(waits).allSatisfy(w -> assertThat(w).isZero());
    assertThat(pacer.allowedPerWindow()).isZero();
  }

  @Test
  void cheapRequestsAllowManyMorePerWindow() {
    FakeTime clock = new FakeTime();
    Pacer pacer = new Pacer(new RetrySettings(3, Duration.ofMillis(800), Duration.ofMinutes(5), true),
        new Waits(clock, duration -> { }));
    // 100 answered requests used 10 of 200 TSTUs: a request costs 0.1, so 1,900 fit in 95% of a window.
    for (int i = 0; i < 99; i++) {
      pacer.reserveTurn();
      clock.moveTo(clock.instant().plusMillis(10));
      pacer.observe(new HttpHeaders());
    }
    pacer.reserveTurn();
    pacer.observe(nearTheCeiling(200, 190, clock.instant().plus(WINDOW)));
    assertThat(pacer.allowedPerWindow()).isEqualTo(1900);
    assertThat(pacer.reserveTurn()).isZero();
  }
}
