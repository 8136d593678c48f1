package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.ProgressBar;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * What one run of the tool works with: its output streams, its environment, whether stderr is a terminal (for the
 * progress bar), {@code --verbose}, and the secrets it read, which every error line is scrubbed of.
 */
final class CliContext {

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
  /** Shapes of Azure DevOps personal access tokens: 52 base32 characters (classic), or 84 characters (newer). */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[a-z2-7]{52}|[A-Za-z0-9]{84}");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final boolean interactive;
  private final Set<String> secrets = new CopyOnWriteArraySet<>();
  private volatile boolean verbose;

  CliContext(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.interactive = interactive;
  }

  /** Where results go. */
  PrintStream out() {
    return out;
  }

  /** Where errors and the progress bar go. */
  PrintStream err() {
    return err;
  }

  /** Whether stderr is a terminal, so that a progress bar may be drawn there. */
  boolean interactive() {
    return interactive;
  }

  /** The tool's progress bar on stderr; one that draws nothing when stderr is not a terminal. */
  ProgressBar progressBar() {
    return ProgressBar.on(interactive ? err : null, ProgressBar.Layout.BRIEF);
  }

  boolean verbose() {
    return verbose;
  }

  void verbose(boolean verbose) {
    this.verbose = verbose;
  }

  /**
   * The secret held by an environment variable, remembered so that no output ever shows it.
   *
   * @param option the option that named the variable, for messages
   * @throws UsageException if the name is not a variable name, or the variable is unset or empty; the message
   *     names the variable but never shows a value (nor a "name" that looks like a token itself)
   */
  String secretFromEnvironment(String option, String variable) {
    if (variable == null || variable.isEmpty()) {
      throw new UsageException(option + " needs the name of an environment variable that holds the token, such as "
          + option + " ADO_PAT.");
    }
    String value = env.get(variable);
    if (value == null) {
      if (TOKEN_LIKE.matcher(variable).matches()) {
        // Someone passed the token itself: never echo it.
        secrets.add(variable);
        throw new UsageException(option + " takes the NAME of an environment variable, and the value given looks "
            + "like a token itself (it is not repeated here). Put the token in a variable, for example export "
            + "ADO_PAT=..., and pass " + option + " ADO_PAT.");
      }
      if (!VARIABLE_NAME.matcher(variable).matches()) {
        throw new UsageException(option + " takes the name of an environment variable (letters, digits and "
            + "underscores, not starting with a digit); " + Printable.line(quote(variable)) + " is not one.");
      }
      throw new UsageException("The environment variable " + variable + " named by " + option + " is not set.");
    }
    if (value.isEmpty()) {
      throw new UsageException("The environment variable " + variable + " named by " + option + " is empty.");
    }
    addSecret(value);
    return value;
  }

  /** Remembers a secret (and its HTTP Basic encoding) so that {@link #redact(String)} hides it. */
  void addSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      return;
    }
    secrets.add(secret);
    secrets.add(Base64.getEncoder().encodeToString((":" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  /** The text with every remembered secret replaced by {@code ****}. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, "****");
    }
    return redacted;
  }

  private static String quote(String text) {
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }
}
