package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the findings a previous assertion matched, such as the errors with one code: where they are and
 * what they say. Failure messages show the matched findings and all the findings of the report.
 */
public final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Finding>> {

  private final String what;
  private final List<Finding> all;

  FindingsAssert(List<Finding> matched, String what, List<Finding> all) {
    super(List.copyOf(matched), FindingsAssert.class);
    this.what = what;
    this.all = List.copyOf(all);
  }

  /**
   * Checks that one of the findings is about this subject: a connector field ({@code "region"},
   * {@code "subscription"}…) or {@code "organization:<name>"}; a bare organization name matches
   * {@code organization:<name>} too.
   *
   * @param subject the subject
   * @return assertions on the findings about this subject
   */
  public FindingsAssert on(String subject) {
    Objects.requireNonNull(subject, "subject");
    List<Finding> about = actual.stream()
        .filter(f -> f.subject().equals(subject) || f.subject().equals(Finding.organizationSubject(subject)))
        .collect(Collectors.toList());
    if (about.isEmpty()) {
      failWithMessage("Expected %s on \"%s\", but it is on %s:%n%s%nAll findings:%n%s", what, subject,
          actual.stream().map(Finding::subject).distinct().collect(Collectors.toList()), Describe.findings(actual),
          Describe.findings(all));
    }
    return new FindingsAssert(about, what + " on \"" + subject + "\"", all);
  }

  /**
   * Checks that one of the findings' messages contains this text, ignoring case.
   *
   * @param text the text
   * @return this assertion
   */
  public FindingsAssert withMessageContaining(String text) {
    Objects.requireNonNull(text, "text");
    String wanted = text.toLowerCase(Locale.ROOT);
    if (actual.stream().noneMatch(f -> f.message().toLowerCase(Locale.ROOT).contains(wanted))) {
      failWithMessage("Expected %s with a message containing \"%s\", but found:%n%s", what, text,
          Describe.findings(actual));
    }
    return this;
  }

  /**
   * Checks that one of the findings' remediations contains this text, ignoring case.
   *
   * @param text the text
   * @return this assertion
   */
  public FindingsAssert withRemediationContaining(String text) {
    Objects.requireNonNull(text, "text");
    String wanted = text.toLowerCase(Locale.ROOT);
    if (actual.stream().noneMatch(f -> f.remediation().toLowerCase(Locale.ROOT).contains(wanted))) {
      failWithMessage("Expected %s with a remediation containing \"%s\", but found:%n%s", what, text,
          actual.stream().map(f -> "  " + f.code() + ": " + f.remediation()).collect(Collectors.joining("\n")));
    }
    return this;
  }
}
