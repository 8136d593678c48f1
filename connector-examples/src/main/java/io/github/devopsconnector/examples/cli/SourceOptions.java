package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.github.GitHubRestClient;
import io.github.devopsconnector.github.GitHubRestClientBuilder;
import io.github.devopsconnector.gitlab.GitLabRestClient;
import io.github.devopsconnector.gitlab.GitLabRestClientBuilder;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.LoopbackSimulator;
import io.github.devopsconnector.core.edit.TenantRegistry;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where preflight and discover get their Azure DevOps data: Azure DevOps Services ({@code --organization}, or all
 * organizations of the signed-in user), one base URL ({@code --endpoint}), or an embedded simulator serving an
 * estate file ({@code --simulate}); with the credential and the connector's tenant.
 */
final class SourceOptions {

  /** The connector that holds the estate's {@code onboardedElsewhere} organizations in a simulation. */
  static final String OTHER_CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
      + "other-rg/providers/Microsoft.Security/securityConnectors/other-connector";

  @Option(names = "--platform", paramLabel = "PLATFORM",
      description = "azureDevOps (default), github or gitlab. With --simulate, the estate file's platform is used.")
  String platform;

  @Option(names = "--token-env", paramLabel = "VAR",
      description = "GitHub or GitLab: the environment variable that holds the token (GitHub: read:org; GitLab: "
          + "read_api). With --simulate (GitHub), the simulator accepts that token (default: a generated one).")
  String tokenEnv;

  @Option(names = "--organization", split = ",", paramLabel = "NAME",
      description = "An Azure DevOps organization to check (repeatable, or comma-separated). Without it, every "
          + "organization of the signed-in user.")
  List<String> organizations;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "One base URL for every Azure DevOps call: an Azure DevOps Server collection host or a running "
          + "simulator (http only to localhost). Default: the Azure DevOps Services hosts.")
  String endpoint;

  @Option(names = "--simulate", paramLabel = "FILE",
      description = "Serve this estate file from an embedded Azure DevOps simulator and use it through the real "
          + "HTTP client. Its onboardedElsewhere organizations count as onboarded by another connector, and its "
          + "tenantId is the connector's tenant.")
  Path simulate;

  @Option(names = "--pat-env", paramLabel = "VAR",
      description = "The environment variable that holds a personal access token. With --simulate, the "
          + "simulator accepts that token (default: a generated one).")
  String patEnv;

  @Option(names = "--credential", paramLabel = "default",
      description = "Sign in with Microsoft Entra ID through DefaultAzureCredential (environment, managed "
          + "identity, Azure CLI, ...). The only value is 'default'.")
  String credential;

  @Option(names = "--tenant", paramLabel = "GUID",
      description = "The Microsoft Entra tenant of the connector's subscription: organizations of another tenant "
          + "are greyed out. Default: the estate's tenant with --simulate; otherwise not checked.")
  String tenant;

  @Mixin
  SimulatorOptions simulatorOptions = new SimulatorOptions();

  @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
      description = "How often the client retries a throttled or transient failure, 0 to 20 (default "
          + "${DEFAULT-VALUE}).")
  int retries = 4;

  @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "The longest one call to Azure DevOps may take, retries and waits included, 1 to 86400 seconds "
          + "(default ${DEFAULT-VALUE}).")
  int callTimeoutSeconds = 300;

  /**
   * The platform the options name: {@code --platform azureDevOps|github|gitlab}, or the platform of a
   * {@code --simulate} file; Azure DevOps when neither says.
   *
   * @throws UsageException if {@code --platform} names no platform, or contradicts the estate file
   */
  DevOpsPlatform platform() {
    DevOpsPlatform named = null;
    if (platform != null) {
      named = PLATFORMS.get(platform.toLowerCase(java.util.Locale.ROOT));
      if (named == null) {
        throw new UsageException("--platform takes azureDevOps, github or gitlab, not "
            + Printable.line(quote(platform)) + ".");
      }
    }
    if (simulate != null) {
      EstateLoader.check("--simulate", simulate);
      DevOpsPlatform file = EstateFiles.platformOf(simulate);
      if (named != null && named != file) {
        throw new UsageException("--platform " + platform + " contradicts the estate file, which is a "
            + file.displayName() + " estate.");
      }
      return file;
    }
    return named == null ? DevOpsPlatform.AZURE_DEVOPS : named;
  }

  private static final java.util.Map<String, DevOpsPlatform> PLATFORMS = java.util.Map.of(
      "azuredevops", DevOpsPlatform.AZURE_DEVOPS, "github", DevOpsPlatform.GITHUB, "gitlab", DevOpsPlatform.GITLAB);

  /**
   * Checks the options and connects to GitLab through {@link GitLabRestClient}: {@code --simulate FILE}, a GitLab
   * estate file served by an embedded GitLab simulator, or GitLab itself ({@code --platform gitlab},
   * {@code --endpoint URL} of the instance, default https://gitlab.com) with the token of {@code --token-env VAR}.
   *
   * @param context the run, for the environment and the secrets
   * @throws UsageException if the options do not name exactly one usable source
   */
  Source<GitLabClient> openGitLab(CliContext context) {
    if (patEnv != null || credential != null) {
      throw new UsageException("GitLab does not take --pat-env or --credential; they are for Azure DevOps.");
    }
    Optional<TenantId> tenantId = tenant == null ? Optional.empty() : Optional.of(parseTenant(tenant));
    OrganizationSelection selection = selection(ConnectorBuilder.gitLab());
    if (simulate == null) {
      return liveGitLab(context, selection, tenantId);
    }
    GitLabEstate estate = EstateLoader.readGitLab("--simulate", simulate);
    return simulatedAccounts(context, "GitLab", token -> {
      GitLabSimulator.Builder builder = simulatorOptions.settings().applyTo(GitLabSimulator.builder(estate));
      return (token == null ? builder : builder.token(token)).build().start();
    }, GitLabSimulator::token, started -> gitLabBuilder().endpoint(started.endpoint()).token(started.token())
        .buildClient(), selection, Optional.of(tenantId.orElse(estate.tenantId())), estate.tenantRegistry());
  }

  /**
   * With {@code --simulate} of a GitHub or GitLab estate file: the platform's loopback simulator, started with the
   * simulator options and the token of {@code --token-env} (else one it generates), read through the platform's
   * REST client.
   */
  private <S extends LoopbackSimulator<S, ?, ?>, C> Source<C> simulatedAccounts(CliContext context, String platform,
      java.util.function.Function<String, S> start, java.util.function.Function<S, String> tokenOf,
      java.util.function.Function<S, C> client, OrganizationSelection selection, Optional<TenantId> tenantId,
      TenantRegistry registry) {
    if (endpoint != null || (organizations != null && !organizations.isEmpty())) {
      throw new UsageException("--simulate names the source; --endpoint and --organization do not apply.");
    }
    String token = tokenEnv == null ? null : context.secretFromEnvironment("--token-env", tokenEnv);
    S started;
    try {
      started = start.apply(token);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException("The " + platform + " simulator cannot be set up: " + e.getMessage(), e);
    }
    try {
      context.addSecret(tokenOf.apply(started));
      return new Source<>(client.apply(started), selection, tenantId, registry, "simulated " + platform + " estate "
          + Printable.line(simulate.toString()) + " at " + started.endpoint(), started);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  /** GitLab itself: the REST client with the token of {@code --token-env}, at {@code --endpoint} or GitLab.com. */
  private Source<GitLabClient> liveGitLab(CliContext context, OrganizationSelection selection,
      Optional<TenantId> tenantId) {
    Checks.range("--retries", retries, 0, 20);
    Checks.range("--call-timeout", callTimeoutSeconds, 1, 86_400);
    if (organizations != null && !organizations.isEmpty()) {
      throw new UsageException("--organization is for Azure DevOps; GitLab checks every top-level group of the user.");
    }
    String token = liveToken(context, "GitLab needs a token: --token-env VAR (the environment variable that holds a "
        + "personal access token with read_api), or --simulate FILE (a GitLab estate file).");
    GitLabRestClientBuilder builder = gitLabBuilder().token(token);
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    return live(builder::buildClient, selection, tenantId, "GitLab.com");
  }

  /** The token of {@code --token-env} for a live GitHub or GitLab source, which takes no simulator options. */
  private String liveToken(CliContext context, String noToken) {
    simulatorOptions.requireNone();
    if (tokenEnv == null) {
      throw new UsageException(noToken);
    }
    return context.secretFromEnvironment("--token-env", tokenEnv);
  }

  /**
   * A live GitHub or GitLab source: the client the builder makes (a refused setting is a usage error), with a
   * registry of its own, since outside a simulation no other connector is known.
   */
  private <C> Source<C> live(java.util.function.Supplier<C> build, OrganizationSelection selection,
      Optional<TenantId> tenantId, String defaultHost) {
    C client;
    try {
      client = build.get();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new Source<>(client, selection, tenantId, new InMemoryTenantRegistry(),
        (endpoint != null ? Printable.line(endpoint) : defaultHost) + " (token from " + tokenEnv + ")", null);
  }

  /**
   * Checks the options and connects to GitHub: {@code --simulate FILE} (a GitHub estate file served by an embedded
   * GitHub simulator), or GitHub itself ({@code --endpoint URL}, default https://api.github.com) with the token of
   * {@code --token-env VAR}.
   *
   * @param context the run, for the environment and the secrets
   * @throws UsageException if the options do not name exactly one usable source
   */
  Source<GitHubRestClient> openGitHub(CliContext context) {
    if (patEnv != null || credential != null) {
      throw new UsageException("GitHub takes a token from --token-env VAR; --pat-env and --credential are for "
          + "Azure DevOps.");
    }
    Checks.range("--retries", retries, 0, 20);
    Checks.range("--call-timeout", callTimeoutSeconds, 1, 86_400);
    Optional<TenantId> tenantId = tenant == null ? Optional.empty() : Optional.of(parseTenant(tenant));
    OrganizationSelection selection = selection(ConnectorBuilder.gitHub());
    if (simulate != null) {
      GitHubEstate estate = EstateLoader.readGitHub("--simulate", simulate);
      return simulatedAccounts(context, "GitHub", token -> {
        GitHubSimulator.Builder builder = simulatorOptions.settings().applyTo(GitHubSimulator.builder(estate));
        return (token == null ? builder : builder.token(token)).build().start();
      }, GitHubSimulator::token, started -> gitHubBuilder().endpoint(started.endpoint()).token(started.token())
          .buildClient(), selection, Optional.of(tenantId.orElse(estate.tenantId())), estate.tenantRegistry());
    }
    GitHubRestClientBuilder builder = gitHubBuilder().token(liveToken(context, "GitHub needs a token: --token-env "
        + "VAR (the environment variable that holds it), or --simulate FILE (an embedded simulator)."));
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    return live(builder::buildClient, selection, tenantId, "GitHub");
  }

  private GitLabRestClientBuilder gitLabBuilder() {
    return new GitLabRestClientBuilder()
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retries)))
        .callTimeout(java.time.Duration.ofSeconds(callTimeoutSeconds));
  }

  private GitHubRestClientBuilder gitHubBuilder() {
    return new GitHubRestClientBuilder()
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retries)))
        .callTimeout(java.time.Duration.ofSeconds(callTimeoutSeconds));
  }

  /**
   * Checks the options and connects to the source.
   *
   * @param context the run, for the environment and the secrets
   * @param concurrency the requests in flight at once, to size the simulator's threads
   * @throws UsageException if the options do not name exactly one usable source
   * @throws io.github.devopsconnector.testing.EstateFileException if the estate file is not valid
   */
  Source<AzureDevOpsClient> open(CliContext context, int concurrency) {
    if (tokenEnv != null) {
      throw new UsageException("--token-env is for GitHub and GitLab (--platform github or gitlab); Azure DevOps "
          + "takes --pat-env VAR or --credential default.");
    }
    checkCombinations();
    Checks.range("--retries", retries, 0, 20);
    Checks.range("--call-timeout", callTimeoutSeconds, 1, 86_400);
    Optional<TenantId> tenantId = tenant == null ? Optional.empty() : Optional.of(parseTenant(tenant));
    OrganizationSelection selection = selection(ConnectorBuilder.azureDevOps());
    if (simulate != null) {
      return simulated(context, concurrency, tenantId);
    }
    AzureDevOpsRestClientBuilder builder = clientBuilder();
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    String description;
    if (patEnv != null) {
      personalAccessToken(builder, context.secretFromEnvironment("--pat-env", patEnv), patEnv);
      description = "personal access token from " + patEnv;
    } else {
      builder.credential(new DefaultAzureCredentialBuilder().build());
      description = "DefaultAzureCredential";
    }
    AzureDevOpsClient client = build(builder);
    String where = endpoint != null ? Printable.line(endpoint) : "Azure DevOps Services";
    return new Source<>(client, selection, tenantId, new InMemoryTenantRegistry(), where + " (" + description + ")",
        null);
  }

  private Source<AzureDevOpsClient> simulated(CliContext context, int concurrency, Optional<TenantId> tenantId) {
    Estate estate = EstateLoader.read("--simulate", simulate);
    String pat = patEnv == null ? null : context.secretFromEnvironment("--pat-env", patEnv);
    SimulatorSettings settings = simulatorOptions.settings().personalAccessToken(pat, patEnv).threadsFor(concurrency);
    AzureDevOpsSimulator simulator = settings.start(estate);
    try {
      context.addSecret(simulator.personalAccessToken());
      AzureDevOpsRestClientBuilder builder = clientBuilder().endpoint(simulator.endpoint());
      personalAccessToken(builder, simulator.personalAccessToken(), patEnv);
      AzureDevOpsClient client = build(builder);
      InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
      for (OrganizationName organization : estate.onboardedElsewhere()) {
        registry.claim(estate.tenantId(), organization, ConnectorId.parse(OTHER_CONNECTOR));
      }
      return new Source<>(client, OrganizationSelection.allExisting(),
          Optional.of(tenantId.orElse(estate.tenantId())), registry,
          "simulated estate " + Printable.line(simulate.toString()) + " at " + simulator.endpoint(), simulator);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /** A client builder with the retries and the call time limit of the options. */
  private AzureDevOpsRestClientBuilder clientBuilder() {
    return new AzureDevOpsRestClientBuilder()
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retries)))
        .callTimeout(java.time.Duration.ofSeconds(callTimeoutSeconds));
  }

  private void checkCombinations() {
    boolean organizationsGiven = organizations != null && !organizations.isEmpty();
    if (simulate != null) {
      if (endpoint != null) {
        throw new UsageException("--simulate and --endpoint name two different sources; give only one.");
      }
      if (organizationsGiven) {
        throw new UsageException("--simulate and --organization name two different sources; give only one "
            + "(with --simulate, every organization of the estate file is used).");
      }
      if (credential != null) {
        throw new UsageException("--credential does not apply to --simulate: the embedded simulator takes a "
            + "personal access token (--pat-env VAR, or a generated one).");
      }
      return;
    }
    simulatorOptions.requireNone();
    if (patEnv != null && credential != null) {
      throw new UsageException("--pat-env and --credential are two credentials; give only one.");
    }
    if (patEnv == null && credential == null) {
      if (!organizationsGiven && endpoint == null) {
        throw new UsageException("Say where the Azure DevOps data comes from: --organization NAME (Azure DevOps "
            + "Services), --endpoint URL (Azure DevOps Server or a running simulator) with --pat-env VAR or "
            + "--credential default, or --simulate FILE (an embedded simulator).");
      }
      throw new UsageException("Azure DevOps needs a credential: --pat-env VAR (the environment variable that "
          + "holds a personal access token) or --credential default (DefaultAzureCredential).");
    }
    if (credential != null && !credential.equals("default")) {
      throw new UsageException("--credential takes 'default' (DefaultAzureCredential), not "
          + Printable.line(quote(credential)) + "; for a personal access token use --pat-env VAR.");
    }
  }

  /** The {@code --organization} selection, checked by the platform's rules ({@code ConnectorBuilder.xxx()}). */
  private OrganizationSelection selection(ConnectorBuilder platform) {
    if (organizations == null || organizations.isEmpty()) {
      return OrganizationSelection.allExisting();
    }
    // ConnectorBuilder reports a bad selection as ORGANIZATION_SELECTION_INVALID findings, with escaped input.
    List<Finding> problems = platform.organizations(organizations.toArray(String[]::new))
        .validate().withCode(FindingCode.ORGANIZATION_SELECTION_INVALID);
    if (!problems.isEmpty()) {
      Finding first = problems.get(0);
      throw new UsageException("--organization: " + first.message() + " " + first.remediation());
    }
    return OrganizationSelection.explicit(organizations.stream().map(OrganizationName::parse)
        .collect(Collectors.toCollection(ArrayList::new)));
  }

  private static TenantId parseTenant(String text) {
    try {
      return TenantId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--tenant: " + e.getMessage() + " Use the tenant id, a GUID such as "
          + "72f988bf-86f1-41af-91ab-2d7cd011db47 (az account show --query tenantId).");
    }
  }

  private static void personalAccessToken(AzureDevOpsRestClientBuilder builder, String token, String variable) {
    try {
      builder.personalAccessToken(token);
    } catch (IllegalArgumentException e) {
      // The builder's message says what is wrong without showing the token.
      throw new UsageException("The personal access token" + (variable == null ? "" : " in " + variable)
          + " cannot be used: " + e.getMessage());
    }
  }

  private static AzureDevOpsClient build(AzureDevOpsRestClientBuilder builder) {
    try {
      return builder.buildClient();
    } catch (IllegalStateException e) {
      throw new UsageException("--endpoint: " + e.getMessage());
    }
  }

  private static String quote(String text) {
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }
}
