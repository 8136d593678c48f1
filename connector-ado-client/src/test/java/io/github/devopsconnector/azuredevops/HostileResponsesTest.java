package io.github.devopsconnector.azuredevops;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import static io.github.devopsconnector.testsupport.RawHttpServer.raw;
import static io.github.devopsconnector.testsupport.RawHttpServer.reply;
import static io.github.devopsconnector.testsupport.RawHttpServer.withHeaders;
import static io.github.devopsconnector.testsupport.HostileBodies.bom;
import static io.github.devopsconnector.testsupport.HostileCase.custom;
import static io.github.devopsconnector.testsupport.HostileCase.of;
import static io.github.devopsconnector.testsupport.HostileBodies.concat;
import static io.github.devopsconnector.testsupport.HostileBodies.cut;
import static io.github.devopsconnector.testsupport.HostileBodies.gzip;
import static io.github.devopsconnector.testsupport.JsonFuzz.stackTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ServiceResponseException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testsupport.RawHttpServer.Responder;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.testsupport.HostileCase;
import io.github.devopsconnector.testsupport.HostileCase.Env;
import io.github.devopsconnector.testsupport.HostileResponseSuite;
import io.github.devopsconnector.testsupport.HostileCase.Outcome;

import io.github.devopsconnector.testsupport.RawHttpServer;





import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;


/**
 * A corpus of hostile Azure DevOps answers, each served by a loopback server to the real client (a PAT, the
 * single-host layout) for one call: malformed, truncated and wrongly typed JSON, missing fields, nulls, huge and
 * deeply nested bodies, empty bodies, sign-in pages, wrong content types and encodings, unexpected statuses,
 * redirects to another host, continuation tokens that point back, bodies that lie about their encoding or length.
 *
 * <p>Every answer must end in a value that is correct for it or in an {@link ServiceException} of the right
 * kind whose message names the call and what was wrong (the OAuth policy call, which never throws, must answer
 * {@code UNKNOWN} with the reason). Never another exception, never a hang. Decisions the corpus pins down:
 *
 * <ul>
 *   <li>A UTF-8 byte order mark before the JSON is accepted; so is JSON in UTF-16 (Jackson detects it).
 *   <li>The content type is not checked beyond HTML: JSON sent as {@code text/plain} or with no content type is
 *       read; any body that starts with {@code <} (HTML, XML) is a sign-in page, never data.
 *   <li>The client sends no {@code Accept-Encoding}, so it reads the bytes as they come: plain JSON declared as
 *       gzip is read, real gzip is a PROTOCOL failure.
 *   <li>Response bodies are read up to 64 MiB; a larger one is a PROTOCOL failure, found without reading it all.
 *   <li>Strings are not limited: a 5 MB project name is returned as it is.
 * </ul>
 *
 * <p>The test logs {@code hostile responses: inputs=<n> typed errors=<n> crashes=0} and a breakdown by category
 * (surefire keeps it in {@code target/surefire-reports}). Typed errors are the {@link ServiceException}s and the
 * policy call's {@code UNKNOWN} answers; the other inputs end in the correct value the decisions above promise.
 */
class HostileResponsesTest extends HostileResponseSuite<WireCall, HostileResponsesTest.Expect> {

  private static final String JSON = "application/json; charset=utf-8; api-version=7.1";
  private static final int MIB = 1024 * 1024;
  private static final int CAP = 64 * MIB;

  /** What a hostile answer must lead to. */
  record Expect(Kind kind, int status, List<String> fragments, Consumer<Object> value, boolean typedFailure) {
    static Expect error(Kind kind, int status, String... fragments) {
      return new Expect(kind, status, List.of(fragments), null, true);
    }

    static Expect value(Consumer<Object> check) {
      return new Expect(null, 0, List.of(), check, false);
    }

    /** The policy call's typed failure: it never throws, it answers UNKNOWN with the reason. */
    static Expect unknown(String fragment) {
      return new Expect(null, 0, List.of(), v -> {
        OAuthAppAccessStatus status = (OAuthAppAccessStatus) v;
        assertThat(status.state()).isEqualTo(OAuthAppAccess.UNKNOWN);
        assertThat(status.detail()).hasValueSatisfying(d -> assertThat(d).contains(fragment));
      }, true);
    }
  }

  HostileResponsesTest() {
    super(JSON);
  }

  @Override
  protected void check(HostileCase<WireCall, Expect> hostile, Env env) {
    FakeTime time = new FakeTime();
    AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder()
        .endpoint(env.server().url())
        .personalAccessToken(Wire.PAT)
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setBaseDelay(Duration.ofMillis(100))))
        .clock(time).sleeper(time)
        .buildClient();

    Outcome outcome = Outcome.of(() -> hostile.call().invoke.apply(client));
    Object value = outcome.value();
    Throwable thrown = outcome.thrown();
    record(hostile, thrown == null && !hostile.expect().typedFailure(), thrown != null
        && !(thrown instanceof ServiceException));
    Expect expect = hostile.expect();
    if (thrown instanceof ServiceException) {
      ServiceException e = (ServiceException) thrown;
      assertThat(expect.kind()).as("a value was expected, not %s", e).isNotNull();
      assertThat(e.kind()).as(e.getMessage()).isEqualTo(expect.kind());
      assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(expect.status());
      assertThat(e.getMessage()).startsWith("Could not " + hostile.call().operation)
          .doesNotContain(Wire.PAT)
          .hasSizeLessThan(3_000);
      for (String fragment : expect.fragments()) {
        assertThat(e.getMessage()).contains(fragment);
      }
      assertThat(e.remediation()).isPresent();
      if (e.statusCode() != 0) {
        assertThat(e.getCause()).isInstanceOf(HttpResponseException.class);
        assertThat(((HttpResponseException) e.getCause()).getResponse().getStatusCode()).isEqualTo(e.statusCode());
      } else {
        assertThat(e.getCause()).isInstanceOf(ServiceResponseException.class);
      }
      if (e.kind() == Kind.PROTOCOL && e.statusCode() >= 200 && e.statusCode() < 300) {
        assertThat(e.getCause()).isInstanceOf(DecodeException.class);
      }
      if (e.kind() == Kind.NOT_AUTHORIZED) {
        assertThat(e.getCause()).isInstanceOf(ClientAuthenticationException.class);
      }
    } else if (thrown != null) {
      fail("A crash, not a typed error: " + stackTrace(thrown));
    } else {
      assertThat(expect.value()).as("a %s error was expected, got the value %s", expect.kind(), value).isNotNull();
      expect.value().accept(value);
    }
  }

  // ------------------------------------------------------------------------------------------------ the corpus

  @Override
  protected List<HostileCase<WireCall, Expect>> cases() {
    List<HostileCase<WireCall, Expect>> c = new ArrayList<>();
    String notJson = "is not the JSON the API promises";

    // Malformed JSON.
    c.add(of("malformed JSON", "trailing comma in an object", WireCall.PROJECTS,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"a\",\"name\":\"b\",}]}"), protocol(notJson)));
    c.add(of("malformed JSON", "unquoted names and single quotes", WireCall.PROFILE,
        json(200, "{displayName: 'Normal Paulk', id: 'x'}"), protocol(notJson)));
    c.add(of("malformed JSON", "plain text", WireCall.ACCOUNTS, json(200, "not json at all"), protocol(notJson)));
    c.add(of("malformed JSON", "an extra closing brace", WireCall.GROUPS, json(200, "{\"count\":0,\"value\":[]}}"),
        protocol(notJson)));
    c.add(of("malformed JSON", "two documents in one body", WireCall.ENTITLEMENT,
        json(200, "{\"id\":\"x\",\"accessLevel\":{\"status\":\"active\"}} {\"id\":\"y\"}"), protocol(notJson)));
    c.add(of("malformed JSON", "a broken unicode escape", WireCall.CONNECTION_DATA,
        json(200, "{\"authenticatedUser\":{\"id\":\"\\u12\"}}"), protocol(notJson)));
    c.add(of("malformed JSON", "NaN and a comment", WireCall.PIPELINES,
        json(200, "{\"count\":NaN, /* c */ \"value\":[]}"), protocol(notJson)));

    // Truncated JSON.
    c.add(of("truncated JSON", "projects cut in half", WireCall.PROJECTS,
        json(200, cut(WireCall.PROJECTS.validBody(), 0.5)),
        protocol(notJson)));
    c.add(of("truncated JSON", "repositories cut at 90%", WireCall.REPOSITORIES,
        json(200, cut(WireCall.REPOSITORIES.validBody(), 0.9)), protocol(notJson)));
    c.add(of("truncated JSON", "an open value array", WireCall.PIPELINES, json(200, "{\"count\":2,\"value\":["),
        protocol(notJson)));
    c.add(of("truncated JSON", "memberships cut mid-string", WireCall.MEMBERSHIPS,
        json(200, cut(Payloads.text("memberships-user-up.json"), 0.3)), protocol(notJson)));
    c.add(of("truncated JSON", "a lone opening brace", WireCall.CONNECTION_DATA, json(200, "{"), protocol(notJson)));

    // Wrong types.
    c.add(of("wrong types", "value is an object", WireCall.PROJECTS, json(200, "{\"count\":3,\"value\":{}}"),
        protocol(notJson)));
    c.add(of("wrong types", "count is a word", WireCall.PROJECTS, json(200, "{\"count\":\"x\",\"value\":[]}"),
        protocol(notJson)));
    c.add(of("wrong types", "a number where the name is", WireCall.PROJECTS,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"6ce954b1\",\"name\":42}]}"), protocol(notJson)));
    c.add(of("wrong types", "a boolean where the id is", WireCall.PROFILE,
        json(200, "{\"id\":true,\"displayName\":\"Normal Paulk\"}"), protocol(notJson)));
    c.add(of("wrong types", "project is a string", WireCall.REPOSITORIES,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"r\",\"name\":\"r\",\"remoteUrl\":\"u\",\"project\":\"p\"}]}"),
        protocol(notJson)));
    c.add(of("wrong types", "value is a string", WireCall.PROJECT_REPOSITORIES, json(200, "{\"value\":\"repos\"}"),
        protocol(notJson)));
    c.add(of("wrong types", "a word where the pipeline id is", WireCall.PIPELINES,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"seven\",\"name\":\"ci\"}]}"), protocol(notJson)));
    c.add(of("wrong types", "a fraction where the pipeline id is", WireCall.PIPELINES,
        json(200, "{\"count\":1,\"value\":[{\"id\":1.5,\"name\":\"ci\"}]}"), protocol(notJson)));
    c.add(of("wrong types", "arrays where accounts are", WireCall.ACCOUNTS,
        json(200, "{\"count\":1,\"value\":[[\"Fabrikam\"]]}"), protocol(notJson)));
    c.add(of("wrong types", "authenticatedUser is an array", WireCall.CONNECTION_DATA,
        json(200, "{\"authenticatedUser\":[]}"), protocol(notJson)));
    c.add(of("wrong types", "accessLevel is a string", WireCall.ENTITLEMENT,
        json(200, "{\"id\":\"x\",\"accessLevel\":\"express\"}"), protocol(notJson)));
    c.add(of("wrong types", "principalName is an object", WireCall.GROUPS,
        json(200, "{\"count\":1,\"value\":[{\"principalName\":{\"a\":1},\"descriptor\":\"d\"}]}"),
        protocol(notJson)));
    c.add(of("wrong types", "containerDescriptor is a boolean", WireCall.MEMBERSHIPS,
        json(200, "{\"count\":1,\"value\":[{\"containerDescriptor\":true}]}"), protocol(notJson)));
    c.add(of("wrong types", "the whole body is an array", WireCall.PROFILE, json(200, "[{\"id\":\"x\"}]"),
        protocol(notJson)));
    c.add(of("wrong types", "effectiveValue is a string", WireCall.POLICY,
        json(200, "{\"name\":\"Policy.DisallowOAuthAuthentication\",\"effectiveValue\":\"false\"}"),
        Expect.unknown("answered with a body that is not the policy JSON")));
    c.add(of("wrong types", "a count beyond any integer", WireCall.PROJECTS,
        json(200, "{\"count\":1e400,\"value\":[]}"), protocol(notJson)));

    // Missing required fields.
    c.add(of("missing fields", "no value", WireCall.PROJECTS, json(200, "{\"count\":0}"),
        protocol("the response has no value array")));
    c.add(of("missing fields", "a project without id", WireCall.PROJECTS,
        json(200, "{\"count\":1,\"value\":[{\"name\":\"p\"}]}"), protocol("has no id in a project")));
    c.add(of("missing fields", "a repository without name", WireCall.REPOSITORIES,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"r\",\"remoteUrl\":\"u\","
            + "\"project\":{\"id\":\"p\",\"name\":\"p\"}}]}"),
        protocol("has no name in a repository")));
    c.add(of("missing fields", "a repository without project", WireCall.PROJECT_REPOSITORIES,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"r\",\"name\":\"r\",\"remoteUrl\":\"u\"}]}"),
        protocol("has no project in a repository")));
    c.add(of("missing fields", "a pipeline without name", WireCall.PIPELINES,
        json(200, "{\"count\":1,\"value\":[{\"id\":3}]}"), protocol("has no name in a pipeline")));
    c.add(of("missing fields", "a pipeline without id", WireCall.PIPELINES,
        json(200, "{\"count\":1,\"value\":[{\"name\":\"ci\"}]}"), protocol("has no id in a pipeline")));
    c.add(of("missing fields", "a profile without id", WireCall.PROFILE,
        json(200, "{\"displayName\":\"Normal Paulk\"}"),
        protocol("has no profile id")));
    c.add(of("missing fields", "an account without name", WireCall.ACCOUNTS,
        json(200, "{\"count\":1,\"value\":[{\"accountId\":\"a\"}]}"), protocol("has no accountName in an account")));
    c.add(of("missing fields", "no authenticatedUser", WireCall.CONNECTION_DATA, json(200, "{\"instanceId\":\"x\"}"),
        protocol("has no authenticatedUser")));
    c.add(of("missing fields", "an authenticatedUser without id", WireCall.CONNECTION_DATA,
        json(200, "{\"authenticatedUser\":{\"descriptor\":\"d\"}}"), protocol("has no authenticatedUser.id")));
    c.add(of("missing fields", "an entitlement without accessLevel", WireCall.ENTITLEMENT, json(200, "{\"id\":\"x\"}"),
        protocol("has no accessLevel")));
    c.add(of("missing fields", "groups without Project Collection Administrators", WireCall.GROUPS,
        json(200, Payloads.text("graph-groups-page1.json")), protocol("the graph groups do not include")));
    c.add(of("missing fields", "the administrators group without descriptor", WireCall.GROUPS,
        json(200, "{\"count\":1,\"value\":[{\"principalName\":\"[fabrikam]\\\\Project Collection Administrators\"}]}"),
        protocol("has no descriptor of the Project Collection Administrators group")));
    c.add(of("missing fields", "a membership without container", WireCall.MEMBERSHIPS,
        json(200, "{\"count\":1,\"value\":[{\"memberDescriptor\":\"" + Wire.USER + "\"}]}"),
        protocol("has no containerDescriptor in a membership")));
    c.add(of("missing fields", "a policy without value", WireCall.POLICY,
        json(200, "{\"name\":\"Policy.DisallowOAuthAuthentication\"}"),
        Expect.unknown("answered without a value for Policy.DisallowOAuthAuthentication")));

    // Nulls.
    c.add(of("nulls", "the body is null", WireCall.PROJECTS, json(200, "null"), protocol("the response is JSON null")));
    c.add(of("nulls", "count and value are null", WireCall.PROJECTS, json(200, "{\"count\":null,\"value\":null}"),
        protocol("has no value array")));
    c.add(of("nulls", "a null project", WireCall.PROJECTS, json(200, "{\"count\":1,\"value\":[null]}"),
        protocol("the value array has a null item")));
    c.add(of("nulls", "every repository field null", WireCall.REPOSITORIES,
        json(200, "{\"count\":1,\"value\":[{\"id\":null,"
        + "\"name\":null,\"url\":null,\"remoteUrl\":null,\"webUrl\":null,\"project\":null,\"isDisabled\":null}]}"),
        protocol("has no project in a repository")));
    c.add(of("nulls", "authenticatedUser null", WireCall.CONNECTION_DATA,
        json(200, "{\"authenticatedUser\":null,\"authorizedUser\":null,\"instanceId\":null}"),
        protocol("has no authenticatedUser")));
    c.add(of("nulls", "every profile field null", WireCall.PROFILE,
        json(200, "{\"id\":null,\"publicAlias\":null,\"displayName\":null,\"emailAddress\":null}"),
        protocol("has no profile id")));
    c.add(of("nulls", "every access level field null", WireCall.ENTITLEMENT,
        json(200, "{\"id\":null,\"accessLevel\":{\"licensingSource\":null,\"accountLicenseType\":null,"
            + "\"msdnLicenseType\":null,\"status\":null}}"),
        Expect.value(v -> assertThat(v).isEqualTo(AccessLevel.NONE))));
    c.add(of("nulls", "a null pipeline", WireCall.PIPELINES, json(200, "{\"count\":1,\"value\":[null]}"),
        protocol("the value array has a null item")));

    // Huge.
    String hugeName = "n".repeat(5_000_000);
    c.add(of("huge", "a 5 MB project name", WireCall.PROJECTS,
        json(200, "{\"count\":1,\"value\":[{\"id\":\"6ce954b1\",\"name\":\"" + hugeName + "\"}]}"),
        protocol("5000000 characters")));
    c.add(of("huge", "a 5 MB error message on 401", WireCall.PROJECTS,
        json(401, "{\"message\":\"TF400813: " + hugeName + "\"}"),
        Expect.error(Kind.NOT_AUTHORIZED, 401, "TF400813")));
    c.add(of("huge", "a declared length over 64 MiB", WireCall.REPOSITORIES,
        RawHttpServer.declared("{\"count\":1,\"value\":[{\"name\":\"", (byte) 'a', CAP + 1L),
        protocol("larger than 64 MiB")));
    c.add(of("huge", "a 401 whose body is over 64 MiB", WireCall.PROFILE,
        RawHttpServer.declared(401, "{\"message\":\"TF400813: ", (byte) 'a', CAP + 1L),
        Expect.error(Kind.NOT_AUTHORIZED, 401, "the credential was not accepted")));
    c.add(of("huge", "an endless chunked body", WireCall.REPOSITORIES,
        RawHttpServer.chunked("{\"count\":1,\"value\":[{\"name\":\"", (byte) 'a', CAP + 10L * MIB),
        protocol("larger than 64 MiB")));
    String hugeHost = "h".repeat(60) + ".example";
    for (int i = 0; i < 11; i++) {
      hugeHost = hugeHost + "." + "h".repeat(60);
    }
    String longHost = hugeHost;
    c.add(of("huge", "a 302 to a 700-character host name", WireCall.PROJECTS,
        reply(302, Map.of("Location", "https://" + longHost + "/x"), new byte[0]),
        Expect.error(Kind.PROTOCOL, 302, "redirecting to https://hhhh")));
    c.add(of("huge", "a 100 KB X-RateLimit-Resource on 429", WireCall.PROJECTS,
        withHeaders(429, Map.of("Content-Type", "application/json", "X-RateLimit-Resource", "r".repeat(100_000)),
            Payloads.text("error-TF400733.json")), Expect.error(Kind.THROTTLED, 429, "resource rrrr")));
    c.add(of("huge", "a 200,000-item array of empty objects", WireCall.PROJECTS,
        json(200, "{\"value\":[" + String.join(",", java.util.Collections.nCopies(200_000, "{}")) + "]}"),
        protocol("has no id in a project")));

    // Deep nesting.
    c.add(of("deep nesting", "10,000 nested arrays in value", WireCall.PROJECTS,
        json(200, "{\"value\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), protocol(notJson)));
    c.add(of("deep nesting", "10,000 nested objects", WireCall.CONNECTION_DATA,
        json(200, "{\"authenticatedUser\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)), protocol(notJson)));
    c.add(of("deep nesting", "10,000 levels in a 404 error body", WireCall.PROJECTS,
        json(404, "[".repeat(10_000) + "]".repeat(10_000)), Expect.error(Kind.NOT_FOUND, 404, "it does not exist")));
    c.add(of("deep nesting", "an unclosed nesting of 100,000", WireCall.POLICY, json(200, "[".repeat(100_000)),
        Expect.unknown("answered with a body that is not the policy JSON")));

    // Empty bodies.
    c.add(of("empty body", "200 with no body", WireCall.PROFILE, json(200, ""), protocol("the response has no body")));
    c.add(of("empty body", "204 for a list", WireCall.PROJECTS, reply(204, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, 204, "the response has no body")));
    c.add(of("empty body", "only whitespace", WireCall.ENTITLEMENT, json(200, "  \r\n\t "), protocol(notJson)));
    c.add(of("empty body", "200 with no body for the policy", WireCall.POLICY, json(200, ""),
        Expect.unknown("answered with a body that is not the policy JSON")));

    // HTML and sign-in pages.
    String signIn = Payloads.text("signin-page.html");
    c.add(of("HTML", "HTML page with 200 and application/json", WireCall.PROJECTS,
        json(200, "\n  <!DOCTYPE html><html><body>Sign in</body></html>"), notAuthorized(200)));
    c.add(of("HTML", "203 sign-in page", WireCall.PROFILE, reply(203, Map.of("Content-Type", "text/html"),
        signIn.getBytes(StandardCharsets.UTF_8)), notAuthorized(203)));
    c.add(of("HTML", "JSON declared as text/html", WireCall.ACCOUNTS,
        withHeaders(200, Map.of("Content-Type", "text/html; charset=utf-8"),
            WireCall.ACCOUNTS.validBody()), notAuthorized(200)));
    c.add(of("HTML", "a BOM and blank lines before HTML", WireCall.GROUPS,
        json(200, concat(bom(), "\r\n\r\n<html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8))),
        notAuthorized(200)));
    c.add(of("HTML", "203 to the membership check", WireCall.MEMBERSHIP_CHECK,
        reply(203, Map.of("Content-Type", "text/html"), new byte[0]), notAuthorized(203)));
    c.add(of("HTML", "203 to the policy call", WireCall.POLICY, reply(203, Map.of("Content-Type", "text/html"),
        signIn.getBytes(StandardCharsets.UTF_8)), Expect.unknown("answered 203 with a sign-in page")));
    c.add(of("HTML", "401 with an HTML page", WireCall.CONNECTION_DATA,
        reply(401, Map.of("Content-Type", "text/html"), signIn.getBytes(StandardCharsets.UTF_8)),
        Expect.error(Kind.NOT_AUTHORIZED, 401, "the credential was not accepted")));

    // Content types.
    c.add(of("content type", "valid JSON as text/plain", WireCall.PROJECTS,
        withHeaders(200, Map.of("Content-Type", "text/plain"), WireCall.PROJECTS.validBody()), sameAsValid()));
    c.add(of("content type", "valid JSON with no content type", WireCall.PROFILE,
        withHeaders(200, Map.of(), WireCall.PROFILE.validBody()),
        Expect.value(v -> assertThat(((AzureDevOpsUser) v).displayName()).isEqualTo("Normal Paulk"))));
    c.add(of("content type", "binary garbage as application/octet-stream", WireCall.REPOSITORIES,
        reply(200, Map.of("Content-Type", "application/octet-stream"), new byte[] {0, 1, 2, (byte) 0xff, 0x7f, 3}),
        protocol(notJson)));
    c.add(of("content type", "an XML document", WireCall.CONNECTION_DATA,
        withHeaders(200, Map.of("Content-Type", "application/xml"), "<?xml version=\"1.0\"?><connectionData/>"),
        notAuthorized(200)));

    // Encodings.
    c.add(of("encoding", "invalid UTF-8 in a name", WireCall.PROJECTS,
        json(200, concat("{\"count\":1,\"value\":[{\"id\":\"a\",\"name\":\"".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xC3, 0x28}, "\"}]}".getBytes(StandardCharsets.UTF_8))), protocol(notJson)));
    c.add(of("encoding", "a lone lead byte at the end", WireCall.PROFILE,
        json(200, concat(WireCall.PROFILE.validBody().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2})),
        protocol(notJson)));
    c.add(of("encoding", "Latin-1 bytes in a name", WireCall.PIPELINES,
        json(200, "{\"count\":1,\"value\":[{\"id\":1,\"name\":\"caf\u00e9 \u00e9t\u00e9\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1)), protocol(notJson)));
    c.add(of("encoding", "a UTF-8 byte order mark (accepted)", WireCall.PROJECTS,
        json(200, concat(bom(), WireCall.PROJECTS.validBody().getBytes(StandardCharsets.UTF_8))), sameAsValid()));
    c.add(of("encoding", "UTF-16 JSON (accepted)", WireCall.PROJECTS,
        json(200, WireCall.PROJECTS.validBody().getBytes(StandardCharsets.UTF_16LE)), sameAsValid()));

    // Unexpected statuses and redirects.
    c.add(of("status", "418 with a JSON error", WireCall.PROJECTS,
        json(418, "{\"message\":\"VS000418: I'm a teapot.\"}"),
        Expect.error(Kind.PROTOCOL, 418, "Azure DevOps answered 418", "refused the request")));
    c.add(of("status", "418 with no body", WireCall.ENTITLEMENT, reply(418, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, 418, "Azure DevOps answered 418")));
    c.add(custom("status", "302 to another host, never followed", WireCall.PROJECTS,
        env -> {
          env.server().on("GET", Wire.PROJECTS, reply(302, Map.of("Location",
              env.elsewhere().url().replace("127.0.0.1", "localhost") + Wire.PROJECTS), new byte[0]));
          env.elsewhere().on("GET", Wire.PROJECTS, json(200, WireCall.PROJECTS.validBody()));
        },
        Expect.error(Kind.PROTOCOL, 302, "redirecting to http://localhost:", "does not follow redirects"),
        env -> assertThat(env.elsewhere().requests()).isEmpty()));
    c.add(custom("status", "307 from the membership check to another host", WireCall.MEMBERSHIP_CHECK,
        env -> env.server().on("HEAD", WireCall.MEMBERSHIP_CHECK.path, reply(307, Map.of("Location",
            env.elsewhere().url() + "/steal"), new byte[0])),
        Expect.error(Kind.PROTOCOL, 307, "redirecting to http://127.0.0.1:"),
        env -> assertThat(env.elsewhere().requests()).isEmpty()));
    c.add(of("status", "301 without Location", WireCall.PROFILE, reply(301, Map.of(), new byte[0]),
        Expect.error(Kind.PROTOCOL, 301, "redirecting to an unspecified location")));
    c.add(of("status", "302 with a Location that is not a URL", WireCall.ACCOUNTS,
        reply(302, Map.of("Location", "http://[::1"), new byte[0]),
        Expect.error(Kind.PROTOCOL, 302, "a location that is not a valid URL")));
    c.add(of("status", "500 with an HTML page", WireCall.PIPELINES,
        reply(500, Map.of("Content-Type", "text/html"), "<html>Server Error</html>".getBytes(StandardCharsets.UTF_8)),
        Expect.error(Kind.TRANSIENT, 500, "the service failed")));
    c.add(of("status", "429 without Retry-After", WireCall.GROUPS, json(429, Payloads.text("error-TF400733.json")),
        Expect.error(Kind.THROTTLED, 429, "throttling")));
    c.add(of("status", "404 with a body that is not JSON", WireCall.REPOSITORIES,
        withHeaders(404, Map.of("Content-Type", "text/plain"), "Not Found"), Expect.error(Kind.NOT_FOUND, 404)));
    c.add(of("status", "401 whose message is a number", WireCall.ENTITLEMENT, json(401, "{\"message\":5}"),
        Expect.error(Kind.NOT_AUTHORIZED, 401, "the credential was not accepted")));
    c.add(of("status", "a status code of 599", WireCall.PROJECTS, json(599, "{}"),
        Expect.error(Kind.TRANSIENT, 599, "Azure DevOps answered 599")));

    // Continuation tokens.
    c.add(of("continuation", "the projects token points back to itself", WireCall.PROJECTS_AFTER_5,
        withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", "5"),
            WireCall.PROJECTS.validBody()), protocol("the continuation token \"5\" does not move past \"5\"")));
    c.add(of("continuation", "the projects token goes backwards", WireCall.PROJECTS_AFTER_5,
        withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", "3"),
            WireCall.PROJECTS.validBody()), protocol("does not move past")));
    c.add(of("continuation", "the pipelines token points back to itself", WireCall.PIPELINES_AFTER_TOKEN,
        withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", "b3BhcXVl"),
            Payloads.text("pipelines-page1.json")), protocol("does not move past")));
    c.add(custom("continuation", "graph group pages that loop", WireCall.GROUPS,
        env -> env.server().on("GET", Wire.GROUPS, (request, out) -> {
          String next = "p2".equals(request.query().get("continuationToken")) ? "p1" : "p2";
          withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", next),
              Payloads.text("graph-groups-page1.json")).respond(request, out);
        }),
        // The second page repeats the first page's groups: stopped there, before the token comes round again.
        protocol("repeats a page of groups already seen"),
        env -> assertThat(env.server().requests()).filteredOn(r -> r.path().equals(Wire.GROUPS)).hasSize(2)));
    c.add(of("continuation", "every graph group page names itself next", WireCall.GROUPS,
        withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", "same"),
            Payloads.text("graph-groups-page1.json")), protocol("repeat the continuation token \"same\"")));

    // Content encodings.
    c.add(of("content encoding", "gzip declared, plain JSON sent (read as sent)", WireCall.PROJECTS,
        withHeaders(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            WireCall.PROJECTS.validBody()), sameAsValid()));
    c.add(of("content encoding", "real gzip never asked for", WireCall.PROJECTS,
        reply(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            gzip(WireCall.PROJECTS.validBody())),
        protocol(notJson)));
    c.add(of("content encoding", "br declared, garbage sent", WireCall.CONNECTION_DATA,
        reply(200, Map.of("Content-Type", "application/json", "Content-Encoding", "br"), new byte[] {0x1b, 0x2f, 0}),
        protocol(notJson)));

    // Broken transport.
    c.add(of("transport", "Content-Length longer than the body", WireCall.PROJECTS,
        raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n"
            + "{\"count\":1,\"value\":["), Expect.error(Kind.TRANSIENT, 0, "no usable response")));
    c.add(of("transport", "an answer that is not HTTP", WireCall.PROFILE, raw("SSH-2.0-OpenSSH_9.6\r\n\r\n"),
        Expect.error(Kind.TRANSIENT, 0, "no usable response")));
    c.add(of("transport", "the connection closed without an answer", WireCall.ACCOUNTS, raw(""),
        Expect.error(Kind.TRANSIENT, 0, "no usable response")));

    // A walk that never reaches the administrators: bounded, and answered "not a member".
    c.add(custom("bounded walk", "memberships that always lead to new groups", WireCall.MEMBERSHIPS,
        env -> env.server().on("GET", Wire.membershipsUp(Wire.USER), endlessGroups())
            .otherwise(endlessGroups()),
        Expect.value(v -> assertThat(v).isEqualTo(false)), env -> { }));
    return c;
  }

  // ---------------------------------------------------------------------------------------------- the world

  /** Valid answers to every call, so that a case only has to spoil one. */
  @Override
  protected void world(RawHttpServer server) {
    for (WireCall call : WireCall.values()) {
      if (call.method.equals("GET")) {
        server.on("GET", call.path, json(200, call.validBody()));
      }
    }
    server.on("GET", Wire.GROUPS, (request, out) -> {
      if ("page2".equals(request.query().get("continuationToken"))) {
        json(200, Payloads.text("graph-groups-page2.json")).respond(request, out);
      } else {
        withHeaders(200, Map.of("Content-Type", "application/json", "X-MS-ContinuationToken", "page2"),
            Payloads.text("graph-groups-page1.json")).respond(request, out);
      }
    });
    server.on("HEAD", WireCall.MEMBERSHIP_CHECK.path, reply(404, Map.of(), new byte[0]));
    server.on("GET", Wire.COLLECTION_DESCRIPTOR, json(200, "{\"value\":\"scp.MTBmZWIzODE\"}"));
  }

  /** Each call for a group's memberships names a group never seen before. */
  private Responder endlessGroups() {
    AtomicInteger next = new AtomicInteger();
    return (request, out) -> {
      ObjectNode body = Payloads.MAPPER.createObjectNode();
      var value = body.putArray("value");
      for (int i = 0; i < 3; i++) {
        value.addObject().put("containerDescriptor", "vssgp.endless" + next.incrementAndGet());
      }
      json(200, body.toString()).respond(request, out);
    };
  }

  // -------------------------------------------------------------------------------------------------- helpers

  private static Expect protocol(String... fragments) {
    return Expect.error(Kind.PROTOCOL, 200, fragments);
  }

  private static Expect notAuthorized(int status) {
    return Expect.error(Kind.NOT_AUTHORIZED, status, "sign-in page");
  }

  /** The value the call gives for its valid answer. */
  private static Expect sameAsValid() {
    return Expect.value(v -> assertThat(page(v).items()).extracting(AzureDevOpsProject::name)
        .containsExactly("Fabrikam-Fiber-TFVC", "Fabrikam-Fiber-Git", "TestGit"));
  }

  @SuppressWarnings("unchecked")
  private static ResultPage<AzureDevOpsProject> page(Object value) {
    return (ResultPage<AzureDevOpsProject>) value;
  }

  @Override
  protected RawHttpServer.Responder notFound(RawHttpServer.Request request) {
    return json(404, "{\"$id\":\"1\",\"message\":\"No route for " + request.method() + " "
        + request.path().replace("\"", "") + " in the test server.\",\"typeKey\":\"NotFound\"}");
  }
}
