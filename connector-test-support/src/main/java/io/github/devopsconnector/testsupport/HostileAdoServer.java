package io.github.devopsconnector.testsupport;

import static io.github.devopsconnector.testsupport.RawHttpServer.json;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Azure DevOps that answers every call the SDK makes with a small, valid world (one user, the
 * organizations {@value #ORGANIZATION} and {@value #OTHER_ORGANIZATION}, one project, repository and pipeline each,
 * an active Basic access level, Project Collection Administrator membership), until an attack replaces one of its
 * answers with a hostile one: a stall, a trickle, a day-long {@code Retry-After}, endless pages, an echoed
 * credential, duplicate keys. Built on {@link RawHttpServer}, so anything a socket can do is possible.
 *
 * <pre>{@code
 * try (HostileAdoServer server = HostileAdoServer.start()) {
 *   server.attack("GET", HostileAdoServer.projects(HostileAdoServer.ORGANIZATION), RawHttpServer.stall());
 *   ... point a client at server.url() ...
 * }
 * }</pre>
 */
public final class HostileAdoServer implements AutoCloseable {
  /** The organization every attack aims at. */
  public static final String ORGANIZATION = "fabrikam";
  /** An organization that stays well-behaved, so that a run can show it keeps the others' results. */
  public static final String OTHER_ORGANIZATION = "contoso";
  /** The signed-in user's id (VSID). */
  public static final String USER_ID = "00470e34-da61-6a69-bd96-487a849ec558";
  /** The user's graph subject descriptor. */
  public static final String SUBJECT = "aad.MDA0NzBlMzQtZGE2MS03YTY5LWJkOTYtNDg3YTg0OWVjNTU4";
  /** The tenant of both organizations. */
  public static final String TENANT = "45aa3d2d-7442-473d-b4d3-3c670da9dd96";
  /** The project of each organization. */
  public static final String PROJECT = "Web";

  private static final String JSON = "application/json; charset=utf-8";
  private static final String PCA = "vssgp.Uy0xLTktMTU1MTM3NDI0NS0wLTAtMC0wLTE";

  private final RawHttpServer server;

  private HostileAdoServer(RawHttpServer server) {
    this.server = server;
  }

  /** Starts the well-behaved world on 127.0.0.1 and a free port. */
  public static HostileAdoServer start() {
    RawHttpServer server = RawHttpServer.start(request -> json(404, JSON, "{\"message\":\"TF400898: no route for "
        + request.path().replace("\"", "") + "\",\"typeKey\":\"NotFound\"}"));
    HostileAdoServer hostile = new HostileAdoServer(server);
    hostile.world();
    return hostile;
  }

  private void world() {
    server.on("GET", "/_apis/profile/profiles/me", json(200, JSON, "{\"id\":\"" + USER_ID
        + "\",\"displayName\":\"Normal Paulk\",\"emailAddress\":\"normal.paulk@fabrikam.com\"}"));
    server.on("GET", "/_apis/accounts", json(200, JSON, "{\"count\":2,\"value\":["
        + account(ORGANIZATION, "4a1e6b6f-2b5c-4c4b-9a4e-1f0e9f0c0a01") + ","
        + account(OTHER_ORGANIZATION, "4a1e6b6f-2b5c-4c4b-9a4e-1f0e9f0c0a02") + "]}"));
    for (String org : new String[] {ORGANIZATION, OTHER_ORGANIZATION}) {
      server.on("GET", projects(org), json(200, JSON,
          "{\"count\":1,\"value\":[{\"id\":\"" + org + "-p1\",\"name\":\"" + PROJECT + "\",\"state\":\"wellFormed\"}]}"));
      server.on("GET", "/" + org + "/_apis/git/repositories", json(200, JSON, "{\"count\":1,\"value\":[{\"id\":\""
          + org + "-r1\",\"name\":\"web\",\"url\":\"https://dev.azure.com/" + org + "/_apis/git/repositories/r1\","
          + "\"remoteUrl\":\"https://dev.azure.com/" + org + "/Web/_git/web\",\"defaultBranch\":\"refs/heads/main\","
          + "\"project\":{\"id\":\"" + org + "-p1\",\"name\":\"" + PROJECT + "\"}}]}"));
      server.on("GET", pipelines(org, PROJECT), json(200, JSON,
          "{\"count\":1,\"value\":[{\"id\":1,\"name\":\"ci\",\"folder\":\"\\\\\"}]}"));
      server.on("GET", "/" + org + "/_apis/connectionData", json(200, JSON, "{\"authenticatedUser\":{\"id\":\""
          + USER_ID + "\",\"descriptor\":\"Microsoft.IdentityModel.Claims.ClaimsIdentity;" + TENANT
          + "\\\\normal.paulk@fabrikam.com\",\"subjectDescriptor\":\"" + SUBJECT + "\",\"isActive\":true},"
          + "\"instanceId\":\"10feb381-82c3-4902-8e1f-840299a48ae4\",\"deploymentType\":\"hosted\"}"));
      server.on("GET", "/" + org + "/_apis/userentitlements/" + USER_ID, json(200, JSON, "{\"id\":\"" + USER_ID
          + "\",\"accessLevel\":{\"licensingSource\":\"account\",\"accountLicenseType\":\"express\","
          + "\"msdnLicenseType\":\"none\",\"status\":\"active\"}}"));
      server.on("GET", groups(org), json(200, JSON, "{\"count\":1,\"value\":[{\"subjectKind\":\"group\","
          + "\"principalName\":\"[" + org + "]\\\\Project Collection Administrators\",\"descriptor\":\"" + PCA
          + "\"}]}"));
      server.on("HEAD", "/" + org + "/_apis/graph/memberships/" + SUBJECT + "/" + PCA,
          RawHttpServer.reply(200, Map.of(), new byte[0]));
      server.on("GET", "/" + org + "/_apis/OrganizationPolicy/Policies/Policy.DisallowOAuthAuthentication",
          json(200, JSON, "{\"name\":\"Policy.DisallowOAuthAuthentication\",\"value\":false,"
              + "\"effectiveValue\":false}"));
    }
  }

  private static String account(String name, String id) {
    return "{\"accountId\":\"" + id + "\",\"accountName\":\"" + name + "\",\"accountUri\":\"https://vssps.dev.azure.com/"
        + name + "/\"}";
  }

  /** The decoded path of an organization's project listing. */
  public static String projects(String organization) {
    return "/" + organization + "/_apis/projects";
  }

  /** The decoded path of a project's pipeline listing. */
  public static String pipelines(String organization, String project) {
    return "/" + organization + "/" + project + "/_apis/pipelines";
  }

  /** The decoded path of an organization's graph groups. */
  public static String groups(String organization) {
    return "/" + organization + "/_apis/graph/groups";
  }

  /** The decoded path of the signed-in user's entitlement in an organization. */
  public static String entitlement(String organization) {
    return "/" + organization + "/_apis/userentitlements/" + USER_ID;
  }

  /** Replaces the answer to one call with a hostile one. */
  public HostileAdoServer attack(String method, String path, RawHttpServer.Responder responder) {
    server.on(method, path, responder);
    return this;
  }

  /** The base URL, {@code http://127.0.0.1:port}. */
  public String url() {
    return server.url();
  }

  /** The requests the server read so far. */
  public java.util.List<RawHttpServer.Request> requests() {
    return server.requests();
  }

  // ------------------------------------------------------------------------------------------- hostile answers

  /** {@code 429} asking the client to wait this long ({@code Retry-After} in seconds). */
  public static RawHttpServer.Responder throttle(long retryAfterSeconds) {
    return RawHttpServer.withHeaders(429, Map.of("Content-Type", JSON, "Retry-After", String.valueOf(retryAfterSeconds),
        "X-RateLimit-Resource", "Core", "X-RateLimit-Remaining", "0"),
        "{\"message\":\"TF400733: The request has been canceled: Request was blocked due to exceeding usage of "
            + "resource 'Core'.\",\"typeKey\":\"RequestBlockedException\"}");
  }

  /** Pages without end: every answer carries the same item and a continuation token never sent before. */
  public static RawHttpServer.Responder endlessPages(String valueJson) {
    AtomicLong next = new AtomicLong();
    return (request, out) -> RawHttpServer.withHeaders(200, Map.of("Content-Type", JSON, "X-MS-ContinuationToken",
        "t" + next.incrementAndGet()), "{\"count\":1,\"value\":[" + valueJson + "]}").respond(request, out);
  }

  /** Pages without end, each page with new items: only a page limit stops it. */
  public static RawHttpServer.Responder endlessNewPages(String kind) {
    AtomicLong next = new AtomicLong();
    return (request, out) -> {
      long n = next.incrementAndGet();
      String item = kind.equals("pipeline")
          ? "{\"id\":" + n + ",\"name\":\"p" + n + "\",\"folder\":\"\\\\\"}"
          : kind.equals("group")
              ? "{\"subjectKind\":\"group\",\"principalName\":\"[" + ORGANIZATION + "]\\\\g" + n
                  + "\",\"descriptor\":\"vssgp.g" + n + "\"}"
              : "{\"id\":\"p" + n + "\",\"name\":\"P" + n + "\"}";
      RawHttpServer.withHeaders(200, Map.of("Content-Type", JSON, "X-MS-ContinuationToken", String.valueOf(n)),
          "{\"count\":1,\"value\":[" + item + "]}").respond(request, out);
    };
  }

  /** A JSON error whose message quotes what the client sent in {@code Authorization}, as some proxies do. */
  public static RawHttpServer.Responder echoAuthorization(int status) {
    return (request, out) -> {
      String sent = String.valueOf(request.headers().get("authorization"));
      String value = sent.contains(" ") ? sent.substring(sent.indexOf(' ') + 1) : sent;
      json(status, JSON, "{\"message\":\"VS403403: the credential " + value.replace("\"", "") + " (sent as "
          + sent.replace("\"", "") + ") is not valid here.\"}").respond(request, out);
    };
  }

  /** A 200 JSON answer. */
  public static RawHttpServer.Responder ok(String body) {
    return json(200, JSON, body);
  }

  /** Headers at once, then the body a byte every {@code interval} (slowloris). */
  public static RawHttpServer.Responder trickle(String body, Duration interval) {
    return RawHttpServer.dripBody(200, JSON, body, interval);
  }

  @Override
  public void close() {
    server.close();
  }
}
