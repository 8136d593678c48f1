package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the estate file tests write and read their files with. */
final class EstateFileTexts {
  /** A tenant ID, in the GUID form an estate file takes. */
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private EstateFileTexts() {
  }

  /** JSON written with single quotes, which read better inside Java strings. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A class-path estate file read with the platform's reader. */
  static <E> E resource(String path, Function<InputStream, E> reader) {
    try (InputStream in = EstateFileTexts.class.getResourceAsStream(path)) {
      return reader.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that reading the file fails at this path with a problem that says this, on a known line, and that the
   * message starts with the path.
   */
  static void assertRefused(ThrowingCallable read, String file, String path, String fragment) {
    EstateFileException e = catchThrowableOfType(EstateFileException.class, read);

    assertThat(e).as(file).isNotNull();
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.problem()).contains(fragment);
    assertThat(e.line()).isPresent();
    assertThat(e.getMessage()).startsWith(path);
  }
}
