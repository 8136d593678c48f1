package io.github.devopsconnector.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs hostile-server attacks, each on its own thread under a bound, and keeps the score: how many ended in a typed
 * error (or a documented refusal), how many within their deadline, and how many let a secret into any output.
 * A suite adds attacks with {@link #run}; {@link #figures()} is the line it prints into the build log.
 */
public final class AttackLedger {

  /** What an attack ended with, as the attack itself judged it. */
  public record Evidence(boolean typed, String description, List<String> outputs) {
    /** Evidence of a typed outcome. */
    public static Evidence typed(String description, String... outputs) {
      return new Evidence(true, description, List.of(outputs));
    }

    /** Evidence of an outcome that is not the typed one the attack expected. */
    public static Evidence untyped(String description, String... outputs) {
      return new Evidence(false, description, List.of(outputs));
    }
  }

  /** One attack: runs the client against the hostile server and says what came of it. */
  @FunctionalInterface
  public interface Attack {
    /**
     * Runs it.
     *
     * @return what it ended with and every text it produced (messages, output, logs)
     * @throws Exception when the attack itself broke; counts as neither typed nor bounded
     */
    Evidence run() throws Exception;
  }

  /** One attack's result. */
  public record Outcome(String target, String name, Duration deadline, Duration took, boolean typed,
      boolean bounded, boolean leaked, String description) {
    /** Whether the attack was defeated: typed, bounded, no leak. */
    public boolean defeated() {
      return typed && bounded && !leaked;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%-10s %-58s %6d ms (deadline %6d ms) %s%s%s %s", target, name,
          took.toMillis(), deadline.toMillis(), typed ? "typed" : "UNTYPED", bounded ? "" : " UNBOUNDED",
          leaked ? " LEAK" : "", description);
    }
  }

  /** Slack for thread start, timers and GC beyond an attack's own deadline. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final String suite;
  private final List<String> secrets;
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

  /**
   * A ledger that looks for these secrets (and their HTTP Basic forms) in every output.
   *
   * @param suite the suite's name, for the figures line
   */
  public AttackLedger(String suite, Set<String> secrets) {
    this.suite = suite;
    List<String> forms = new ArrayList<>();
    for (String secret : secrets) {
      forms.add(secret);
      forms.add(Base64.getEncoder().encodeToString((":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    this.secrets = List.copyOf(forms);
  }

  /**
   * Runs the attack on a thread of its own; waits at most its deadline plus a little slack, then interrupts it.
   *
   * @param deadline the (shortened) deadline the SDK was configured with for this attack
   */
  public Outcome run(String target, String name, Duration deadline, Attack attack) {
    AtomicReference<Evidence> evidence = new AtomicReference<>();
    AtomicReference<Throwable> broke = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        evidence.set(attack.run());
      } catch (Throwable t) {
        broke.set(t);
      }
    }, "attack-" + name);
    thread.setDaemon(true);
    long start = System.nanoTime();
    thread.start();
    try {
      thread.join(deadline.plus(SLACK).toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(SLACK.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    boolean bounded = !thread.isAlive() && took.compareTo(deadline.plus(SLACK)) <= 0;
    Evidence seen = evidence.get();
    Outcome outcome;
    if (seen == null) {
      String what = broke.get() == null ? "did not end" : "the attack broke: " + broke.get();
      outcome = new Outcome(target, name, deadline, took, false, bounded, leaks(List.of(what)), what);
    } else {
      outcome = new Outcome(target, name, deadline, took, seen.typed(), bounded, leaks(seen.outputs()),
          seen.description());
    }
    outcomes.add(outcome);
    return outcome;
  }

  /** Whether any text holds a secret. */
  public boolean leaks(List<String> texts) {
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (String secret : secrets) {
        if (text.contains(secret)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every outcome so far. */
  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** How many attacks ran. */
  public long attacks() {
    return outcomes.size();
  }

  /** How many ended typed. */
  public long typed() {
    return outcomes.stream().filter(Outcome::typed).count();
  }

  /** How many ended within their deadline. */
  public long bounded() {
    return outcomes.stream().filter(Outcome::bounded).count();
  }

  /** How many let a secret out. */
  public long leaks() {
    return outcomes.stream().filter(Outcome::leaked).count();
  }

  /** The figures line for the build log. */
  public String figures() {
    return "Hostile-server suite (" + suite + "): attacks=" + attacks() + " typed=" + typed() + " bounded="
        + bounded() + " leaks=" + leaks();
  }

  /** The figures line and one line per attack. */
  public String report() {
    StringBuilder out = new StringBuilder(figures()).append('\n');
    outcomes.forEach(o -> out.append("  ").append(o).append('\n'));
    return out.toString();
  }
}
