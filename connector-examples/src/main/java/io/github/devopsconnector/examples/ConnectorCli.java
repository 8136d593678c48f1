package io.github.devopsconnector.examples;

import io.github.devopsconnector.examples.cli.CliRunner;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code devops-connector} command-line tool ({@code java -jar connector-examples.jar ...}): {@code preflight},
 * {@code discover}, {@code simulator}, {@code bench} and {@code demo}; without arguments, the demo. Run
 * {@code devops-connector --help} for the commands and their options.
 */
public final class ConnectorCli {

  private ConnectorCli() {}

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    quietLogging(Arrays.asList(args).contains("--verbose"));
    boolean terminal = System.console() != null;
    System.exit(run(args, System.out, System.err, System.getenv(), terminal));
  }

  /**
   * Runs the tool in-process, without a progress bar, and returns its exit code: 0 success, 1 preflight found
   * blocking findings, 2 usage error, 3 Azure DevOps, Microsoft Entra, network or I/O failure.
   *
   * @param args the command-line arguments
   * @param out where results go
   * @param err where errors go, one line each
   * @param env the environment, where {@code --pat-env} looks tokens up
   * @return the exit code
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, false);
  }

  private static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      boolean terminal) {
    return CliRunner.run(args, out, err, env, terminal);
  }

  /**
   * Errors are reported as one line each, so the libraries' own logging stays off unless {@code --verbose}. Set
   * before the first logger exists; a system property given on the command line wins.
   */
  private static void quietLogging(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "warn" : "off");
    if (verbose) {
      setIfAbsent("org.slf4j.simpleLogger.log.io.github.devopsconnector", "debug");
    }
    if (!verbose && System.getProperty("java.util.logging.config.file") == null) {
      Logger.getLogger("").setLevel(Level.OFF);
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
