package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.discovery.PreflightReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the demo's GitHub and GitLab steps share: where they print, the ARM client and store of the demo's owner, a
 * fresh one-time code, and the checks of a preflight's findings.
 */
abstract class PlatformPart {

  final Printer out;
  final DefenderConnectorClient arm;
  final ArmConnectorStore store;
  final String code;

  PlatformPart(Printer out, DefenderConnectorClient arm, ArmConnectorStore store, String code) {
    this.out = out;
    this.arm = arm;
    this.store = store;
    this.code = code;
  }

  /** Runs the step. */
  abstract void run();

  /** Fails the demo unless the account has exactly these findings, in this order. */
  static void expectCodes(PreflightReport report, OrganizationName account, FindingCode... codes) {
    List<FindingCode> found = report.organization(account).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
    DemoFailure.expect(found.equals(List.of(codes)), account + " has the findings " + found + ", not "
        + List.of(codes));
  }

  /** The findings' codes, for a table cell. */
  static String codes(List<Finding> findings) {
    return findings.isEmpty() ? "-" : findings.stream().map(f -> f.code().name()).collect(Collectors.joining(", "));
  }
}
