package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageGuardTest {

  @Test
  void aListingThatEndsPassesEveryCheck() {
    PageGuard guard = new PageGuard(3);
    assertThat(guard.page(null, "a")).isEmpty();
    assertThat(guard.page("a", "b")).isEmpty();
    assertThat(guard.page("b", null)).isEmpty();
    assertThat(guard.pages()).isEqualTo(3);
  }

  @Test
  void aNextLinkToTheSamePageIsALoop() {
    assertThat(new PageGuard(10).page("https://x/p?page=1", "https://x/p?page=1"))
        .contains(PageGuard.Problem.POINTS_TO_ITSELF);
  }

  @Test
  void aNextLinkBackToAnEarlierPageIsALoop() {
    PageGuard guard = new PageGuard(10);
    assertThat(guard.page(null, "a")).isEmpty();
    assertThat(guard.page("a", "b")).isEmpty();
    assertThat(guard.page("b", "a")).contains(PageGuard.Problem.LOOPS_BACK);
  }

  @Test
  void moreThanTheLimitOfPagesStops() {
    PageGuard guard = new PageGuard(2);
    assertThat(guard.page(null, "1")).isEmpty();
    assertThat(guard.page("1", "2")).contains(PageGuard.Problem.TOO_MANY_PAGES);
    assertThatThrownBy(() -> new PageGuard(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itemsSeenTwiceAreReported() {
    PageGuard guard = new PageGuard(2);
    assertThat(guard.newItem("x")).isTrue();
    assertThat(guard.newItem("x")).isFalse();
  }

  @Test
  void statelessTokensMustMoveForward() {
    assertThat(PageGuard.standsStill("abc", "abc")).isTrue();
    assertThat(PageGuard.standsStill("100", "100")).isTrue();
    assertThat(PageGuard.standsStill("100", "50")).isTrue();
    assertThat(PageGuard.standsStill("100", "200")).isFalse();
    assertThat(PageGuard.standsStill("abc", "abd")).isFalse();
    assertThat(PageGuard.standsStill(null, "abc")).isFalse();
    assertThat(PageGuard.standsStill("abc", null)).isFalse();
  }
}
