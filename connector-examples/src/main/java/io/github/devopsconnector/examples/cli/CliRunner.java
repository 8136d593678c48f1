package io.github.devopsconnector.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Runs {@code devops-connector} in-process: parses the arguments, runs the command, and returns the exit code
 * (0 success, 1 blocking preflight findings, 2 usage errors, 3 service, network or I/O failures). Nothing here
 * calls {@code System.exit}, so tests and other tools can run it.
 */
public final class CliRunner {

  /** The commands by name, each made only when it is set up. */
  private static final Map<String, Function<CliContext, Object>> SUBCOMMANDS = subcommands();

  private CliRunner() {}

  /**
   * Runs the tool.
   *
   * @param args the command-line arguments
   * @param out where results go
   * @param err where errors (one line each) and, when {@code interactive}, the progress bar go
   * @param env the environment, where {@code --pat-env} looks tokens up
   * @param interactive whether {@code err} is a terminal, so that a progress bar may be drawn there
   * @return the exit code
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      boolean interactive) {
    Objects.requireNonNull(args, "args");
    // The JDK HTTP server of the simulators answers in two writes; without TCP_NODELAY a keep-alive client can
    // wait ~40 ms for a delayed ACK on every response. Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    CliContext context = new CliContext(out, err, env, interactive);
    String first = args.length == 0 ? null : args[0];
    return commandLine(context, SUBCOMMANDS.containsKey(first) ? first : null).execute(args.clone());
  }

  private static Map<String, Function<CliContext, Object>> subcommands() {
    Map<String, Function<CliContext, Object>> commands = new LinkedHashMap<>();
    commands.put("demo", DemoCommand::new);
    commands.put("preflight", PreflightCommand::new);
    commands.put("discover", DiscoverCommand::new);
    commands.put("simulator", SimulatorCommand::new);
    commands.put("bench", BenchCommand::new);
    return Collections.unmodifiableMap(commands);
  }

  static CommandLine commandLine(CliContext context) {
    return commandLine(context, null);
  }

  /**
   * The tool's command line. When the arguments start with a command's name, only that command is set up: picocli
   * builds a command's model by reflection, which the others need not pay for at start-up.
   *
   * @param only the one command to set up, or {@code null} for all of them (and {@code help})
   */
  private static CommandLine commandLine(CliContext context, String only) {
    CommandLine commandLine = new CommandLine(new TopCommand(context));
    for (Map.Entry<String, Function<CliContext, Object>> command : SUBCOMMANDS.entrySet()) {
      if (only == null || only.equals(command.getKey())) {
        commandLine.addSubcommand(command.getValue().apply(context));
      }
    }
    if (only == null) {
      commandLine.addSubcommand(new CommandLine.HelpCommand());
    }
    // "@file" would read arguments from a file: surprising in a tool that handles secrets, so off.
    commandLine.setExpandAtFiles(false);
    commandLine.setOut(new PrintWriter(context.out(), true));
    commandLine.setErr(new PrintWriter(context.err(), true));
    commandLine.setParameterExceptionHandler((e, arguments) -> usageError(e, context));
    commandLine.setExecutionExceptionHandler((e, command, parseResult) ->
        Failures.report(e, command.getCommandSpec().qualifiedName(), context));
    return commandLine;
  }

  private static int usageError(CommandLine.ParameterException e, CliContext context) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> suggestions = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        message.append("; did you mean ").append(String.join(" or ", suggestions.subList(0,
            Math.min(3, suggestions.size())))).append('?');
      }
    }
    String command = e.getCommandLine() == null ? "devops-connector"
        : e.getCommandLine().getCommandSpec().qualifiedName();
    message.append(" (see '").append(command).append(" --help')");
    Failures.printLine(context, message.toString());
    if (context.verbose()) {
      context.err().println(context.redact(String.valueOf(e)));
    }
    return ExitCode.USAGE;
  }
}
