package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "97|'a'", "47|'/'", "32|U+0020 SPACE", "10|U+000A LINE FEED (LF)", "0|U+0000 NULL",
      "1072|U+0430 CYRILLIC SMALL LETTER A", "8203|U+200B ZERO WIDTH SPACE",
      "8238|U+202E RIGHT-TO-LEFT OVERRIDE", "65297|U+FF11 FULLWIDTH DIGIT ONE", "128512|U+1F600 GRINNING FACE"})
  void charactersAreNamedSoLookAlikesShow(int codePoint, String expected) {
    assertThat(Texts.describe(codePoint)).isEqualTo(expected);
  }

  @Test
  void describeAtReadsWholeCodePoints() {
    assertThat(Texts.describeAt("a\ud83d\ude00", 1)).isEqualTo("U+1F600 GRINNING FACE");
  }

  @Test
  void whitespaceProblemsNameTheBlankOrThePadding() {
    assertThat(Texts.whitespaceProblem("region", "centralus")).isEmpty();
    assertThat(Texts.whitespaceProblem("region", "Central US")).isEmpty();
    assertThat(Texts.whitespaceProblem("region", "")).isEmpty();
    assertThat(Texts.whitespaceProblem("region", null)).isEmpty();
    assertThat(Texts.whitespaceProblem("region", " \t")).hasValue("The region \" \\u0009\" is blank: it has only whitespace.");
    assertThat(Texts.whitespaceProblem("region", " centralus").orElseThrow())
        .startsWith("The region \" centralus\" starts with U+0020 SPACE; whitespace around a value is refused, not trimmed");
    assertThat(Texts.whitespaceProblem("region", "centralus\u00a0").orElseThrow()).contains("ends with U+00A0 NO-BREAK SPACE");
    assertThat(Texts.whitespaceProblem("region", "\ncentralus ").orElseThrow())
        .contains("starts with U+000A LINE FEED (LF) and ends with U+0020 SPACE");
    assertThat(Texts.isPadded(" x")).isTrue();
    assertThat(Texts.isPadded("  ")).isFalse();
    assertThat(Texts.isPadded("x")).isFalse();
    assertThat(Texts.isPadded(null)).isFalse();
  }

  @Test
  void quoteIsBoundedAndEscapesInvisibleCharacters() {
    assertThat(Texts.quote(null)).isEqualTo("null");
    assertThat(Texts.quote("a\u202eb\u200bc\n")).isEqualTo("\"a\\u202eb\\u200bc\\u000a\"");
    String quoted = Texts.quote("y".repeat(1_000));
    assertThat(quoted).hasSize(82 + "…(1000 characters)".length()).endsWith("…(1000 characters)\"");
  }
}
