package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.examples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code devops-connector demo}: the guided demo. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs the guided demo: the whole library, end to end, against built-in simulators.")
final class DemoCommand implements Callable<Integer> {

  private final CliContext context;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return Demo.run(context.out(), context.err());
  }
}
