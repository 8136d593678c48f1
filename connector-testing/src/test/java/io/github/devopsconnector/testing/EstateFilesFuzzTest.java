package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the estate file reader: whatever the input, it either yields an estate or fails with
 * {@link EstateFileException} naming a JSON path; never another exception. The build runs a short campaign; run
 * longer ones with {@code mvn -pl connector-testing -am verify -Dtest=EstateFilesFuzzTest -Djqwik.tries.default=100000}.
 */
class EstateFilesFuzzTest {

  private static final String EXAMPLE = load("estates/example.json");

  @Property
  void arbitraryTextEitherParsesOrFailsClearly(@ForAll("jsonish") String text) {
    assertParsesOrFailsClearly(text);
  }

  @Property
  void mutatedValidFilesEitherParseOrFailClearly(@ForAll("mutations") String text) {
    assertParsesOrFailsClearly(text);
  }

  private static void assertParsesOrFailsClearly(String text) {
    try {
      Estate estate = EstateFiles.parse(text);
      // Whatever parses must write out and read back to the same estate.
      assertThat(EstateFiles.parse(EstateFiles.toJson(estate))).isEqualTo(estate);
    } catch (EstateFileException expected) {
      assertThat(expected.path()).startsWith("$");
      assertThat(expected.getMessage()).startsWith(expected.path()).hasSizeLessThan(2_000);
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-1",
        "1e999", "0", "\"tenantId\"", "\"organizations\"", "\"name\"", "\"projects\"", "\"generate\"",
        "\"accessLevel\"", "\"user\"", "\\u0000", "\uFEFF", " ", "\n", "\"fabrikam\"",
        "\"72f988bf-86f1-41af-91ab-2d7cd011db47\"");
    Arbitrary<String> structured = tokens.list().ofMaxSize(60).map(list -> String.join("", list));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
    return Arbitraries.oneOf(structured, noise);
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, EXAMPLE.length() - 1);
    Arbitrary<String> insert = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "-", "9999999999",
        "\\", "\u202E", "é", "0", " ");
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 12);
    Arbitrary<List<Integer>> extraPositions = position.list().ofMaxSize(3);
    return Combinators.combine(position, insert, cut, extraPositions).as((at, text, length, others) -> {
      StringBuilder mutated = new StringBuilder(EXAMPLE);
      int end = Math.min(mutated.length(), at + length);
      mutated.replace(at, end, text);
      for (int other : others) {
        if (other < mutated.length()) {
          mutated.deleteCharAt(other);
        }
      }
      return mutated.toString();
    });
  }

  private static String load(String resource) {
    try (InputStream in = EstateFilesFuzzTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
