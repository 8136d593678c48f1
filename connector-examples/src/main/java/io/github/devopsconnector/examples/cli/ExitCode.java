package io.github.devopsconnector.examples.cli;

/** The exit codes of {@code devops-connector}. */
final class ExitCode {

  /** The command did what was asked. */
  static final int OK = 0;
  /** Preflight found blocking findings: a greyed-out organization or a connector-level error. */
  static final int BLOCKING_FINDINGS = 1;
  /** The command line or a file it names is wrong. */
  static final int USAGE = 2;
  /** Azure DevOps, Microsoft Entra, the network or the local system failed. */
  static final int SERVICE_FAILURE = 3;

  private ExitCode() {}
}
