package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import static io.github.devopsconnector.testsupport.HostileBodies.bom;
import static io.github.devopsconnector.testsupport.HostileCase.custom;
import static io.github.devopsconnector.testsupport.HostileCase.of;
import static io.github.devopsconnector.testsupport.HostileBodies.concat;
import static io.github.devopsconnector.testsupport.HostileBodies.cut;
import static io.github.devopsconnector.testsupport.HostileBodies.gzip;
import static io.github.devopsconnector.testsupport.JsonFuzz.stackTrace;
import static io.github.devopsconnector.testsupport.RawHttpServer.reply;
import static io.github.devopsconnector.testsupport.RawHttpServer.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.azure.core.exception.ClientAuthenticationException;
import io.github.devopsconnector.arm.implementation.ArmFailure;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.testsupport.RawHttpServer.Responder;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.testsupport.HostileCase;
import io.github.devopsconnector.testsupport.HostileCase.Env;
import io.github.devopsconnector.testsupport.HostileResponseSuite;
import io.github.devopsconnector.testsupport.HostileCase.Outcome;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * A corpus of hostile Azure Resource Manager answers, each served by a loopback server to the real
 * {@link DefenderConnectorClient} for one call (connector GET and list, DevOps configuration, operation results,
 * {@code listAvailableAzureDevOpsOrgs}, organizations, permissions, resource provider): malformed, truncated and
 * wrongly typed JSON, missing fields, nulls, huge and deeply nested bodies, empty bodies, HTML pages, wrong content
 * types and encodings, unexpected statuses, redirects to another host, {@code nextLink}s that loop, operations that
 * never end, bodies that lie about their encoding.
 *
 * <p>Every answer must end in a value that is correct for it, or in a {@link ServiceException} of the right kind
 * whose cause is azure-core's {@link HttpResponseException} (or a subclass: {@link DecodeException} for a body that
 * is not the promised JSON)
 * carrying the response and its status, with a message that names the request and what was wrong. Links to another
 * host are refused with the client's documented {@link IllegalStateException} before anything is sent there.
 * Never another exception, never a hang. Decisions the corpus pins down:
 *
 * <ul>
 *   <li>A UTF-8 byte order mark before the JSON is accepted, and so is UTF-16 JSON; the content type is not
 *       checked, the body must be JSON.
 *   <li>The client sends no {@code Accept-Encoding}: plain JSON declared as gzip is read, real gzip is refused.
 *   <li>Response bodies are read up to 64 MiB; a larger one is refused without reading it all.
 *   <li>Strings are not limited: a 5 MB location is returned as it is.
 * </ul>
 *
 * <p>The test logs {@code hostile responses: inputs=<n> typed errors=<n> crashes=0} and a breakdown by category
 * (surefire keeps it in {@code target/surefire-reports}).
 */
class HostileResponsesTest extends HostileResponseSuite<ArmCall, HostileResponsesTest.Expect> {

  private static final String JSON = "application/json; charset=utf-8";
  private static final int MIB = 1024 * 1024;
  private static final int CAP = 64 * MIB;

  /**
   * What a hostile answer must lead to: a {@link ServiceException} of a kind whose cause is of a type (with the
   * status it carries), or a value.
   */
  record Expect(Kind kind, Class<? extends RuntimeException> type, int status, List<String> fragments,
      Consumer<Object> value) {
    static Expect error(Kind kind, Class<? extends RuntimeException> type, int status, String... fragments) {
      return new Expect(kind, type, status, List.of(fragments), null);
    }

    /** The client's refusal to follow a link to another host (nothing is sent there). */
    static Expect refusal(String... fragments) {
      return new Expect(null, IllegalStateException.class, -1, List.of(fragments), null);
    }

    static Expect value(Consumer<Object> check) {
      return new Expect(null, null, 0, List.of(), check);
    }
  }

  HostileResponsesTest() {
    super(JSON);
  }

  @Override
  protected void check(HostileCase<ArmCall, Expect> hostile, Env env) {
    DefenderConnectorClient client = new DefenderConnectorClientBuilder()
        .endpoint(env.server().url())
        .credential(ArmTestSupport.identity("alice"))
        .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1))))
        .sleeper(new RecordingSleeper())
        .pollInterval(Duration.ZERO)
        .pollTimeout(Duration.ofSeconds(2))
        .buildClient();

    Outcome outcome = Outcome.of(() -> hostile.call().invoke.apply(client));
    Object value = outcome.value();
    Throwable thrown = outcome.thrown();
    Expect expect = hostile.expect();
    boolean typed = thrown instanceof ServiceException
        || (thrown instanceof IllegalStateException && expect.status() == -1);
    record(hostile, thrown == null, thrown != null && !typed);
    if (thrown != null && !typed) {
      fail("A crash, not a typed error: " + stackTrace(thrown));
    }
    if (thrown != null) {
      assertThat(expect.type()).as("a value was expected, not %s", thrown).isNotNull();
      assertThat(thrown.getMessage()).hasSizeLessThan(3_000);
      for (String fragment : expect.fragments()) {
        assertThat(thrown.getMessage()).contains(fragment);
      }
      if (expect.kind() == null) {
        assertThat(thrown).isInstanceOf(expect.type());
      } else {
        assertThat(thrown).satisfies(Failures.kind(expect.kind()));
        assertThat(thrown.getCause()).isInstanceOf(expect.type());
        assertThat(((ServiceException) thrown).remediation()).isPresent();
      }
      if (thrown instanceof ServiceException) {
        HttpResponseException e = Failures.response(thrown);
        if (expect.kind() != Kind.OPERATION_FAILED) {
          assertThat(e.getMessage()).contains("Azure Resource Manager");
        }
        assertThat(((ServiceException) thrown).statusCode()).isEqualTo(expect.status());
        // The message names the request, or the connector the call was about.
        assertThat(e.getMessage()).containsAnyOf(hostile.call().path, Paths.CONNECTOR);
        assertThat(e.getResponse()).isNotNull();
        assertThat(e.getResponse().getStatusCode()).as(e.getMessage()).isEqualTo(expect.status());
        assertThat(e.getResponse().getRequest().getHeaders().getValue(
            com.azure.core.http.HttpHeaderName.AUTHORIZATION)).isNull();
      }
    } else {
      assertThat(expect.value()).as("a %s was expected, got the value %s", expect.type(), value).isNotNull();
      expect.value().accept(value);
    }
  }

  // ------------------------------------------------------------------------------------------------ the corpus

  @Override
  protected List<HostileCase<ArmCall, Expect>> cases() {
    List<HostileCase<ArmCall, Expect>> c = new ArrayList<>();
    String notJson = "not the JSON the API promises";
    // A value of the wrong JSON type fails the strict binding itself, as malformed JSON does.
    String wrongType = "not the JSON the API promises";
    String connector = ArmCall.CONNECTOR.validBody();

    // Malformed JSON.
    c.add(of("malformed JSON", "trailing comma in an object", ArmCall.CONNECTOR,
        json(200, "{\"id\":\"x\",\"name\":\"y\",}"), decode(notJson)));
    c.add(of("malformed JSON", "plain text", ArmCall.CONNECTORS, json(200, "not json at all"), decode(notJson)));
    c.add(of("malformed JSON", "single quotes", ArmCall.PROVIDER, json(200, "{'registrationState':'Registered'}"),
        decode(notJson)));
    c.add(of("malformed JSON", "a bracket closing an object", ArmCall.DEVOPS_CONFIGURATION,
        json(200, "{\"id\":\"x\",\"properties\":{]}"), decode(notJson)));
    c.add(of("malformed JSON", "NaN", ArmCall.AVAILABLE_ORGS, json(200, "{\"value\":[NaN]}"), decode(notJson)));

    // Truncated JSON and trailing garbage.
    c.add(of("truncated JSON", "a connector cut in half", ArmCall.CONNECTOR,
        json(200, connector.substring(0, connector.length() / 2)), decode(notJson)));
    c.add(of("truncated JSON", "a list cut at 90%", ArmCall.CONNECTORS,
        json(200, cut(ArmCall.CONNECTORS.validBody(), 0.9)),
        decode(notJson)));
    c.add(of("truncated JSON", "an open value array", ArmCall.AVAILABLE_ORGS, json(200, "{\"value\":["),
        decode(notJson)));
    c.add(of("truncated JSON", "an operation status cut mid-string", ArmCall.OPERATION_RESULT,
        json(200, "{\"status\":\"Succ"), decode(notJson)));
    c.add(of("truncated JSON", "garbage after the connector", ArmCall.CONNECTOR, json(200, connector + " <eof>"),
        decode(notJson)));
    c.add(of("truncated JSON", "two documents in one body", ArmCall.ORGS,
        json(200, ArmCall.ORGS.validBody() + ArmCall.ORGS.validBody()), decode(notJson)));

    // Wrong types.
    c.add(of("wrong types", "value is an object", ArmCall.CONNECTORS, json(200, "{\"value\":{\"a\":" + connector
        + "}}"), decode(wrongType)));
    c.add(of("wrong types", "value is a string", ArmCall.ORGS, json(200, "{\"value\":\"orgs\"}"),
        decode(wrongType)));
    c.add(of("wrong types", "numbers where organizations are", ArmCall.AVAILABLE_ORGS, json(200, "{\"value\":[1,2]}"),
        decode(wrongType)));
    c.add(of("wrong types", "arrays where organizations are", ArmCall.ORGS, json(200, "{\"value\":[[\"org\"]]}"),
        decode(wrongType)));
    c.add(of("wrong types", "the connector is an array", ArmCall.CONNECTOR, json(200, "[" + connector + "]"),
        decode(wrongType)));
    c.add(of("wrong types", "a number where the name is", ArmCall.CONNECTOR,
        json(200, "{\"id\":\"" + Paths.CONNECTOR + "\",\"name\":5,\"location\":\"centralus\"}"),
        decode(wrongType)));
    c.add(of("wrong types", "actions is a string", ArmCall.PERMISSIONS,
        json(200, "{\"value\":[{\"actions\":\"*\",\"notActions\":[]}]}"),
        decode(wrongType)));
    c.add(of("wrong types", "nextLink is a number", ArmCall.CONNECTORS,
        json(200, "{\"value\":[],\"nextLink\":5}"), decode(wrongType)));
    c.add(of("wrong types", "properties is an array", ArmCall.DEVOPS_CONFIGURATION,
        json(200, "{\"id\":\"" + Paths.DEVOPS + "\",\"name\":\"default\",\"properties\":[]}"),
        decode(wrongType)));
    c.add(of("wrong types", "registrationState is a boolean", ArmCall.PROVIDER,
        json(200, "{\"namespace\":\"Microsoft.Security\",\"registrationState\":true}"),
        decode(wrongType)));
    c.add(of("wrong types", "status is a number", ArmCall.OPERATION_RESULT, json(200, "{\"status\":7}"),
        decode(wrongType)));

    // Missing required fields.
    c.add(of("missing fields", "a connector without name", ArmCall.CONNECTOR,
        json(200, "{\"id\":\"" + Paths.CONNECTOR + "\",\"location\":\"centralus\"}"),
        decode("with a security connector that has no name")));
    c.add(of("missing fields", "a connector without id", ArmCall.CONNECTOR,
        json(200, "{\"name\":\"hostile\",\"location\":\"centralus\"}"),
        decode("with a security connector that has no id")));
    c.add(of("missing fields", "an organization without name", ArmCall.AVAILABLE_ORGS,
        json(200, "{\"value\":[{\"id\":\"x\",\"properties\":{\"onboardingState\":\"OnboardedByOtherConnector\"}}]}"),
        decode("with an Azure DevOps organization that has no name")));
    c.add(of("missing fields", "a list without value", ArmCall.CONNECTORS, json(200, "{\"nextLink\":null}"),
        decode("with a list that has no value array")));
    c.add(of("missing fields", "an operation status without status", ArmCall.OPERATION_RESULT, json(200, "{}"),
        decode("with an operation status that has no status")));
    c.add(of("missing fields", "a provider without registrationState", ArmCall.PROVIDER,
        json(200, "{\"namespace\":\"Microsoft.Security\"}"),
        decode("with a resource provider that has no registrationState")));
    c.add(of("missing fields", "a DevOps configuration without id", ArmCall.DEVOPS_CONFIGURATION,
        json(200, "{\"name\":\"default\",\"properties\":{\"autoDiscovery\":\"Enabled\"}}"),
        decode("with a DevOps configuration that has no id")));

    // Nulls.
    c.add(of("nulls", "the connector is null", ArmCall.CONNECTOR, json(200, "null"),
        decode("the response is JSON null")));
    c.add(of("nulls", "value is null", ArmCall.CONNECTORS, json(200, "{\"value\":null}"),
        decode("with a list that has no value array")));
    c.add(of("nulls", "a null organization", ArmCall.AVAILABLE_ORGS, json(200, "{\"value\":[null]}"),
        decode("with a list item that is not an object")));
    c.add(of("nulls", "every connector field null", ArmCall.CONNECTOR, json(200, "{\"id\":null,\"name\":null,"
        + "\"location\":null,\"etag\":null,\"properties\":null,\"tags\":null,\"systemData\":null}"),
        decode("with a security connector that has no id")));

    // Huge.
    String huge = "l".repeat(5_000_000);
    c.add(of("huge", "a 5 MB location", ArmCall.CONNECTOR,
        json(200, "{\"id\":\"" + Paths.CONNECTOR + "\",\"name\":\"hostile\",\"location\":\"" + huge + "\"}"),
        Expect.value(v -> assertThat(((SecurityConnector) v).location()).hasSize(5_000_000))));
    c.add(of("huge", "a 5 MB error message on 401", ArmCall.CONNECTOR,
        json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"" + huge + "\"}}"),
        Expect.error(Kind.NOT_AUTHORIZED, ClientAuthenticationException.class, 401, "HTTP 401 (InvalidAuthenticationToken)")));
    c.add(of("huge", "a 5 MB error code on 401 to listAvailableAzureDevOpsOrgs", ArmCall.AVAILABLE_ORGS,
        json(401, "{\"error\":{\"code\":\"" + huge + "\",\"message\":\"no\"}}"),
        Expect.error(Kind.NOT_AUTHORIZED, ArmFailure.class, 401, "not the identity that authorized")));
    c.add(of("huge", "a 5 MB error code on 400", ArmCall.PERMISSIONS,
        json(400, "{\"error\":{\"code\":\"" + huge + "\",\"message\":\"" + huge + "\"}}"),
        Expect.error(Kind.INVALID_REQUEST, HttpResponseException.class, 400, "HTTP 400 (llll")));
    c.add(of("huge", "a 5 MB operation status that never ends", ArmCall.OPERATION_RESULT,
        json(200, "{\"status\":\"" + huge + "\"}"), Expect.error(Kind.OPERATION_FAILED, ArmFailure.class, 200,
            "Gave up waiting")));
    c.add(of("huge", "a failed operation with a 5 MB error", ArmCall.OPERATION_RESULT,
        json(200, "{\"status\":\"Failed\",\"error\":{\"code\":\"" + huge + "\",\"message\":\"" + huge
            + "\"}}"), Expect.error(Kind.OPERATION_FAILED, ArmFailure.class, 200, "ended Failed with llll")));
    c.add(of("huge", "a declared length over 64 MiB", ArmCall.CONNECTORS,
        RawHttpServer.declared("{\"value\":[{\"name\":\"", (byte) 'a', CAP + 1L),
        decode("with a body larger than 64 MiB")));
    c.add(of("huge", "a 500 whose body is over 64 MiB", ArmCall.PROVIDER,
        RawHttpServer.declared(500, "{\"error\":{\"message\":\"", (byte) 'a', CAP + 1L),
        Expect.error(Kind.TRANSIENT, HttpResponseException.class, 500, "HTTP 500 (HttpStatus500)", "no ARM error body")));
    c.add(of("huge", "an endless chunked body", ArmCall.AVAILABLE_ORGS,
        RawHttpServer.chunked("{\"value\":[{\"name\":\"", (byte) 'a', CAP + 10L * MIB),
        decode("with a body larger than 64 MiB")));

    // Deep nesting.
    c.add(of("deep nesting", "10,000 nested arrays", ArmCall.CONNECTOR,
        json(200, "[".repeat(10_000) + "]".repeat(10_000)), decode(notJson)));
    c.add(of("deep nesting", "10,000 nested objects in a list", ArmCall.CONNECTORS,
        json(200, "{\"value\":[" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "]}"), decode(notJson)));
    c.add(of("deep nesting", "10,000 levels in a 404 error body", ArmCall.CONNECTOR,
        json(404, "{\"error\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
        Expect.error(Kind.NOT_FOUND, ResourceNotFoundException.class, 404, "The response body was not JSON")));

    // Empty bodies.
    c.add(of("empty body", "200 with no body", ArmCall.CONNECTOR, json(200, ""), decode("with an empty body")));
    c.add(of("empty body", "200 with no body to a POST", ArmCall.AVAILABLE_ORGS, json(200, ""),
        decode("with an empty body")));
    c.add(of("empty body", "204 for the provider", ArmCall.PROVIDER, reply(204, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, DecodeException.class, 204, "with an empty body")));
    c.add(of("empty body", "an operation status with no body", ArmCall.OPERATION_RESULT, json(200, ""),
        decode("with an empty body")));
    c.add(of("empty body", "only whitespace", ArmCall.DEVOPS_CONFIGURATION, json(200, " \r\n\t "),
        decode("with an empty body")));

    // HTML pages.
    String page = "<!DOCTYPE html><html><body>Sign in to your account</body></html>";
    c.add(of("HTML", "HTML with 200 and application/json", ArmCall.CONNECTOR, json(200, page), decode(notJson)));
    c.add(of("HTML", "HTML with 200 and text/html", ArmCall.CONNECTORS,
        withHeaders(200, Map.of("Content-Type", "text/html"), page), decode(notJson)));
    c.add(of("HTML", "401 with an HTML page", ArmCall.CONNECTOR,
        withHeaders(401, Map.of("Content-Type", "text/html"), page),
        Expect.error(Kind.NOT_AUTHORIZED, ClientAuthenticationException.class, 401, "HTTP 401 (HttpStatus401)", "not JSON")));

    // Content types.
    c.add(of("content type", "valid JSON as text/plain", ArmCall.PROVIDER,
        withHeaders(200, Map.of("Content-Type", "text/plain"), ArmCall.PROVIDER.validBody()),
        Expect.value(v -> assertThat(((ResourceProviderRegistration) v).isRegistered()).isTrue())));
    c.add(of("content type", "binary garbage as application/octet-stream", ArmCall.CONNECTOR,
        reply(200, Map.of("Content-Type", "application/octet-stream"), new byte[] {0, 1, 2, (byte) 0xff}),
        decode(notJson)));

    // Encodings.
    c.add(of("encoding", "invalid UTF-8 in a name", ArmCall.ORGS, json(200, concat(
        "{\"value\":[{\"id\":\"x\",\"name\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
        "\"}]}".getBytes(StandardCharsets.UTF_8))), decode(notJson)));
    c.add(of("encoding", "a UTF-8 byte order mark (accepted)", ArmCall.CONNECTOR,
        reply(200, Map.of("Content-Type", "application/json"), concat(bom(), bytes(connector))), sameConnector()));
    c.add(of("encoding", "UTF-16 JSON (accepted)", ArmCall.CONNECTOR,
        reply(200, Map.of("Content-Type", "application/json"), connector.getBytes(StandardCharsets.UTF_16BE)),
        sameConnector()));

    // Unexpected statuses and redirects.
    c.add(of("status", "418 with an ARM error", ArmCall.CONNECTOR,
        json(418, "{\"error\":{\"code\":\"Teapot\",\"message\":\"I'm a teapot.\"}}"),
        Expect.error(Kind.PROTOCOL, HttpResponseException.class, 418, "HTTP 418 (Teapot)", "refused the request")));
    c.add(of("status", "418 with no body", ArmCall.PERMISSIONS, reply(418, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, HttpResponseException.class, 418, "HTTP 418 (HttpStatus418)")));
    c.add(custom("status", "302 to another host, never followed", ArmCall.CONNECTOR,
        env -> {
          env.server().on("GET", Paths.CONNECTOR, reply(302, Map.of("Location",
              env.elsewhere().url().replace("127.0.0.1", "localhost") + Paths.CONNECTOR), new byte[0]));
          env.elsewhere().on("GET", Paths.CONNECTOR, json(200, connector));
        },
        Expect.error(Kind.PROTOCOL, HttpResponseException.class, 302, "HTTP 302", "does not follow redirects"),
        env -> assertThat(env.elsewhere().requests()).isEmpty()));
    c.add(of("status", "307 without Location to a POST", ArmCall.AVAILABLE_ORGS, reply(307, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, HttpResponseException.class, 307, "does not follow redirects")));
    c.add(of("status", "500 with an HTML page, retried", ArmCall.DEVOPS_CONFIGURATION,
        withHeaders(500, Map.of("Content-Type", "text/html"), page),
        Expect.error(Kind.TRANSIENT, HttpResponseException.class, 500, "HTTP 500", "retry later")));
    c.add(of("status", "a status code of 599", ArmCall.PROVIDER, json(599, "{}"),
        Expect.error(Kind.TRANSIENT, HttpResponseException.class, 599, "HTTP 599")));
    c.add(of("status", "401 to listAvailableAzureDevOpsOrgs with HTML", ArmCall.AVAILABLE_ORGS,
        withHeaders(401, Map.of("Content-Type", "text/html"), page),
        Expect.error(Kind.NOT_AUTHORIZED, ArmFailure.class, 401, "not the identity that authorized")));

    // nextLinks.
    c.add(custom("paging", "a nextLink to the same page", ArmCall.CONNECTORS,
        env -> env.server().on("GET", ArmCall.CONNECTORS.path, json(200, "{\"value\":[" + connector
            + "],\"nextLink\":\"" + env.server().url() + ArmCall.CONNECTORS.path
            + "?api-version=2024-08-01-preview\"}")),
        Expect.error(Kind.PROTOCOL, ArmFailure.class, 200, "same nextLink"), env -> { }));
    c.add(custom("paging", "nextLinks that loop over two pages", ArmCall.CONNECTORS,
        env -> env.server().on("GET", ArmCall.CONNECTORS.path, (request, out) -> {
          String next = "2".equals(request.query().get("page")) ? "1" : "2";
          json(200, "{\"value\":[" + connector + "],\"nextLink\":\"" + env.server().url() + ArmCall.CONNECTORS.path
              + "?api-version=2024-08-01-preview&page=" + next + "\"}").respond(request, out);
        }),
        Expect.error(Kind.PROTOCOL, ArmFailure.class, 200, "already seen in this listing"),
        env -> assertThat(env.server().requests()).hasSizeLessThanOrEqualTo(3)));
    c.add(custom("paging", "nextLinks that loop over two pages of different items", ArmCall.CONNECTORS,
        env -> env.server().on("GET", ArmCall.CONNECTORS.path, (request, out) -> {
          String at = request.query().getOrDefault("page", "0");
          String next = "2".equals(at) ? "1" : "2";
          json(200, "{\"value\":[" + connector.replace("exampleSecurityConnectorName", "c" + at)
              + "],\"nextLink\":\"" + env.server().url() + ArmCall.CONNECTORS.path
              + "?api-version=2024-08-01-preview&page=" + next + "\"}").respond(request, out);
        }),
        Expect.error(Kind.PROTOCOL, ArmFailure.class, 200, "leads back to a page already read"),
        env -> assertThat(env.server().requests()).hasSizeLessThanOrEqualTo(3)));
    c.add(custom("paging", "a new nextLink and new items on every page, without end", ArmCall.CONNECTORS,
        env -> env.server().on("GET", ArmCall.CONNECTORS.path, (request, out) -> {
          int at = Integer.parseInt(request.query().getOrDefault("page", "0"));
          json(200, "{\"value\":[" + connector.replace("exampleSecurityConnectorName", "c" + at)
              + "],\"nextLink\":\"" + env.server().url() + ArmCall.CONNECTORS.path
              + "?api-version=2024-08-01-preview&page=" + (at + 1) + "\"}").respond(request, out);
        }),
        Expect.error(Kind.PROTOCOL, ArmFailure.class, 200, "after 1000 pages, the most the client follows"),
        env -> assertThat(env.server().requests()).hasSize(1000)));
    c.add(custom("paging", "a nextLink to another host", ArmCall.ORGS,
        env -> env.server().on("GET", ArmCall.ORGS.path, json(200, "{\"value\":[],\"nextLink\":\""
            + env.elsewhere().url() + "/steal\"}")),
        Expect.refusal("on another host"), env -> assertThat(env.elsewhere().requests()).isEmpty()));
    c.add(of("paging", "a nextLink that is not a URL", ArmCall.PERMISSIONS,
        json(200, "{\"value\":[],\"nextLink\":\"::not a url::\"}"), Expect.refusal("not a valid URL")));

    // Long-running operations.
    c.add(of("operation", "an operation that never ends", ArmCall.OPERATION_RESULT,
        json(200, "{\"status\":\"InProgress\"}"),
        Expect.error(Kind.OPERATION_FAILED, ArmFailure.class, 200, "Gave up waiting", "InProgress")));
    c.add(of("operation", "the operation URL answers 404", ArmCall.OPERATION_RESULT,
        json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}"),
        Expect.error(Kind.NOT_FOUND, ResourceNotFoundException.class, 404, "HTTP 404 (NotFound)")));
    c.add(custom("operation", "Azure-AsyncOperation on another host", ArmCall.OPERATION_RESULT,
        env -> env.server().on("PATCH", Paths.DEVOPS, withHeaders(202, Map.of("Content-Type", "application/json",
            "Azure-AsyncOperation", env.elsewhere().url() + Paths.OPERATION), "{}")),
        Expect.refusal("on another host"), env -> assertThat(env.elsewhere().requests()).isEmpty()));
    c.add(of("operation", "the operation failed with an error that is a string", ArmCall.OPERATION_RESULT,
        json(200, "{\"status\":\"Failed\",\"error\":\"TokenExchangeFailed\"}"),
        Expect.error(Kind.OPERATION_FAILED, ArmFailure.class, 200, "ended Failed")));

    // Content encodings.
    c.add(of("content encoding", "gzip declared, plain JSON sent (read as sent)", ArmCall.CONNECTOR,
        withHeaders(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), connector),
        sameConnector()));
    c.add(of("content encoding", "real gzip never asked for", ArmCall.CONNECTOR,
        reply(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), gzip(connector)),
        decode(notJson)));

    // Values that are odd but valid stay values.
    c.add(of("valid oddities", "unknown fields and unknown enum values", ArmCall.AVAILABLE_ORGS,
        json(200, "{\"value\":[{\"id\":\"x\",\"name\":\"org1\",\"surprise\":[1,{}],\"properties\":"
            + "{\"onboardingState\":\"SomethingNew\"}}],\"extra\":true}"),
        Expect.value(v -> assertThat((List<?>) v).singleElement().satisfies(o -> assertThat(
            ((AzureDevOpsOrganizationResource) o).onboardingState().orElseThrow().value()).isEqualTo("SomethingNew")))));
    c.add(of("valid oddities", "permissions with no actions at all", ArmCall.PERMISSIONS,
        json(200, "{\"value\":[{}]}"),
        Expect.value(v -> assertThat(((AzurePermissions) v).canWriteSecurityConnectors()).isFalse())));
    return c;
  }

  // ---------------------------------------------------------------------------------------------- the world

  /** Valid answers to every call, so that a case only has to spoil one. */
  @Override
  protected void world(RawHttpServer server) {
    for (ArmCall call : ArmCall.values()) {
      server.on(call.method, call.path, json(200, call.validBody()));
    }
    server.on("PATCH", Paths.DEVOPS, withHeaders(202, Map.of("Content-Type", "application/json",
        "Azure-AsyncOperation", server.url() + Paths.OPERATION + "?api-version=2025-03-01"), "{}"));
  }

  // -------------------------------------------------------------------------------------------------- helpers

  private static Expect decode(String... fragments) {
    return Expect.error(Kind.PROTOCOL, DecodeException.class, 200, fragments);
  }

  private static Expect sameConnector() {
    return Expect.value(v -> {
      SecurityConnector read = (SecurityConnector) v;
      assertThat(read.name()).isEqualTo("exampleSecurityConnectorName");
      assertThat(read.id()).endsWith("/securityConnectors/exampleSecurityConnectorName");
    });
  }


  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }




  @Override
  protected RawHttpServer.Responder notFound(RawHttpServer.Request request) {
    return json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"No route for " + request.method() + " "
        + request.path().replace("\"", "") + " in the test server.\"}}");
  }
}
