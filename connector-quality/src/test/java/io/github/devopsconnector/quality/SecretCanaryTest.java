package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditConflictException;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditNotAllowedException;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/**
 * Canary secrets (a personal access token, Azure DevOps and Azure Resource Manager bearer tokens, and one-time
 * authorization codes) run through every path that handles them, successful and failing, with azure-core HTTP
 * logging at {@code BODY_AND_HEADERS} (and {@code Authorization} even asked for by name) and every logger at trace
 * level. None may appear in the log file, on the standard streams, in any exception (messages, causes, stack
 * traces, the responses and requests they carry), in the {@code toString()} of any value touched, or in the JSON
 * Jackson makes of those values.
 */
class SecretCanaryTest {

  private static final String PAT = "patCanary7Qw3Zr9Xk2Lm5Np8Tv4Yb6";
  private static final String PAT_BASIC = Base64.getEncoder()
      .encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8));
  private static final String ADO_BEARER = "adoBearerCanaryH4s8Jd2Wq6Pz0Kc";
  private static final String OWNER_ID = "canary-owner-Rk39";
  private static final String TAKER_ID = "canary-taker-Vm71";
  private static final String OWNER_ARM_TOKEN = ArmSimulator.bearerToken(OWNER_ID);
  private static final String TAKER_ARM_TOKEN = ArmSimulator.bearerToken(TAKER_ID);
  private static final String REJECTED_ARM_TOKEN = "armRejectedCanaryN5t1Gh8Ue3";
  /** Every authorization code of the test starts with this, so one search finds any of them. */
  private static final String CODE = "authCodeCanaryXb52Lp";
  private static final Map<String, String> CANARIES = new LinkedHashMap<>();

  static {
    CANARIES.put("personal access token", PAT);
    CANARIES.put("personal access token as Basic credentials", PAT_BASIC);
    CANARIES.put("Azure DevOps bearer token", ADO_BEARER);
    CANARIES.put("ARM bearer token of the owner", OWNER_ARM_TOKEN);
    CANARIES.put("ARM bearer token of the new owner", TAKER_ARM_TOKEN);
    CANARIES.put("rejected ARM bearer token", REJECTED_ARM_TOKEN);
    CANARIES.put("authorization code", CODE);
  }

  private static final OrganizationName ORG = OrganizationName.parse("canary-org");
  private static final OrganizationName SECOND = OrganizationName.parse("canary-second");
  private static final OrganizationName LOCKED = OrganizationName.parse("canary-locked");
  private static final Identity OWNER = Identity.of(OWNER_ID);
  private static final Identity TAKER = Identity.of(TAKER_ID);

  private final List<String> paths = new ArrayList<>();
  /** Everything that must not hold a secret, each with the path it came from. */
  private final List<Map.Entry<String, String>> texts = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private int jsonDocuments;
  private String path = "setup";

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void noSecretAppearsAnywhere() throws Exception {
    Path logFile = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream standardStreams = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(out, standardStreams), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, standardStreams), true, StandardCharsets.UTF_8));
    List<OrganizationFacts> facts;
    try {
      facts = azureDevOps();
      azureResourceManager(facts);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(out);
      System.setErr(err);
    }

    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    // The log is real: requests and responses of both clients were logged, with headers and bodies.
    assertThat(log).contains("/canary-org/_apis/projects", "/devops/default", "listAvailableAzureDevOpsOrgs",
        "redactedHeaders", "X-TFS-FedAuthRedirect", "TF400813", "TokenExchangeFailed", "Sign in");
    texts.add(Map.entry("the trace log", log));
    texts.add(Map.entry("the standard streams", standardStreams.toString(StandardCharsets.UTF_8)));

    Map<String, List<String>> leaks = new LinkedHashMap<>();
    long occurrences = 0;
    for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
      for (Map.Entry<String, String> text : texts) {
        int count = count(text.getValue(), canary.getValue());
        if (count > 0) {
          occurrences += count;
          leaks.computeIfAbsent(canary.getKey(), k -> new ArrayList<>()).add(text.getKey() + " (" + count + "): "
              + around(text.getValue(), canary.getValue()));
        }
      }
    }
    System.out.println("secrets: canaries=" + CANARIES.size() + " paths=" + paths.size() + " occurrences="
        + occurrences);
    assertThat(jsonDocuments).as("values Jackson could write as JSON").isPositive();
    assertThat(leaks).as("where each secret leaked").isEmpty();
  }

  // ------------------------------------------------------------------------------------------- Azure DevOps

  /** Every client call, failing and not, with each credential; returns the facts preflight found. */
  private List<OrganizationFacts> azureDevOps() {
    Estate estate = Estates.builder()
        .tenant(Fixtures.TENANT.value())
        .user("0c9e4a7b-3d2f-4e1a-8b6c-5d4e3f2a1b0c", "Casey Canary", "casey@canary.example")
        .organization(ORG.value(), o -> o.project("web", p -> p.repositories("api", "ui").pipelines("ci", "cd")))
        .organization(SECOND.value(), o -> o.project("data", p -> p.repositories("etl").pipelines("nightly")))
        .organization(LOCKED.value(), o -> o.inaccessible().project("hidden"))
        .tokenForAllOrganizations()
        .build();
    List<OrganizationFacts> facts = new ArrayList<>();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate)
        .personalAccessToken(PAT)
        .bearerToken(ADO_BEARER)
        .retryAfter(Duration.ZERO)
        .build()
        .start();
        AzureDevOpsSimulator elsewhere = AzureDevOpsSimulator.builder(estate)
            .personalAccessToken("someone-elses-token-0000")
            .bearerToken("someone-elses-bearer-0000")
            .build()
            .start()) {
      text(simulator);
      TokenCredential bearer = request -> Mono.just(new AccessToken(ADO_BEARER, OffsetDateTime.now().plusHours(1)));
      Map<String, Supplier<AzureDevOpsRestClientBuilder>> credentials = new LinkedHashMap<>();
      credentials.put("personal access token", () -> new AzureDevOpsRestClientBuilder().personalAccessToken(PAT));
      credentials.put("bearer token", () -> new AzureDevOpsRestClientBuilder().credential(bearer));
      for (Map.Entry<String, Supplier<AzureDevOpsRestClientBuilder>> credential : credentials.entrySet()) {
        String with = " (" + credential.getKey() + ")";
        AzureDevOpsRestClientBuilder builder = configure(credential.getValue().get(), simulator.endpoint());
        text(builder);
        AzureDevOpsRestClient client = builder.buildClient();
        text(client);

        enter("Azure DevOps calls that succeed" + with);
        AzureDevOpsUser user = client.signedInUser();
        text(user);
        text(client.organizations(user));
        text(client.projects(ORG, Optional.empty()));
        text(client.repositories(ORG));
        text(client.repositories(ORG, "web"));
        text(client.pipelines(ORG, "web", Optional.empty()));
        text(client.accessLevel(ORG));
        text(client.isProjectCollectionAdministrator(ORG));
        text(client.oauthAppAccess(ORG));
        text(client.organizationTenant(ORG));

        enter("discovery and preflight, one organization refusing the user with 401" + with);
        Inventory inventory = InventoryDiscovery.builder().client(client).build()
            .discover(OrganizationSelection.allExisting());
        text(inventory);
        inventory.organizations().forEach(o -> text(o.outcome()));
        PreflightReport report = Preflight.builder().client(client).tenantRegistry(new InMemoryTenantRegistry())
            .build().check(OrganizationSelection.explicit(List.of(ORG, SECOND, LOCKED)), Fixtures.TENANT,
                ValidationReport.of(List.of()));
        text(report);
        report.organizations().forEach(this::text);
        if (facts.isEmpty()) {
          report.organizations().stream().map(OrganizationPreflight::facts).flatMap(Optional::stream)
              .forEach(facts::add);
        }

        enter("401 from an organization that refuses the user" + with);
        failure(() -> client.projects(LOCKED, Optional.empty()), ServiceException.Kind.NOT_AUTHORIZED);

        enter("429 with Retry-After" + with);
        simulator.failNext(Route.PROFILE, Fault.THROTTLE, 2);
        failure(client::signedInUser, ServiceException.Kind.THROTTLED);
        simulator.clearFaults();

        enter("503 after retries" + with);
        simulator.failNext(Route.PROJECTS, Fault.SERVICE_UNAVAILABLE, 2);
        failure(() -> client.projects(ORG, Optional.empty()), ServiceException.Kind.TRANSIENT);
        simulator.clearFaults();

        enter("dropped connections" + with);
        simulator.failNext(Route.PIPELINES, Fault.DROP_CONNECTION, 4);
        failure(() -> client.pipelines(ORG, "web", Optional.empty()), ServiceException.Kind.TRANSIENT);
        simulator.clearFaults();

        enter("malformed JSON" + with);
        // The first answer and both answers to the client's retries are malformed.
        simulator.failNext(Route.ORGANIZATION_REPOSITORIES, Fault.MALFORMED_JSON, 3);
        failure(() -> client.repositories(ORG), ServiceException.Kind.PROTOCOL);
        simulator.clearFaults();

        enter("401 for a credential the service rejects" + with);
        AzureDevOpsRestClient rejected = configure(credential.getValue().get(), elsewhere.endpoint()).buildClient();
        failure(rejected::signedInUser, ServiceException.Kind.NOT_AUTHORIZED);

        enter("203 sign-in page for a rejected credential" + with);
        AzureDevOpsRestClient signIn = configure(credential.getValue().get(), elsewhere.endpoint())
            .addPolicy(new WithoutFedAuthRedirect()).buildClient();
        failure(() -> signIn.projects(ORG, Optional.empty()), ServiceException.Kind.NOT_AUTHORIZED);
      }
      text(simulator.counters());
    }
    assertThat(facts).as("preflight facts of the accessible organizations").hasSize(2);
    return facts;
  }

  private static AzureDevOpsRestClientBuilder configure(AzureDevOpsRestClientBuilder builder, String endpoint) {
    return builder.endpoint(endpoint)
        .httpLogOptions(verbose())
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(1).setBaseDelay(Duration.ofMillis(5))
            .setMaxDelay(Duration.ofMillis(100))));
  }

  /** The most verbose HTTP logging there is, with the credential header even allowed by name. */
  private static HttpLogOptions verbose() {
    return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS)
        .addAllowedHeaderName("Authorization")
        .addAllowedQueryParamName("memberId");
  }

  /** Drops the header that asks for a 401 instead of a sign-in page, as some proxies do. */
  private static final class WithoutFedAuthRedirect extends HttpPipelineSyncPolicy {
    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
      context.getHttpRequest().getHeaders().remove(HttpHeaderName.fromString("X-TFS-FedAuthRedirect"));
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_RETRY;
    }
  }

  // ------------------------------------------------------------------------------------ Azure Resource Manager

  /** Creating, re-authorizing, taking over, and the failures on the way, through the real ARM client. */
  private void azureResourceManager(List<OrganizationFacts> facts) {
    ArmSimulatorOptions options = ArmSimulatorOptions.builder()
        .pollsBeforeCompletion(1)
        .addExpiredCodes(CODE + "-expired")
        .addOrganizations(ArmSimulatorOrganization.of(ORG.value()), ArmSimulatorOrganization.of(SECOND.value()))
        .build();
    path = "ARM setup";
    try (ArmSimulator simulator = ArmSimulator.builder().options(options).build().start()) {
      text(simulator);
      text(options);
      DefenderConnectorClientBuilder ownerBuilder = arm(simulator, Fixtures.armIdentity(OWNER_ID));
      text(ownerBuilder);
      DefenderConnectorClient ownerClient = ownerBuilder.buildClient();
      DefenderConnectorClient takerClient = arm(simulator, Fixtures.armIdentity(TAKER_ID)).buildClient();
      text(ownerClient);
      ArmConnectorStore ownerStore = ArmConnectorStore.create(ownerClient, Fixtures.TENANT);
      ArmConnectorStore takerStore = ArmConnectorStore.create(takerClient, Fixtures.TENANT);
      text(ownerStore);
      InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
      EditContext ownerContext = EditContext.builder().store(ownerStore).tenantRegistry(registry)
          .addAllOrganizationFacts(facts).build();
      EditContext takerContext = EditContext.builder().store(takerStore).tenantRegistry(registry)
          .addAllOrganizationFacts(facts).build();
      text(ownerContext);
      Connector connector = Fixtures.connector("canary-connector", OrganizationSelection.explicit(List.of(ORG)),
          OWNER);
      ConnectorId id = ConnectorId.of(connector);
      text(connector);
      text(id);

      enter("ARM create: code exchange and long-running write");
      AuthorizationCode creationCode = AuthorizationCode.of(CODE + "-create");
      text(creationCode);
      VersionedConnector created = ConnectorCreation.create(connector, creationCode, ownerContext);
      assertThat(creationCode.isDestroyed()).isTrue();
      text(creationCode);
      text(created);
      text(ownerClient.getDevOpsConnector(id));
      text(ownerClient.getDevOpsConfiguration(id));
      text(CreateConnectorOptions.of(connector, AuthorizationCode.of(CODE + "-options")));
      text(UpdateDevOpsConfigurationOptions.builder().authorization(AuthorizationCode.of(CODE + "-options"))
          .organizations(OrganizationSelection.explicit(List.of(ORG))).build());

      enter("ARM token exchange failure: an expired code");
      Connector expired = Fixtures.connector("canary-expired", OrganizationSelection.explicit(List.of(SECOND)),
          OWNER);
      failure(() -> ownerStore.create(expired, AuthorizationCode.of(CODE + "-expired")), ServiceException.Kind.NOT_AUTHORIZED);

      enter("ARM token exchange failure: a code used twice");
      Connector reused = Fixtures.connector("canary-reused", OrganizationSelection.explicit(List.of(SECOND)),
          OWNER);
      failure(() -> ownerStore.create(reused, AuthorizationCode.of(CODE + "-create")), ServiceException.Kind.NOT_AUTHORIZED);

      enter("edit with re-authorization by the owner");
      EditSession reauthorized = EditSession.open(ownerStore.find(connector.id()).orElseThrow(), OWNER,
          ownerContext).reauthorize(AuthorizationCode.of(CODE + "-reauth")).addOrganization(SECOND);
      text(reauthorized);
      text(reauthorized.ownershipDecision());
      ChangeSet review = reauthorized.review();
      text(review);
      review.changes().forEach(this::text);
      VersionedConnector saved = reauthorized.update();
      text(saved);
      text(reauthorized);

      enter("edit with re-authorization from a stale version: conflict");
      failure(() -> EditSession.open(created, OWNER, ownerContext)
          .reauthorize(AuthorizationCode.of(CODE + "-stale")).update(), EditConflictException.class);

      enter("takeover refused, then confirmed");
      VersionedConnector current = takerStore.find(connector.id()).orElseThrow();
      failure(() -> EditSession.open(current, TAKER, takerContext).review(), EditNotAllowedException.class);
      failure(() -> EditSession.open(current, TAKER, takerContext)
          .reauthorize(AuthorizationCode.of(CODE + "-unconfirmed")).review(), EditNotAllowedException.class);
      EditSession takeover = EditSession.open(current, TAKER, takerContext)
          .reauthorize(AuthorizationCode.of(CODE + "-takeover")).confirmTakeover();
      text(takeover.review());
      text(takeover.update());
      text(takeover);
      text(takerClient.listAvailableAzureDevOpsOrgs(id));

      enter("listAvailableAzureDevOpsOrgs 401: not the authorizing identity");
      failure(() -> ownerClient.listAvailableAzureDevOpsOrgs(id), ServiceException.Kind.NOT_AUTHORIZED);

      enter("ARM 401 for a rejected token");
      DefenderConnectorClient rejected = arm(simulator, request -> Mono.just(new AccessToken(REJECTED_ARM_TOKEN,
          OffsetDateTime.now().plusHours(1)))).buildClient();
      failure(() -> rejected.getDevOpsConfiguration(id), ServiceException.Kind.NOT_AUTHORIZED);
      failure(() -> rejected.createConnector(CreateConnectorOptions.of(Fixtures.connector("canary-rejected",
          OrganizationSelection.explicit(List.of(ORG)), OWNER), AuthorizationCode.of(CODE + "-rejected"))),
          ServiceException.Kind.NOT_AUTHORIZED);
    }
  }

  private static DefenderConnectorClientBuilder arm(ArmSimulator simulator, TokenCredential credential) {
    return new DefenderConnectorClientBuilder()
        .endpoint(simulator.endpoint())
        .credential(credential)
        .httpLogOptions(verbose())
        .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(2))))
        .pollInterval(Duration.ofMillis(1));
  }

  // ---------------------------------------------------------------------------------------------- collecting

  private void enter(String name) {
    path = name;
    paths.add(name);
  }

  /** The value's {@code toString()}, and its JSON when Jackson can write it. */
  private void text(Object value) {
    texts.add(Map.entry(path + ": toString", String.valueOf(value)));
    json(value);
  }

  private void json(Object value) {
    try {
      texts.add(Map.entry(path + ": JSON of " + (value == null ? "null" : value.getClass().getSimpleName()),
          json.writeValueAsString(value)));
      jsonDocuments++;
    } catch (IOException | RuntimeException | StackOverflowError notSerializable) {
      // Not every value is a bean; what Jackson cannot write cannot leak through it either.
    }
  }

  /** Runs a call that must fail, and collects everything the failure carries. */
  private void failure(Runnable call, ServiceException.Kind kind) {
    Throwable thrown = failure(call, ServiceException.class);
    assertThat(((ServiceException) thrown).kind()).as(path).isEqualTo(kind);
  }

  private Throwable failure(Runnable call, Class<? extends Throwable> type) {
    Throwable thrown = null;
    try {
      call.run();
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as(path).isInstanceOf(type);
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    texts.add(Map.entry(path + ": stack trace", trace.toString()));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>(List.of(thrown));
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(0);
      if (!seen.add(t)) {
        continue;
      }
      texts.add(Map.entry(path + ": message of " + t.getClass().getSimpleName(), String.valueOf(t.getMessage())));
      texts.add(Map.entry(path + ": toString of " + t.getClass().getSimpleName(), t.toString()));
      json(t);
      if (t instanceof HttpResponseException) {
        response((HttpResponseException) t);
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
    }
    return thrown;
  }

  /** The response an azure-core exception carries, and the request inside it. */
  private void response(HttpResponseException exception) {
    text(exception.getValue());
    HttpResponse response = exception.getResponse();
    if (response == null) {
      return;
    }
    texts.add(Map.entry(path + ": response", response + " " + response.getStatusCode() + " "
        + response.getHeaders().stream().map(h -> h.getName() + ": " + h.getValue())
            .collect(Collectors.joining("; "))));
    BinaryData body = response.getBodyAsBinaryData();
    if (body != null) {
      texts.add(Map.entry(path + ": response body", body.toString()));
    }
    HttpRequest request = response.getRequest();
    if (request != null) {
      texts.add(Map.entry(path + ": request", request.getHttpMethod() + " " + request.getUrl() + " "
          + request.getHeaders().stream().map(h -> h.getName() + ": " + h.getValue())
              .collect(Collectors.joining("; "))));
      BinaryData requestBody = request.getBodyAsBinaryData();
      if (requestBody != null) {
        texts.add(Map.entry(path + ": request body", requestBody.toString()));
      }
    }
  }

  private static int count(String text, String secret) {
    int count = 0;
    for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      count++;
    }
    return count;
  }

  private static String around(String text, String secret) {
    int at = text.indexOf(secret);
    return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40))
        .replace('\n', ' ');
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      synchronized (second) {
        second.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
