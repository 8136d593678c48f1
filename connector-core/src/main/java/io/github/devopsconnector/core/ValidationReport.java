package io.github.devopsconnector.core;

import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** Every finding of one validation, in the order the rules were checked. */
@Value.Immutable
public abstract class ValidationReport {

  ValidationReport() {}

  /** All findings, errors and warnings alike. */
  public abstract List<Finding> findings();

  /** A report with these findings. */
  public static ValidationReport of(Iterable<? extends Finding> findings) {
    return ImmutableValidationReport.builder().addAllFindings(findings).build();
  }

  /** Whether nothing blocks: no finding of severity {@link Severity#ERROR}. */
  public final boolean isValid() {
    return findings().stream().noneMatch(Finding::isError);
  }

  /** The blocking findings. */
  public final List<Finding> errors() {
    return findings().stream().filter(Finding::isError).collect(Collectors.toUnmodifiableList());
  }

  /** The findings that inform but do not block. */
  public final List<Finding> warnings() {
    return findings().stream().filter(f -> !f.isError()).collect(Collectors.toUnmodifiableList());
  }

  /** Whether any finding has this code. */
  public final boolean has(FindingCode code) {
    return findings().stream().anyMatch(f -> f.code() == code);
  }

  /** The findings with this code. */
  public final List<Finding> withCode(FindingCode code) {
    return findings().stream().filter(f -> f.code() == code).collect(Collectors.toUnmodifiableList());
  }

  /** The findings about this subject (see {@link Finding#subject()}). */
  public final List<Finding> about(String subject) {
    return findings().stream().filter(f -> f.subject().equals(subject)).collect(Collectors.toUnmodifiableList());
  }

  /** One line per finding, errors first. */
  @Override
  public String toString() {
    if (findings().isEmpty()) {
      return "no findings";
    }
    StringBuilder text = new StringBuilder();
    errors().forEach(f -> text.append("- ").append(f).append('\n'));
    warnings().forEach(f -> text.append("- ").append(f).append('\n'));
    return text.toString().stripTrailing();
  }
}
