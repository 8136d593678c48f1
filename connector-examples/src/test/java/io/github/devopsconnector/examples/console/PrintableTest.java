package io.github.devopsconnector.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void lineBreaksBecomeSpacesAndControlCharactersEscapes() {
    assertThat(Printable.line("one\r\ntwo\nthree")).isEqualTo("one two three");
    assertThat(Printable.line("red \u001b[31m text")).isEqualTo("red \\u001b[31m text");
    assertThat(Printable.line("abc\u202edef")).isEqualTo("abc\\u202edef");
    assertThat(Printable.line("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
  }

  @Test
  void keepsOrdinaryTextIncludingEmoji() {
    assertThat(Printable.line("Zoë’s repo 🚀 — fine")).isEqualTo("Zoë’s repo 🚀 — fine");
    assertThat(Printable.line(null)).isEmpty();
  }

  @Test
  void cutsVeryLongText() {
    String cut = Printable.line("x".repeat(10_000));

    assertThat(cut).hasSize(Printable.MAX_LENGTH + 1).endsWith("…");
  }
}
