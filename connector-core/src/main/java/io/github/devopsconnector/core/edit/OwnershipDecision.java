package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What an {@link OwnershipPolicy} decided about an edit: whether it may be saved, what it does to ownership, the
 * requirements still missing (as findings such as {@link FindingCode#REAUTHORIZATION_REQUIRED} and
 * {@link FindingCode#TAKEOVER_NOT_CONFIRMED}), and why.
 *
 * <p>A refused decision still names the {@link #consequence()} the edit would have: an edit by someone other than
 * the owner is always a takeover ({@link OwnershipConsequence#OWNERSHIP_TRANSFERRED}), which is what a UI should
 * warn about.
 */
@Value.Immutable
public abstract class OwnershipDecision {

  OwnershipDecision() {}

  /** Whether the edit may be saved. */
  public abstract boolean allowed();

  /** What saving the edit does (or would do) to ownership. */
  public abstract OwnershipConsequence consequence();

  /** The requirements still missing; empty when the edit is allowed (warnings aside). */
  public abstract List<Finding> findings();

  /** Why, in a sentence a person can read. */
  public abstract String reason();

  /** Whether the edit makes the actor the owner. */
  public final boolean transfersOwnership() {
    return consequence() == OwnershipConsequence.OWNERSHIP_TRANSFERRED;
  }

  /** Whether a finding with this code is among the missing requirements. */
  public final boolean has(FindingCode code) {
    return findings().stream().anyMatch(f -> f.code() == code);
  }

  /**
   * An allowed edit.
   *
   * @throws IllegalArgumentException if the reason is blank
   * @throws NullPointerException if an argument is null
   */
  public static OwnershipDecision allow(OwnershipConsequence consequence, String reason) {
    return ImmutableOwnershipDecision.builder().allowed(true).consequence(consequence).reason(reason).build();
  }

  /**
   * A refused edit, with the requirements it misses.
   *
   * @throws IllegalArgumentException if the reason is blank or no finding is an error
   * @throws NullPointerException if an argument is null
   */
  public static OwnershipDecision refuse(OwnershipConsequence consequence, String reason, List<Finding> missing) {
    return ImmutableOwnershipDecision.builder().allowed(false).consequence(consequence).reason(reason)
        .addAllFindings(missing).build();
  }

  @Value.Check
  final void check() {
    if (reason().isBlank()) {
      throw new IllegalArgumentException("An ownership decision says why; the reason is blank.");
    }
    boolean blocking = findings().stream().anyMatch(Finding::isError);
    if (allowed() && blocking) {
      throw new IllegalArgumentException("An allowed ownership decision cannot carry blocking findings.");
    }
    if (!allowed() && !blocking) {
      throw new IllegalArgumentException("A refused ownership decision names at least one blocking finding.");
    }
  }

  @Override
  public String toString() {
    String head = (allowed() ? "allowed" : "refused") + " (" + consequence() + "): " + reason();
    if (findings().isEmpty()) {
      return head;
    }
    return head + " Missing: " + findings().stream().map(f -> f.code().name()).collect(Collectors.joining(", "));
  }
}
