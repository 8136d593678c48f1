package io.github.devopsconnector.quality;

import static io.github.devopsconnector.testsupport.HostileAdoServer.ORGANIZATION;
import static io.github.devopsconnector.testsupport.HostileAdoServer.OTHER_ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClient;
import io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.discovery.DiscoveryHandle;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.testsupport.AttackLedger;
import io.github.devopsconnector.testsupport.AttackLedger.Evidence;
import io.github.devopsconnector.testsupport.HostileAdoServer;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;

/**
 * The hostile-server suite: every attack of a hostile Azure DevOps (or Resource Manager) server that a client can
 * meet, against the REST clients, discovery and preflight, each under a shortened deadline. Each attack must end in
 * a typed error or a documented refusal, within its deadline, with no credential in any message, output or log
 * line. The figures (attacks, typed, bounded, leaks) go to the build log; the README's Quality table quotes them.
 *
 * <p>To add an attack: one {@code attack(...)} line in the right group below. Long-running-operation and paging
 * attacks on the Resource Manager client go in {@link #resourceManager()}.
 */
class HostileServerSuiteTest {
  private static final String PAT = "hostilesuitepat7f3a9c2e1b8d4f6a0c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f";
  private static final String BEARER =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJob3N0aWxlLXN1aXRlIn0.aG9zdGlsZXN1aXRlc2lnbmF0dXJl";
  private static final String ARM_TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcm0taG9zdGlsZSJ9.YXJtaG9zdGlsZXNpZ25hdHVyZQ";
  private static final String CODE = "hostile-suite-authorization-code-4d9f2b7c";
  private static final AttackLedger LEDGER = new AttackLedger("clients, discovery, preflight",
      Set.of(PAT, BEARER, ARM_TOKEN, CODE, "aG9zdGlsZXN1aXRlc2lnbmF0dXJl", "YXJtaG9zdGlsZXNpZ25hdHVyZQ"));
  private static final OrganizationName TARGET = OrganizationName.parse(ORGANIZATION);

  // ------------------------------------------------------------------------------------- the REST client

  @TestFactory
  Stream<DynamicTest> azureDevOpsClient() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(clientAttack("Retry-After of a day", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.throttle(86_400)),
        b -> b, c -> c.projects(TARGET, Optional.empty()),
        e -> e.kind() == Kind.THROTTLED && e.retryAfter().equals(Optional.of(Duration.ofDays(1)))));
    tests.add(clientAttack("Retry-After of Long.MAX_VALUE seconds", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION),
            HostileAdoServer.throttle(Long.MAX_VALUE)),
        b -> b, c -> c.projects(TARGET, Optional.empty()), e -> e.kind() == Kind.THROTTLED));
    tests.add(clientAttack("Retry-After longer than the call timeout", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.throttle(20)),
        b -> b.callTimeout(Duration.ofSeconds(3)), c -> c.projects(TARGET, Optional.empty()),
        e -> e.kind() == Kind.THROTTLED && e.retryAfter().equals(Optional.of(Duration.ofSeconds(20)))));
    tests.add(clientAttack("a server that never answers", Duration.ofMillis(1500),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), RawHttpServer.stall()),
        b -> b.callTimeout(Duration.ofMillis(1500)), c -> c.projects(TARGET, Optional.empty()),
        e -> e.kind() == Kind.TRANSIENT));
    tests.add(clientAttack("slowloris body: a byte every 300 ms", Duration.ofSeconds(1),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.trickle(
            "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"Web\"}]}", Duration.ofMillis(300))),
        b -> b.requestTimeout(Duration.ofSeconds(1)), c -> c.projects(TARGET, Optional.empty()),
        e -> e.kind() == Kind.TRANSIENT && e.getMessage().contains("request timeout")));
    tests.add(clientAttack("slowloris headers: a byte every 200 ms", Duration.ofSeconds(2),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), RawHttpServer.drip(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
            Duration.ofMillis(200))),
        b -> b.responseTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(2)),
        c -> c.projects(TARGET, Optional.empty()), e -> e.kind() == Kind.TRANSIENT));
    tests.add(clientAttack("graph groups paging without end", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.groups(ORGANIZATION), HostileAdoServer.endlessNewPages("group")),
        b -> b.maxGraphGroupPages(20), c -> c.isProjectCollectionAdministrator(TARGET),
        e -> e.kind() == Kind.PROTOCOL && e.getMessage().contains("graph groups")));
    tests.add(clientAttack("graph groups repeating a page under new tokens", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.groups(ORGANIZATION), HostileAdoServer.endlessPages(
            "{\"subjectKind\":\"group\",\"principalName\":\"[fabrikam]\\\\Readers\",\"descriptor\":\"vssgp.r\"}")),
        b -> b, c -> c.isProjectCollectionAdministrator(TARGET),
        e -> e.kind() == Kind.PROTOCOL && e.getMessage().contains("graph groups")));
    tests.add(clientAttack("the PAT echoed in an error body", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.echoAuthorization(401)),
        b -> b, c -> c.projects(TARGET, Optional.empty()), e -> e.kind() == Kind.NOT_AUTHORIZED));
    tests.add(clientAttack("duplicate keys in a JSON answer", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.ok(
            "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"Web\",\"name\":\"../../evil\"}]}")),
        b -> b, c -> c.projects(TARGET, Optional.empty()), e -> e.kind() == Kind.PROTOCOL));
    tests.add(refusal("a 300,000-character project name from the caller", () -> {
      try (HostileAdoServer server = HostileAdoServer.start();
          AzureDevOpsRestClient client = ado(server).buildClient()) {
        client.pipelines(TARGET, "n".repeat(300_000), Optional.empty());
        return Evidence.untyped("accepted");
      } catch (IllegalArgumentException e) {
        return e.getMessage().length() < 300 ? Evidence.typed("refused: " + e.getMessage(), e.getMessage())
            : Evidence.untyped("a long message");
      }
    }));
    tests.add(entraAttack("a bearer token with a line break", Duration.ofSeconds(3),
        BEARER + "\r\nX-Injected: 1", s -> { },
        (e, s) -> e.kind() == Kind.NOT_AUTHORIZED && s.requests().isEmpty()));
    tests.add(entraAttack("the bearer token echoed in an error body", Duration.ofSeconds(3), BEARER,
        s -> s.attack("GET", "/_apis/profile/profiles/me", HostileAdoServer.echoAuthorization(400)),
        (e, s) -> e.statusCode() == 400));
    tests.add(refusal("'.' and '..' as project names", () -> {
      try (HostileAdoServer server = HostileAdoServer.start();
          AzureDevOpsRestClient client = ado(server).buildClient()) {
        List<String> messages = new ArrayList<>();
        for (String name : List.of(".", "..")) {
          try {
            client.pipelines(TARGET, name, Optional.empty());
            return Evidence.untyped("accepted " + name);
          } catch (IllegalArgumentException e) {
            messages.add(e.getMessage());
          }
        }
        return server.requests().isEmpty() ? Evidence.typed("refused before any request", messages.toArray(
            String[]::new)) : Evidence.untyped("requests were sent");
      }
    }));
    tests.add(refusal("an HTTP client that follows redirects with the PAT", () -> {
      try {
        new AzureDevOpsRestClientBuilder().personalAccessToken(PAT).httpClient(new JdkHttpClientBuilder(
            java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.ALWAYS))
            .build()).buildClient();
        return Evidence.untyped("accepted");
      } catch (IllegalStateException e) {
        return Evidence.typed("refused at build time", e.getMessage());
      }
    }));
    return tests.stream();
  }

  // ------------------------------------------------------------------------------------------- discovery

  @TestFactory
  Stream<DynamicTest> discovery() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(discoveryAttack("projects paging in circles under new tokens", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION),
            HostileAdoServer.endlessPages("{\"id\":\"p1\",\"name\":\"Web\"}")),
        o -> o, Kind.PROTOCOL));
    tests.add(discoveryAttack("projects paging without end", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.endlessNewPages("project")),
        o -> o.maxProjectPages(30), Kind.PROTOCOL));
    tests.add(discoveryAttack("pipelines paging without end", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.pipelines(ORGANIZATION, HostileAdoServer.PROJECT),
            HostileAdoServer.endlessNewPages("pipeline")),
        o -> o.maxPipelinePages(30), Kind.PROTOCOL));
    tests.add(discoveryAttack("Retry-After of a day on one organization", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.throttle(86_400)),
        o -> o.maxWait(Duration.ofSeconds(1)), Kind.THROTTLED));
    tests.add(discoveryAttack("a stalled organization under the run's time limit", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), RawHttpServer.stall()),
        o -> o.timeout(Duration.ofSeconds(2)), Kind.TRANSIENT));
    tests.add(discoveryAttack("a trickling organization under the run's time limit", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.trickle(
            "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"Web\"}]}", Duration.ofMillis(500))),
        o -> o.timeout(Duration.ofSeconds(2)), Kind.TRANSIENT));
    tests.add(discoveryAttack("a 300,000-character project name from the server", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.ok(
            "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"" + "n".repeat(300_000) + "\"}]}")),
        o -> o, Kind.PROTOCOL));
    tests.add(DynamicTest.dynamicTest("discovery: a project named '..' by the server", () -> record(LEDGER.run(
        "discovery", "a project named '..' by the server", Duration.ofSeconds(5), () -> {
          try (HostileAdoServer server = HostileAdoServer.start();
              AzureDevOpsRestClient client = ado(server).buildClient()) {
            server.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.ok(
                "{\"count\":1,\"value\":[{\"id\":\"dd3b1f0c-0000-4000-8000-000000000001\",\"name\":\"..\"}]}"));
            server.attack("GET", "/" + ORGANIZATION + "/dd3b1f0c-0000-4000-8000-000000000001/_apis/pipelines",
                HostileAdoServer.ok("{\"count\":0,\"value\":[]}"));
            Inventory inventory = InventoryDiscovery.builder().client(client).build()
                .discover(OrganizationSelection.allExisting());
            boolean escaped = server.requests().stream().anyMatch(r -> r.path().contains("/../")
                || r.path().equals("/" + ORGANIZATION + "/_apis/pipelines"));
            boolean discovered = outcome(inventory, ORGANIZATION).status() == OrganizationStatus.DISCOVERED;
            return discovered && !escaped ? Evidence.typed("listed by the project's id", inventory.toString())
                : Evidence.untyped("escaped=" + escaped + " " + inventory);
          }
        }))));
    tests.add(DynamicTest.dynamicTest("discovery: cancelled while the server stalls", () -> record(LEDGER.run(
        "discovery", "cancelled while the server stalls", Duration.ofSeconds(2), () -> {
          try (HostileAdoServer server = HostileAdoServer.start();
              AzureDevOpsRestClient client = ado(server).buildClient()) {
            server.attack("GET", HostileAdoServer.projects(ORGANIZATION), RawHttpServer.stall());
            server.attack("GET", HostileAdoServer.projects(OTHER_ORGANIZATION), RawHttpServer.stall());
            int before = threads("inventory-discovery");
            DiscoveryHandle<Inventory> handle = InventoryDiscovery.builder().client(client).build()
                .start(OrganizationSelection.allExisting());
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.requests().stream().filter(r -> r.path().endsWith("/_apis/projects")).count() < 2
                && System.nanoTime() < until) {
              Thread.sleep(10);
            }
            long start = System.nanoTime();
            handle.cancel();
            boolean ended = handle.awaitTermination(Duration.ofSeconds(1));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Thread.sleep(100);
            int after = threads("inventory-discovery");
            String seen = "ended=" + ended + " in " + took.toMillis() + " ms, discovery threads " + before + " -> "
                + after;
            return ended && after <= before && handle.isCancelled() ? Evidence.typed(seen)
                : Evidence.untyped(seen);
          }
        }))));
    return tests.stream();
  }

  // ------------------------------------------------------------------------------------------- preflight

  @TestFactory
  Stream<DynamicTest> preflight() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(preflightAttack("a stalled entitlement under the run's time limit", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.entitlement(ORGANIZATION), RawHttpServer.stall()),
        o -> o.timeout(Duration.ofSeconds(2)), Kind.TRANSIENT));
    tests.add(preflightAttack("Retry-After of a day on the entitlement", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.entitlement(ORGANIZATION), HostileAdoServer.throttle(86_400)),
        o -> o.maxWait(Duration.ofSeconds(1)), Kind.THROTTLED));
    tests.add(preflightAttack("graph groups repeating a page under new tokens", Duration.ofSeconds(5),
        s -> s.attack("GET", HostileAdoServer.groups(ORGANIZATION), HostileAdoServer.endlessPages(
            "{\"subjectKind\":\"group\",\"principalName\":\"[fabrikam]\\\\Readers\",\"descriptor\":\"vssgp.r\"}")),
        o -> o, Kind.PROTOCOL));
    tests.add(DynamicTest.dynamicTest("preflight: the caller interrupted while the server stalls", () -> record(
        LEDGER.run("preflight", "the caller interrupted while the server stalls", Duration.ofSeconds(2), () -> {
          try (HostileAdoServer server = HostileAdoServer.start();
              AzureDevOpsRestClient client = ado(server).buildClient()) {
            server.attack("GET", HostileAdoServer.entitlement(ORGANIZATION), RawHttpServer.stall());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
              try {
                Preflight.builder().client(client).tenantRegistry(new InMemoryTenantRegistry()).build()
                    .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of()));
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
            caller.start();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.requests().stream().noneMatch(r -> r.path().contains("userentitlements"))
                && System.nanoTime() < until) {
              Thread.sleep(10);
            }
            long start = System.nanoTime();
            caller.interrupt();
            caller.join(1_000);
            long ends = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (threads("preflight") > 0 && System.nanoTime() < ends) {
              Thread.sleep(20);
            }
            String seen = "ended in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms with "
                + thrown.get() + ", preflight threads left " + threads("preflight");
            return !caller.isAlive() && thrown.get() instanceof CancellationException && threads("preflight") == 0
                ? Evidence.typed(seen, String.valueOf(thrown.get())) : Evidence.untyped(seen);
          }
        }))));
    return tests.stream();
  }

  // ---------------------------------------------------------------------------------- the Resource Manager

  @TestFactory
  Stream<DynamicTest> resourceManager() {
    List<DynamicTest> tests = new ArrayList<>();
    ConnectorId id = ConnectorId.of(SubscriptionId.parse("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3"),
        ResourceGroupName.parse("rg"), ConnectorName.parse("hostile"));
    String connectorPath = "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/rg/providers/"
        + "Microsoft.Security/securityConnectors/hostile";
    tests.add(armAttack("a token with a line break", Duration.ofSeconds(15), ARM_TOKEN + "\nX-Injected: 1",
        s -> { }, c -> c.getConnector(id),
        (t, s) -> t instanceof IllegalStateException && t.getMessage().contains("line break")
            && s.requests().isEmpty()));
    tests.add(armAttack("the bearer token echoed in an error body", Duration.ofSeconds(15), ARM_TOKEN,
        s -> s.on("GET", connectorPath, (request, out) -> RawHttpServer.json(400, "application/json",
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\"token " + request.headers().get("authorization")
                + " is not valid\"}}").respond(request, out)),
        c -> c.getConnector(id), (t, s) -> t instanceof ServiceException && t.getCause() instanceof HttpResponseException));
    tests.add(armAttack("duplicate keys in a resource", Duration.ofSeconds(15), ARM_TOKEN,
        s -> s.on("GET", connectorPath, RawHttpServer.json(200, "application/json",
            "{\"id\":\"" + connectorPath + "\",\"name\":\"hostile\",\"name\":\"other\",\"location\":\"eastus\","
                + "\"properties\":{}}")),
        c -> c.getConnector(id), (t, s) -> t instanceof ServiceException && t.getCause() instanceof HttpResponseException));
    tests.add(armAttack("'..' as an organization name", Duration.ofSeconds(5), ARM_TOKEN, s -> { },
        c -> c.getAzureDevOpsOrg(id, ".."),
        (t, s) -> t instanceof IllegalArgumentException && s.requests().isEmpty()));
    // Every wait has an end: the client's own bounded retry, limits and paging, under shortened limits.
    for (Map.Entry<String, Map<String, String>> wait : Map.of(
        "Retry-After of a day on 429", Map.of("Retry-After", "86400"),
        "Retry-After of Long.MAX_VALUE seconds", Map.of("Retry-After", "9223372036854775807"),
        "Retry-After as an HTTP date a day away", Map.of("Retry-After", java.time.format.DateTimeFormatter
            .RFC_1123_DATE_TIME.format(OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1))),
        "retry-after-ms of a day", Map.of("retry-after-ms", "86400000")).entrySet()) {
      Map<String, String> headers = new java.util.HashMap<>(wait.getValue());
      headers.put("Content-Type", "application/json");
      tests.add(armAttack(wait.getKey(), Duration.ofSeconds(3), ARM_TOKEN, b -> { },
          s -> s.on("GET", connectorPath, RawHttpServer.withHeaders(429, headers,
              "{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"slow down\"}}")),
          c -> c.getConnector(id), (t, s) -> isKind(t, ServiceException.Kind.THROTTLED) && s.requests().size() == 1));
    }
    tests.add(armAttack("a server that never answers", Duration.ofSeconds(4), ARM_TOKEN,
        b -> b.responseTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(2)),
        s -> s.on("GET", connectorPath, RawHttpServer.stall()),
        c -> c.getConnector(id), (t, s) -> isKind(t, ServiceException.Kind.TRANSIENT)));
    tests.add(armAttack("slowloris body: a byte every 300 ms", Duration.ofSeconds(4), ARM_TOKEN,
        b -> b.requestTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)),
        s -> s.on("GET", connectorPath, RawHttpServer.dripBody(200, "application/json",
            "{\"id\":\"" + connectorPath + "\",\"name\":\"hostile\",\"location\":\"eastus\",\"properties\":{}}",
            Duration.ofMillis(300))),
        c -> c.getConnector(id), (t, s) -> isKind(t, ServiceException.Kind.TRANSIENT)));
    String listPath = "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/providers/Microsoft.Security/"
        + "securityConnectors";
    java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
    tests.add(armAttack("nextLink paging without end, a new link and new items on every page",
        Duration.ofSeconds(10), ARM_TOKEN, b -> b.maxPages(30),
        s -> s.on("GET", listPath, (request, out) -> {
          int page = pages.incrementAndGet();
          RawHttpServer.json(200, "application/json", "{\"value\":[{\"id\":\"" + listPath + "/c" + page
              + "\",\"name\":\"c" + page + "\",\"location\":\"eastus\",\"properties\":{}}],\"nextLink\":\""
              + s.url() + listPath + "?api-version=2024-08-01-preview&$skipToken=" + page + "\"}")
              .respond(request, out);
        }),
        c -> c.listConnectors(SubscriptionId.parse("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")).stream().count(),
        (t, s) -> isKind(t, ServiceException.Kind.PROTOCOL) && s.requests().size() <= 31));
    tests.add(armAttack("a one-time code write answered 503 is sent once", Duration.ofSeconds(10), ARM_TOKEN,
        b -> { },
        s -> s.on("PATCH", connectorPath + "/devops/default", RawHttpServer.withHeaders(503,
            Map.of("Content-Type", "application/json", "Retry-After", "0"),
            "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"try again\"}}")),
        c -> c.updateDevOpsConfiguration(id, UpdateDevOpsConfigurationOptions.builder()
            .authorization(AuthorizationCode.of(CODE)).build()),
        (t, s) -> t instanceof AuthorizationOutcomeUnknownException
            && s.requests().stream().filter(r -> r.method().equals("PATCH")).count() == 1));
    tests.add(refusal("an If-Match with CR/LF", () -> {
      try {
        UpdateDevOpsConfigurationOptions.builder().ifMatch("\"1\"\r\nX-Injected: 1")
            .topLevelInventoryList(List.of("fabrikam")).build();
        return Evidence.untyped("accepted");
      } catch (IllegalArgumentException e) {
        return Evidence.typed("refused before any request", e.getMessage());
      }
    }));
    tests.add(refusal("an HTTP client that follows redirects with the token", () -> {
      try {
        new DefenderConnectorClientBuilder().credential(credential(ARM_TOKEN)).httpClient(new JdkHttpClientBuilder(
            java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL))
            .build()).buildClient();
        return Evidence.untyped("accepted");
      } catch (IllegalStateException e) {
        return Evidence.typed("refused at build time", e.getMessage());
      }
    }));
    return tests.stream();
  }

  @AfterAll
  static void figures() throws Exception {
    // Everything the libraries logged during the suite, at trace level, is an output too.
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    if (logFile != null && Files.exists(Path.of(logFile))) {
      String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
      assertThat(LEDGER.leaks(List.of(log))).as("a secret in the log").isFalse();
    }
    System.out.println(LEDGER.report());
    assertThat(LEDGER.outcomes()).allMatch(AttackLedger.Outcome::defeated, "every attack defeated");
  }

  // ------------------------------------------------------------------------------------------- plumbing

  private static void record(AttackLedger.Outcome outcome) {
    assertThat(outcome.defeated()).as(outcome.toString()).isTrue();
  }

  /** A client with the defaults, but waits shortened: at most 2 s per wait (default 60 s). */
  private static AzureDevOpsRestClientBuilder ado(HostileAdoServer server) {
    return new AzureDevOpsRestClientBuilder().endpoint(server.url()).personalAccessToken(PAT)
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setBaseDelay(Duration.ofMillis(100))
            .setMaxDelay(Duration.ofSeconds(2))));
  }

  @BeforeAll
  static void warmUp() {
    // Class loading and the JDK HTTP client's first start are not what the deadlines measure.
    try (HostileAdoServer server = HostileAdoServer.start();
        AzureDevOpsRestClient client = ado(server).buildClient()) {
      client.signedInUser();
    }
  }

  private static DynamicTest clientAttack(String name, Duration deadline, Consumer<HostileAdoServer> setup,
      Function<AzureDevOpsRestClientBuilder, AzureDevOpsRestClientBuilder> configure,
      Function<AzureDevOpsRestClient, Object> call, java.util.function.Predicate<ServiceException> expected) {
    return DynamicTest.dynamicTest("client: " + name, () -> record(LEDGER.run("client", name, deadline, () -> {
      try (HostileAdoServer server = HostileAdoServer.start();
          AzureDevOpsRestClient client = configure.apply(ado(server)).buildClient()) {
        setup.accept(server);
        return judge(() -> call.apply(client), expected);
      }
    })));
  }

  private static DynamicTest entraAttack(String name, Duration deadline, String token,
      Consumer<HostileAdoServer> setup,
      java.util.function.BiPredicate<ServiceException, HostileAdoServer> expected) {
    return DynamicTest.dynamicTest("client: " + name, () -> record(LEDGER.run("client", name, deadline, () -> {
      try (HostileAdoServer server = HostileAdoServer.start();
          AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().endpoint(server.url())
              .credential(credential(token)).buildClient()) {
        setup.accept(server);
        return judge(client::signedInUser, e -> expected.test(e, server));
      }
    })));
  }

  private static Evidence judge(java.util.concurrent.Callable<Object> call,
      java.util.function.Predicate<ServiceException> expected) {
    try {
      Object value = call.call();
      return Evidence.untyped("no error: " + value);
    } catch (ServiceException e) {
      String all = e.getMessage() + " " + stackTrace(e);
      return expected.test(e) ? Evidence.typed(e.kind() + ": " + clip(e.getMessage()), all)
          : Evidence.untyped("unexpected " + e.kind() + ": " + clip(e.getMessage()), all);
    } catch (Exception e) {
      return Evidence.untyped("untyped " + e, stackTrace(e));
    }
  }

  private static DynamicTest discoveryAttack(String name, Duration deadline, Consumer<HostileAdoServer> setup,
      Function<DiscoveryOptions.Builder, DiscoveryOptions.Builder> options, Kind expected) {
    return DynamicTest.dynamicTest("discovery: " + name, () -> record(LEDGER.run("discovery", name, deadline,
        () -> {
          try (HostileAdoServer server = HostileAdoServer.start();
              AzureDevOpsRestClient client = ado(server).buildClient()) {
            setup.accept(server);
            Inventory inventory = InventoryDiscovery.builder().client(client)
                .options(options.apply(DiscoveryOptions.builder()).build()).build()
                .discover(OrganizationSelection.allExisting());
            OrganizationOutcome target = outcome(inventory, ORGANIZATION);
            OrganizationOutcome other = outcome(inventory, OTHER_ORGANIZATION);
            boolean typed = target.status() == OrganizationStatus.FAILED
                && target.error().map(e -> e.kind() == expected).orElse(false)
                && other.status() == OrganizationStatus.DISCOVERED;
            String seen = target.status() + " " + target.error().map(Object::toString).orElse("") + "; "
                + OTHER_ORGANIZATION + " " + other.status();
            return typed ? Evidence.typed(clip(seen), inventory.toString(), seen)
                : Evidence.untyped(clip(seen), inventory.toString());
          }
        })));
  }

  private static DynamicTest preflightAttack(String name, Duration deadline, Consumer<HostileAdoServer> setup,
      Function<DiscoveryOptions.Builder, DiscoveryOptions.Builder> options, Kind expected) {
    return DynamicTest.dynamicTest("preflight: " + name, () -> record(LEDGER.run("preflight", name, deadline,
        () -> {
          try (HostileAdoServer server = HostileAdoServer.start();
              AzureDevOpsRestClient client = ado(server).buildClient()) {
            setup.accept(server);
            PreflightReport report = Preflight.builder().client(client)
                .tenantRegistry(new InMemoryTenantRegistry())
                .options(options.apply(DiscoveryOptions.builder()).build()).build()
                .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of()));
            OrganizationPreflight target = report.organizations().stream()
                .filter(o -> o.organization().value().equals(ORGANIZATION)).findFirst().orElseThrow();
            OrganizationPreflight other = report.organizations().stream()
                .filter(o -> o.organization().value().equals(OTHER_ORGANIZATION)).findFirst().orElseThrow();
            boolean typed = target.error().map(e -> e.kind() == expected).orElse(false) && other.isEligible();
            String seen = ORGANIZATION + " " + target.error().map(Object::toString).orElse("no error") + "; "
                + OTHER_ORGANIZATION + (other.isEligible() ? " eligible" : " greyed out");
            return typed ? Evidence.typed(clip(seen), report.toString(), seen)
                : Evidence.untyped(clip(seen), report.toString());
          }
        })));
  }

  private static DynamicTest armAttack(String name, Duration deadline, String token,
      Consumer<RawHttpServer> setup, Function<DefenderConnectorClient, Object> call,
      java.util.function.BiPredicate<Throwable, RawHttpServer> expected) {
    return armAttack(name, deadline, token, b -> { }, setup, call, expected);
  }

  private static DynamicTest armAttack(String name, Duration deadline, String token,
      Consumer<DefenderConnectorClientBuilder> limits, Consumer<RawHttpServer> setup,
      Function<DefenderConnectorClient, Object> call, java.util.function.BiPredicate<Throwable, RawHttpServer> expected) {
    return DynamicTest.dynamicTest("arm: " + name, () -> record(LEDGER.run("arm", name, deadline, () -> {
      try (RawHttpServer server = RawHttpServer.start(request -> RawHttpServer.json(404, "application/json",
          "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"not here\"}}"))) {
        setup.accept(server);
        DefenderConnectorClientBuilder builder = new DefenderConnectorClientBuilder().endpoint(server.url())
            .credential(credential(token));
        limits.accept(builder);
        try (DefenderConnectorClient client = builder.buildClient()) {
          Object value = call.apply(client);
          return Evidence.untyped("no error: " + value);
        } catch (RuntimeException e) {
          String all = e.getMessage() + " " + stackTrace(e);
          return expected.test(e, server) ? Evidence.typed(e.getClass().getSimpleName() + ": "
              + clip(e.getMessage()), all) : Evidence.untyped("unexpected " + e, all);
        }
      }
    })));
  }

  private static DynamicTest refusal(String name, AttackLedger.Attack attack) {
    return DynamicTest.dynamicTest("refusal: " + name, () -> record(LEDGER.run("refusal", name,
        Duration.ofSeconds(3), attack)));
  }

  private static TokenCredential credential(String token) {
    return request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
  }

  private static OrganizationOutcome outcome(Inventory inventory, String organization) {
    return inventory.organizations().stream().map(o -> o.outcome())
        .filter(o -> o.organization().value().equals(organization)).findFirst().orElseThrow();
  }

  private static int threads(String prefix) {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String clip(String text) {
    String line = String.valueOf(text).replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }


  private static boolean isKind(Throwable thrown, ServiceException.Kind kind) {
    return thrown instanceof ServiceException && ((ServiceException) thrown).kind() == kind;
  }
}
