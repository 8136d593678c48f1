package io.github.devopsconnector.examples;

/** Placeholder entry point. */
public final class ConnectorCli {
  private ConnectorCli() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.out.println("devops-connector");
  }
}
