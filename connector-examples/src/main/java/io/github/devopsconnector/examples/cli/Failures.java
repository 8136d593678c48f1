package io.github.devopsconnector.examples.cli;

import com.azure.core.exception.AzureException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.testing.EstateFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Turns what went wrong into an exit code and ONE line on stderr, {@code devops-connector: <message>}: never a stack
 * trace unless {@code --verbose}, never a secret the run read.
 */
final class Failures {

  static final String PREFIX = "devops-connector: ";

  private Failures() {}

  /** The exit code for a failure of a command's work, after reporting it. */
  static int report(Throwable failure, String commandName, CliContext context) {
    int code;
    String message;
    if (failure instanceof UsageException) {
      code = ExitCode.USAGE;
      message = failure.getMessage() + " (see '" + commandName + " --help')";
    } else if (failure instanceof EstateFileException) {
      code = ExitCode.USAGE;
      message = failure.getMessage();
    } else if (failure instanceof ServiceException) {
      code = ExitCode.SERVICE_FAILURE;
      ServiceException service = (ServiceException) failure;
      String text = String.valueOf(failure.getMessage());
      // Some services' messages already end with what to do; say it once.
      message = service.service() + ": " + text
          + service.remediation().filter(r -> !text.contains(r)).map(r -> " " + r).orElse("");
    } else if (failure instanceof AzureException) {
      code = ExitCode.SERVICE_FAILURE;
      message = "signing in to Microsoft Entra failed: " + failure.getMessage();
    } else if (failure instanceof UncheckedIOException || failure instanceof IOException) {
      code = ExitCode.SERVICE_FAILURE;
      message = failure.getMessage();
    } else if (failure instanceof CancellationException) {
      code = ExitCode.SERVICE_FAILURE;
      message = "stopped before it finished: " + failure.getMessage();
    } else {
      code = ExitCode.SERVICE_FAILURE;
      message = "unexpected failure (" + failure.getClass().getName() + "): " + failure.getMessage()
          + (context.verbose() ? "" : "; run again with --verbose for details");
    }
    printLine(context, message);
    if (context.verbose()) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      context.err().print(context.redact(trace.toString()));
    }
    context.err().flush();
    return code;
  }

  /** Prints {@code devops-connector: <message>} as one safe, redacted line. */
  static void printLine(CliContext context, String message) {
    context.err().println(PREFIX + Printable.line(context.redact(message)));
  }
}
