package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.Finding;
import java.util.List;

/** Findings as failure messages show them: one per line, code, subject and message. */
final class Describe {

  private Describe() {}

  static String findings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (no findings)";
    }
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append("  ").append(finding.severity()).append(' ').append(finding.code()).append(" [")
          .append(finding.subject()).append("]: ").append(finding.message());
    }
    return text.toString();
  }
}
