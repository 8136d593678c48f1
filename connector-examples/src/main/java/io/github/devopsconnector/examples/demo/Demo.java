package io.github.devopsconnector.examples.demo;

import java.io.PrintStream;

/** The guided demo: the whole library, end to end, against built-in simulators. */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param out where the demo writes what it shows
   * @param err where progress bars and errors go
   * @return the process exit code: 0 when the demo ran to the end
   */
  public static int run(PrintStream out, PrintStream err) {
    out.println("demo");
    return 0;
  }
}
