package io.github.devopsconnector.testsupport;

import java.util.function.Consumer;

/** Builders set up with a test's defaults, then the test's own settings on top. */
public final class Settings {
  private Settings() {
  }

  /**
   * Applies a test's settings to a builder that carries the defaults.
   *
   * @param builder the builder with the defaults set
   * @param settings the test's settings
   * @param <B> the builder
   * @return the builder
   */
  public static <B> B applied(B builder, Consumer<? super B> settings) {
    settings.accept(builder);
    return builder;
  }
}
