package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.core.Finding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** How the demo writes: step headings, indented paragraphs wrapped to a readable width, findings, key-value lines. */
final class Printer {

  /** Lines are wrapped at this width, indentation included. */
  static final int WIDTH = 100;

  private final PrintStream out;

  Printer(PrintStream out) {
    this.out = out;
  }

  /** The stream written to, for tables. */
  PrintStream stream() {
    return out;
  }

  /** The demo's title. */
  void title(String title) {
    out.println(title);
    out.println("=".repeat(title.length()));
  }

  /** A numbered step heading, with a blank line before it. */
  void step(int number, String title) {
    String heading = "Step " + number + ": " + title;
    out.println();
    out.println(heading);
    out.println("-".repeat(heading.length()));
  }

  /** A paragraph, wrapped, without indentation. */
  void text(String text) {
    wrap(text, "", "").forEach(out::println);
  }

  /** A paragraph, wrapped and indented by two spaces. */
  void indented(String text) {
    wrap(text, "  ", "  ").forEach(out::println);
  }

  /** An empty line. */
  void blank() {
    out.println();
  }

  /** {@code  label  value}, the label padded to {@code labelWidth}; a long value wraps under itself. */
  void field(String label, Object value, int labelWidth) {
    String head = "  " + label + " ".repeat(Math.max(1, labelWidth - label.length() + 2));
    wrap(String.valueOf(value), head, " ".repeat(head.length())).forEach(out::println);
  }

  /**
   * One finding on three wrapped parts: severity, code and subject; what is wrong; what to do.
   *
   * <pre>
   *   ERROR  REGION_NOT_SUPPORTED  (region)
   *          The region West US ...
   *          Fix: Choose one of ...
   * </pre>
   */
  void finding(Finding finding) {
    String head = "  " + pad(finding.severity().name(), 7);
    out.println(head + finding.code() + "  (" + finding.subject() + ")");
    String indent = " ".repeat(head.length());
    wrap(finding.message(), indent, indent).forEach(out::println);
    wrap("Fix: " + finding.remediation(), indent, indent + "     ").forEach(out::println);
  }

  /** Every finding, one after the other. */
  void findings(List<Finding> findings) {
    findings.forEach(this::finding);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  /** Wraps text at {@link #WIDTH} on spaces; a word longer than a line stays whole. */
  static List<String> wrap(String text, String firstIndent, String nextIndent) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder(lines.isEmpty() ? firstIndent : nextIndent);
      int start = line.length();
      for (String word : paragraph.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
          lines.add(line.toString());
          line = new StringBuilder(nextIndent);
          start = line.length();
        }
        if (line.length() > start) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
