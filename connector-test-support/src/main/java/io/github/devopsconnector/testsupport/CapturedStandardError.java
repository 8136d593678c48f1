package io.github.devopsconnector.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Redirects {@code System.err}, where azure-core's default logger writes, into memory until closed, so that a test
 * can read what the HTTP logging wrote.
 */
public final class CapturedStandardError implements AutoCloseable {
  private final PrintStream original;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private CapturedStandardError() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing.
   *
   * @return the capture; close it to restore the original stream
   */
  public static CapturedStandardError start() {
    return new CapturedStandardError();
  }

  /**
   * What was written so far.
   *
   * @return the text
   */
  public String text() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
