package io.github.devopsconnector.examples.demo;

import java.io.PrintStream;

/**
 * The guided demo: the whole library, end to end, against built-in simulators. It starts an Azure DevOps simulator
 * and an Azure Resource Manager simulator on the loopback interface, and goes through the life of a Defender for
 * Cloud DevOps connector with the real HTTP clients: validation with findings, a valid connector, the preflight of
 * every organization, the discovery of their inventory, the creation in Azure, an edit by the owner, and a takeover
 * by a colleague. Nothing leaves the machine and no secret is printed.
 *
 * <p>{@code java -jar connector-examples.jar} without arguments runs it.
 */
public final class Demo {

  /** The exit code when a step did not behave as the demo expected. */
  public static final int UNEXPECTED = 3;

  private Demo() {}

  /**
   * Runs the demo. Sets the JVM-wide {@code sun.net.httpserver.nodelay} property first, so that the simulators'
   * JDK HTTP server answers without the ~40 ms delayed-acknowledgement stall (fine in an application).
   *
   * @param out where the demo writes what it shows
   * @param err where progress bars and errors go; a progress bar only when the JVM has a console
   * @return the process exit code: 0 when every step ran as expected, {@link #UNEXPECTED} (3) otherwise, after
   *     one line on {@code err} that says which step and why
   */
  public static int run(PrintStream out, PrintStream err) {
    return run(out, err, DemoOptions.standard());
  }

  /** Runs the demo with these secrets and terminal setting (tests pass their own). */
  static int run(PrintStream out, PrintStream err, DemoOptions options) {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    return new DemoRun(out, err, options).run();
  }
}
