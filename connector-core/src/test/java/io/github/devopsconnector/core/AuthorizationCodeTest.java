package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationCodeTest {

  private static final String SECRET = "0.AXoA-secret-code-4f9d1c";

  @Test
  void toStringNeverRevealsTheCode() {
    AuthorizationCode code = AuthorizationCode.of(SECRET);

    assertThat(code.toString()).doesNotContain(SECRET).doesNotContain("secret").isEqualTo("AuthorizationCode[****]");
    assertThat(String.valueOf(code)).doesNotContain(SECRET);
  }

  @Test
  void revealGivesTheCodeUntilDestroyed() {
    AuthorizationCode code = AuthorizationCode.of(SECRET);
    assertThat(code.reveal()).isEqualTo(SECRET);
    assertThat(code.isDestroyed()).isFalse();

    code.destroy();

    assertThat(code.isDestroyed()).isTrue();
    assertThat(code.toString()).doesNotContain(SECRET);
    assertThatThrownBy(code::reveal)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The authorization code was already used and destroyed.");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void missingCodesAreRefusedWithoutEchoingThem(String text) {
    assertThatThrownBy(() -> AuthorizationCode.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The authorization code is missing.");
  }

  @Test
  void codesAreNeverComparedByValue() {
    AuthorizationCode one = AuthorizationCode.of(SECRET);
    AuthorizationCode other = AuthorizationCode.of(SECRET);

    assertThat(one).isEqualTo(one).isNotEqualTo(other);
  }
}
