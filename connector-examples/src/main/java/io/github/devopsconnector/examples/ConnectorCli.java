package io.github.devopsconnector.examples;

import io.github.devopsconnector.examples.demo.Demo;

/** Placeholder entry point: runs the demo. */
public final class ConnectorCli {
  private ConnectorCli() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(Demo.run(System.out, System.err));
  }
}
