package io.github.devopsconnector.core;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * The template of the SDK's single-text value types ({@link OrganizationName}, {@link ResourceGroupName},
 * {@link ConnectorName}, {@link SubscriptionId}, {@link TenantId}): one canonical text, checked against the type's
 * {@link Rule} however an instance is made, and printed as itself. Each type keeps its own {@code parse},
 * {@code isValid} and rule; this class holds what they share.
 */
abstract class SingleValue {

  private final Rule rule;

  SingleValue(Rule rule) {
    this.rule = rule;
  }

  /**
   * The canonical text.
   *
   * @return the text, as {@code parse} kept it
   */
  @Value.Parameter
  public abstract String value();

  @Value.Check
  final void check() {
    rule.require(value());
  }

  /**
   * The canonical text, as {@link #value()}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return value();
  }

  /** What a type's text must be: the check that explains what is wrong, and the canonical spelling. */
  static final class Rule {
    private final Function<String, Optional<String>> problem;
    private final boolean lowerCase;

    private Rule(Function<String, Optional<String>> problem, boolean lowerCase) {
      this.problem = problem;
      this.lowerCase = lowerCase;
    }

    /** A rule whose valid texts are kept as written. */
    static Rule of(Function<String, Optional<String>> problem) {
      return new Rule(problem, false);
    }

    /** A GUID rule; the GUID is kept in lower case. */
    static Rule guid(String what) {
      return new Rule(text -> Guids.problem(what, text), true);
    }

    /** What is wrong with the text, if anything. */
    Optional<String> problem(String text) {
      return problem.apply(text);
    }

    boolean isValid(String text) {
      return problem(text).isEmpty();
    }

    /** The canonical spelling of a valid text; an IllegalArgumentException with the reason otherwise. */
    String canonical(String text) {
      require(text);
      return lowerCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    void require(String text) {
      problem(text).ifPresent(reason -> {
        throw new IllegalArgumentException(reason);
      });
    }
  }
}
