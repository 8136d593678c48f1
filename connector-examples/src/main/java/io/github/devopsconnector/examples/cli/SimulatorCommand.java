package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabEstateSubgroup;
import io.github.devopsconnector.testing.GitLabSimulator;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code devops-connector simulator}: serves an estate file on 127.0.0.1 until stopped, as Azure DevOps, GitHub or
 * GitLab according to the file's {@code platform}.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Serves an estate file on 127.0.0.1 until stopped with Ctrl-C or SIGTERM, or until --duration-seconds "
            + "pass: as Azure DevOps (the single-host layout of Azure DevOps Server) for an Azure DevOps estate, as "
            + "the GitHub REST API for a file with \"platform\": \"gitHub\", as the GitLab REST API (under /api/v4) "
            + "for \"platform\": \"gitLab\".",
        "Prints the base URL as the first line; without --pat-env, the generated personal access token follows on "
            + "the second line as PAT=<value> (a throwaway secret for this simulator only; GitHub: a classic "
            + "ghp_ token, GitLab: a glpat- token).",
        "Point the tool at it with: devops-connector discover --endpoint URL --pat-env VAR (Azure DevOps), or "
            + "--platform github|gitlab --endpoint URL --token-env VAR"})
final class SimulatorCommand implements Callable<Integer> {

  /** The letters and digits of generated tokens. */
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CliContext context;

  @Option(names = "--estate", required = true, paramLabel = "FILE", description = "The estate file to serve.")
  Path estate;

  @Option(names = "--port", paramLabel = "N", description = "The port, 0 to 65535 (default 0: any free port).")
  Integer port;

  @Mixin
  SimulatorOptions simulatorOptions = new SimulatorOptions();

  @Option(names = {"--pat-env", "--token-env"}, paramLabel = "VAR",
      description = "Accept the token in this environment variable instead of a generated one. GitHub: a token "
          + "starting ghu_ is a GitHub App user access token, which the app-user routes need; any other is a "
          + "personal access token.")
  String patEnv;

  @Option(names = "--duration-seconds", paramLabel = "N",
      description = "Stop after this many seconds (1 to 31536000; default: run until stopped).")
  Long durationSeconds;

  SimulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (durationSeconds != null) {
      Checks.range("--duration-seconds", durationSeconds, 1, 365L * 24 * 3600);
    }
    SimulatorSettings settings = simulatorOptions.settings().port(port);
    EstateLoader.check("--estate", estate);
    DevOpsPlatform platform;
    try {
      platform = EstateFiles.platformOf(estate);
    } catch (UncheckedIOException e) {
      throw new UsageException("The estate file " + estate + " given to --estate cannot be read ("
          + e.getCause().getMessage() + ").", e);
    }
    String token = patEnv == null ? null : context.secretFromEnvironment("--pat-env", patEnv);
    Served served;
    if (platform == DevOpsPlatform.GITHUB) {
      served = serveGitHub(settings, EstateLoader.readGitHub("--estate", estate), token);
    } else if (platform == DevOpsPlatform.GITLAB) {
      served = serveGitLab(settings, EstateLoader.readGitLab("--estate", estate), token);
    } else {
      served = serveAzureDevOps(settings, EstateLoader.read("--estate", estate), token);
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      served.close().run();
    }, "devops-connector-simulator-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      context.out().println(served.endpoint());
      if (patEnv == null) {
        // The one place a secret is printed: the user's own throwaway token for this simulator.
        context.out().println("PAT=" + served.token());
      }
      context.out().println(String.format(Locale.ROOT,
          "Serving %s from %s; latency %d ms, fault rate %s%s. Stop with Ctrl-C.", served.what(),
          Printable.line(estate.toString()), settings.latencyMs(), settings.faultRate(),
          settings.faultRate() > 0 ? " (seed " + served.seed() + ")" : ""));
      context.out().flush();
      if (durationSeconds == null) {
        stop.await();
      } else {
        stop.await(durationSeconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      // Interrupted is stopped.
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running and closes the simulator.
      }
      served.close().run();
    }
    return ExitCode.OK;
  }

  /** A started simulator: how to close it, its base URL, the token it accepts, what it serves, its fault seed. */
  private record Served(Runnable close, String endpoint, String token, String what, long seed) {}

  private Served serveAzureDevOps(SimulatorSettings settings, Estate estate, String token) {
    if (token != null) {
      settings.personalAccessToken(token, patEnv);
    }
    AzureDevOpsSimulator simulator = settings.start(estate);
    return new Served(simulator::close, simulator.endpoint(), simulator.personalAccessToken(),
        String.format(Locale.ROOT, "%d organizations (%d projects, %d repositories, %d pipelines)",
            estate.organizations().size(), estate.projectCount(), estate.repositoryCount(),
            estate.pipelineCount()), simulator.seed());
  }

  private static Served serveGitHub(SimulatorSettings settings, GitHubEstate estate, String token) {
    // GitHub's classic personal access token: ghp_ and 36 letters and digits (the kind a user most likely holds).
    String accepted = token != null ? token : "ghp_" + randomToken(36, ALPHANUMERIC);
    GitHubSimulator simulator = start(() -> settings.applyTo(GitHubSimulator.builder(estate)).token(accepted)
        .build().start());
    int repositories = estate.owners().stream().mapToInt(o -> o.repositories().size()).sum();
    long organizations = estate.owners().stream().filter(o -> o.type() == GitHubOwnerType.ORGANIZATION).count();
    return new Served(simulator::close, simulator.endpoint(), simulator.token(),
        String.format(Locale.ROOT, "GitHub: %d owners (%d organizations, %d repositories) for the user %s, who "
            + "holds a %s,",
            estate.owners().size(), organizations, repositories, estate.user().login(),
            simulator.tokenKind() == GitHubSimulator.TokenKind.APP_USER_TOKEN ? "GitHub App user access token"
                : "personal access token"), simulator.seed());
  }

  private static Served serveGitLab(SimulatorSettings settings, GitLabEstate estate, String token) {
    // GitLab's personal access token prefix, glpat-, then 20 characters.
    String accepted = token != null ? token : "glpat-" + randomToken(20, ALPHANUMERIC + "-_");
    GitLabSimulator simulator = start(() -> settings.applyTo(GitLabSimulator.builder(estate)).token(accepted)
        .build().start());
    int subgroups = estate.groups().stream().mapToInt(g -> subgroups(g.subgroups())).sum();
    int projects = estate.groups().stream().mapToInt(g -> g.allProjects().size()).sum();
    return new Served(simulator::close, simulator.endpoint(), simulator.token(),
        String.format(Locale.ROOT, "GitLab (API under %s/api/v4): %d top-level groups (%d subgroups, %d projects) "
            + "for the user %s", simulator.endpoint(), estate.groups().size(), subgroups, projects,
            estate.user().username()), simulator.seed());
  }

  private static int subgroups(List<GitLabEstateSubgroup> subgroups) {
    return subgroups.size() + subgroups.stream().mapToInt(s -> subgroups(s.subgroups())).sum();
  }

  /** A started simulator; a setting the builder refuses is a usage error (its messages never hold the token). */
  private static <S> S start(Supplier<S> start) {
    try {
      return start.get();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException("The simulator cannot be set up: " + e.getMessage(), e);
    }
  }

  /** A token of this many characters drawn from the alphabet by a {@link SecureRandom}. */
  private static String randomToken(int length, String alphabet) {
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return token.toString();
  }
}
