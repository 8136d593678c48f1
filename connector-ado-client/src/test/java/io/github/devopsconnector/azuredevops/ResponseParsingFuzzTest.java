package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.CannedHttpClient.Answer;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes how the Azure DevOps client reads answers: token soup, random JSON of the right vocabulary, random bytes,
 * and text and tree mutations of the recorded payloads in {@code src/test/resources/ado-wire}, each served by an
 * in-memory HTTP client to the real client (builder, pipeline, transport, decoding, mapping) for one of its calls.
 * The property: every answer ends in a value or an {@link ServiceException} whose kind fits the status and
 * whose message names the call; never another exception, never a hang (each try is bounded). Answers that still
 * parse must give values that keep the model's invariants: no blank ids or names, no item dropped or invented, an
 * access level above NONE only for an active entitlement, a tenant only from the descriptor, a policy state only
 * from its boolean.
 *
 * <p>The build runs {@code jqwik.tries.default} tries per property (400, from {@code junit-platform.properties}).
 * Longer campaigns: {@code mvn -B -ntp -o -pl connector-ado-client -am verify -Dtest=ResponseParsingFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=50000}.
 */
class ResponseParsingFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<WireCall> BODY_CALLS = Arrays.stream(WireCall.values())
      .filter(c -> !c.method.equals("HEAD")).toList();
  private static final List<String> KEYS = List.of("value", "count", "id", "name", "project", "remoteUrl", "url",
      "webUrl", "defaultBranch", "authenticatedUser", "descriptor", "subjectDescriptor", "accessLevel", "status",
      "accountLicenseType", "licensingSource", "msdnLicenseType", "principalName", "containerDescriptor",
      "effectiveValue", "accountName", "accountId", "accountUri", "publicAlias", "displayName", "folder");
  private static final List<String> WORDS = List.of("", " ", "active", "ACTIVE ", "express", "stakeholder", "msdn",
      "eligible", "none", "fabrikam", "Fabrikam-Fiber-Git", "[fabrikam]\\Project Collection Administrators", Wire.PCA,
      Wire.USER, Wire.VSID, "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + Wire.TENANT + "\\someone@fabrikam.com",
      "<html>", "\u0000", "\uFEFF", "\u202E", "é", "refs/heads/main", "\\", "https://dev.azure.com/fabrikam");

  // ------------------------------------------------------------------------------------------------ properties

  @Property
  void tokenSoupEndsInAValueOrATypedError(@ForAll("bodyCalls") WireCall call, @ForAll("statuses") int status,
      @ForAll("tokenSoup") String body) {
    check(call, status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void randomJsonEndsInAValueOrATypedError(@ForAll("bodyCalls") WireCall call, @ForAll("randomJson") String body) {
    check(call, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void randomBytesEndInAValueOrATypedError(@ForAll("bodyCalls") WireCall call,
      @ForAll @Size(max = 400) byte[] body) {
    check(call, 200, body);
  }

  @Property
  void textMutationsOfRecordedAnswersEndInAValueOrATypedError(@ForAll("textMutations") Mutated mutated) {
    check(mutated.call(), 200, mutated.body());
  }

  @Property
  void treeMutationsOfRecordedAnswersKeepTheInvariants(@ForAll("treeMutations") Mutated mutated) {
    check(mutated.call(), 200, mutated.body());
  }

  @Property
  void statusesOfTheMembershipCheckEndInAValueOrATypedError(@ForAll("statuses") int status) {
    check(WireCall.MEMBERSHIP_CHECK, status, new byte[0]);
  }

  /** A call with a spoiled answer. */
  record Mutated(WireCall call, byte[] body, String how) {
    @Override
    public String toString() {
      return call + " <- " + how + ": " + new String(body, StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------------------------------------- the check

  private static void check(WireCall call, int status, byte[] body) {
    FakeTime time = new FakeTime();
    CannedHttpClient http = new CannedHttpClient(request -> answer(call, status, body, request));
    AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder()
        .endpoint("http://127.0.0.1:9")
        .personalAccessToken(Wire.PAT)
        .httpClient(http)
        .clock(time).sleeper(time)
        .buildClient();
    Object value;
    try {
      value = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call.invoke.apply(client));
    } catch (ServiceException e) {
      Statistics.collect("typed error");
      checkError(call, status, body, e);
      return;
    } catch (Throwable t) {
      fail("Neither a value nor a typed error: " + stackTrace(t));
      return;
    }
    Statistics.collect("value");
    checkValue(call, status, body, value);
  }

  private static Answer answer(WireCall call, int status, byte[] body, HttpRequest request) {
    String path = request.getUrl().getPath();
    HttpMethod method = request.getHttpMethod();
    Map<String, String> json = Map.of("Content-Type", "application/json; charset=utf-8");
    if (method.name().equals(call.method) && path.equals(call.path)) {
      return new Answer(status, json, method == HttpMethod.HEAD ? new byte[0] : body);
    }
    if (method == HttpMethod.HEAD) {
      return new Answer(404, Map.of(), new byte[0]);
    }
    for (WireCall other : BODY_CALLS) {
      if (other.path.equals(path)) {
        return new Answer(200, json, other.validBody().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (path.startsWith("/fabrikam/_apis/graph/Memberships/")) {
      return new Answer(200, json, "{\"count\":0,\"value\":[]}".getBytes(StandardCharsets.UTF_8));
    }
    return new Answer(404, json, "{\"message\":\"no route\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static void checkError(WireCall call, int status, byte[] body, ServiceException e) {
    assertThat(e.getMessage()).startsWith("Could not " + call.operation).doesNotContain(Wire.PAT)
        .hasSizeLessThan(3_000);
    assertThat(e.remediation()).isPresent();
    assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
    assertThat(e.getCause()).isInstanceOf(HttpResponseException.class);
    assertThat(e.kind()).as(e.getMessage()).isIn(kindsFor(status));
    assertThat(call).as("the policy call never throws").isNotEqualTo(WireCall.POLICY);
  }

  /** The kinds of failure an answer with this status may give. */
  private static Set<Kind> kindsFor(int status) {
    if (status == 203) {
      return Set.of(Kind.NOT_AUTHORIZED);
    }
    if (status >= 200 && status < 300) {
      return Set.of(Kind.PROTOCOL, Kind.NOT_AUTHORIZED);
    }
    if (status == 401 || status == 403) {
      return Set.of(Kind.NOT_AUTHORIZED);
    }
    if (status == 404) {
      return Set.of(Kind.NOT_FOUND);
    }
    if (status == 429) {
      return Set.of(Kind.THROTTLED);
    }
    if (status >= 500) {
      return Set.of(Kind.TRANSIENT);
    }
    return Set.of(Kind.PROTOCOL);
  }

  private static void checkValue(WireCall call, int status, byte[] body, Object value) {
    assertThat(value).isNotNull();
    boolean usable = status >= 200 && status < 300 && status != 203;
    Optional<JsonNode> tree = tree(body);
    switch (call) {
      case PROFILE: {
        assertThat(usable).isTrue();
        AzureDevOpsUser user = (AzureDevOpsUser) value;
        assertThat(user.id()).isNotBlank();
        assertThat(user.displayName()).isNotBlank();
        user.emailAddress().ifPresent(m -> assertThat(m).isNotBlank());
        break;
      }
      case ACCOUNTS: {
        assertThat(usable).isTrue();
        List<AzureDevOpsOrganization> organizations = list(value);
        for (AzureDevOpsOrganization organization : organizations) {
          assertThat(organization.id()).isNotBlank();
          assertThat(organization.url()).isNotBlank();
          assertThat(OrganizationName.isValid(organization.name().value())).isTrue();
        }
        // Accounts whose name is not an organization name are left out, never invented.
        assertThat(organizations.size()).isLessThanOrEqualTo(tree.map(t -> t.path("value").size()).orElse(0));
        break;
      }
      case PROJECTS:
      case PROJECTS_AFTER_5: {
        assertThat(usable).isTrue();
        ResultPage<AzureDevOpsProject> page = page(value);
        page.items().forEach(p -> {
          assertThat(p.id()).isNotBlank();
          assertThat(p.name()).isNotBlank();
        });
        assertThat(page.items()).hasSize(tree.orElseThrow().path("value").size());
        assertThat(page.continuationToken()).isEmpty();
        break;
      }
      case REPOSITORIES:
      case PROJECT_REPOSITORIES: {
        assertThat(usable).isTrue();
        List<AzureDevOpsRepository> repositories = list(value);
        for (AzureDevOpsRepository r : repositories) {
          assertThat(List.of(r.id(), r.name(), r.url(), r.projectId(), r.projectName())).allSatisfy(
              text -> assertThat(text).isNotBlank());
          r.defaultBranch().ifPresent(b -> assertThat(b).isNotBlank());
        }
        assertThat(repositories).hasSize(tree.orElseThrow().path("value").size());
        break;
      }
      case PIPELINES:
      case PIPELINES_AFTER_TOKEN: {
        assertThat(usable).isTrue();
        ResultPage<AzureDevOpsPipeline> page = page(value);
        page.items().forEach(p -> {
          assertThat(p.name()).isNotBlank();
          assertThat(p.folder()).isNotBlank();
        });
        assertThat(page.items()).hasSize(tree.orElseThrow().path("value").size());
        break;
      }
      case CONNECTION_DATA: {
        assertThat(usable).isTrue();
        @SuppressWarnings("unchecked")
        Optional<TenantId> tenant = (Optional<TenantId>) value;
        tenant.ifPresent(t -> assertThat(tree.orElseThrow().path("authenticatedUser").path("descriptor").asText()
            .toLowerCase(Locale.ROOT)).contains(t.value()));
        break;
      }
      case ENTITLEMENT: {
        assertThat(usable).isTrue();
        AccessLevel level = (AccessLevel) value;
        if (level != AccessLevel.NONE) {
          assertThat(tree.orElseThrow().path("accessLevel").path("status").asText().trim())
              .isEqualToIgnoringCase("active");
        }
        break;
      }
      case GROUPS:
      case MEMBERSHIPS: {
        assertThat(usable).isTrue();
        if ((Boolean) value) {
          // Only the group the administrators' descriptor names leads to them.
          assertThat(new String(body, StandardCharsets.UTF_8)).contains(Wire.PCA);
        }
        break;
      }
      case MEMBERSHIP_CHECK: {
        assertThat(status).isIn(200, 404);
        assertThat(value).isEqualTo(true);
        break;
      }
      case POLICY: {
        OAuthAppAccessStatus policy = (OAuthAppAccessStatus) value;
        assertThat(policy.detail()).isPresent();
        if (policy.state() != OAuthAppAccess.UNKNOWN) {
          assertThat(usable).isTrue();
          JsonNode effective = tree.orElseThrow().path("effectiveValue");
          JsonNode disallowed = effective.isBoolean() ? effective : tree.orElseThrow().path("value");
          assertThat(disallowed.isBoolean()).isTrue();
          assertThat(policy.state()).isEqualTo(disallowed.booleanValue() ? OAuthAppAccess.OFF : OAuthAppAccess.ON);
        }
        break;
      }
      default:
        fail("No invariants for " + call);
    }
  }

  // ------------------------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<WireCall> bodyCalls() {
    return Arbitraries.of(BODY_CALLS);
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(200)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(201, 203, 204, 206, 299, 301, 302, 304, 307, 400, 401, 403, 404,
            405, 409, 418, 429, 500, 502, 503, 504, 599)));
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    List<String> tokens = new ArrayList<>(List.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-1",
        "0", "1.5", "1e400", "-0", "9999999999999999999999", " ", "\n", "\\u0000", "\\ud800", "\uFEFF", "<html>",
        "\"\\\\\""));
    KEYS.forEach(k -> tokens.add("\"" + k + "\""));
    WORDS.forEach(w -> tokens.add("\"" + w.replace("\\", "\\\\") + "\""));
    Arbitrary<String> soup = Arbitraries.of(tokens).list().ofMaxSize(80).map(list -> String.join("", list));
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, soup), net.jqwik.api.Tuple.of(1, noise));
  }

  @Provide
  Arbitrary<String> randomJson() {
    return json(4).map(JsonNode::toString);
  }

  private Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.of(WORDS).map(NODES::textNode),
        Arbitraries.integers().between(-3, 200).map(i -> (JsonNode) NODES.numberNode(i)),
        Arbitraries.of(1.5, -0.0, 1e300).map(d -> (JsonNode) NODES.numberNode(d)),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
    Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.lazy(() -> json(depth - 1)))
        .as(Map::entry).list().ofMaxSize(6).map(entries -> {
          ObjectNode object = NODES.objectNode();
          entries.forEach(e -> object.set(e.getKey(), e.getValue()));
          return object;
        });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(2, arrays),
        net.jqwik.api.Tuple.of(4, objects));
  }

  @Provide
  Arbitrary<Mutated> textMutations() {
    Arbitrary<String> inserts = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "-", "9999999999",
        "\\", "\u202E", "é", "0", " ", "1.5", "true", "<");
    Arbitrary<byte[]> rawInserts = Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0});
    return Combinators.combine(bodyCalls(), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12),
        Arbitraries.oneOf(inserts.map(t -> t.getBytes(StandardCharsets.UTF_8)), rawInserts),
        Arbitraries.doubles().between(0, 1).list().ofMaxSize(3))
        .as((call, where, cut, insert, deletions) -> {
          byte[] valid = call.validBody().getBytes(StandardCharsets.UTF_8);
          int at = (int) (where * (valid.length - 1));
          int end = Math.min(valid.length, at + cut);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(valid, 0, at);
          out.writeBytes(insert);
          out.write(valid, end, valid.length - end);
          byte[] mutated = out.toByteArray();
          for (double deletion : deletions) {
            int index = (int) (deletion * (mutated.length - 1));
            byte[] shorter = new byte[mutated.length - 1];
            System.arraycopy(mutated, 0, shorter, 0, index);
            System.arraycopy(mutated, index + 1, shorter, index, mutated.length - index - 1);
            mutated = shorter;
          }
          return new Mutated(call, mutated, "replaced " + cut + " bytes at " + at);
        });
  }

  @Provide
  Arbitrary<Mutated> treeMutations() {
    Arbitrary<JsonNode> replacements = Arbitraries.oneOf(json(1), Arbitraries.<JsonNode>of(NODES.nullNode(),
        NODES.textNode(""), NODES.textNode("   "), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
        NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.textNode("x".repeat(10_000))));
    Arbitrary<Edit> edits = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.of(Op.values()), replacements).as(Edit::new);
    return Combinators.combine(bodyCalls(), edits.list().ofMinSize(1).ofMaxSize(3)).as((call, list) -> {
      JsonNode root = Payloads.tree(call.validBody());
      List<String> done = new ArrayList<>();
      for (Edit edit : list) {
        root = edit.apply(root, done);
      }
      return new Mutated(call, root.toString().getBytes(StandardCharsets.UTF_8), String.join("; ", done));
    });
  }

  enum Op { REPLACE, REMOVE, DUPLICATE, RENAME }

  /** One change at a node picked by position in a walk of the tree. */
  record Edit(double where, Op op, JsonNode replacement) {
    JsonNode apply(JsonNode root, List<String> done) {
      List<Object[]> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        done.add("replaced the root");
        return replacement.deepCopy();
      }
      Object[] slot = slots.get((int) (where * (slots.size() - 1)));
      JsonNode parent = (JsonNode) slot[0];
      if (parent instanceof ObjectNode object) {
        String field = (String) slot[1];
        switch (op) {
          case REMOVE -> object.remove(field);
          case DUPLICATE -> object.set(field + "2", object.get(field));
          case RENAME -> object.set(field.toUpperCase(Locale.ROOT), object.remove(field));
          default -> object.set(field, replacement.deepCopy());
        }
        done.add(op + " ." + field);
      } else {
        ArrayNode array = (ArrayNode) parent;
        int index = (Integer) slot[1];
        switch (op) {
          case REMOVE -> array.remove(index);
          case DUPLICATE, RENAME -> array.insert(index, array.get(index).deepCopy());
          default -> array.set(index, replacement.deepCopy());
        }
        done.add(op + " [" + index + "]");
      }
      return root;
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
      if (node.isObject()) {
        Iterator<String> names = node.fieldNames();
        List<String> fields = new ArrayList<>();
        names.forEachRemaining(fields::add);
        for (String field : fields) {
          slots.add(new Object[] {node, field});
          collect(node.get(field), slots);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          slots.add(new Object[] {node, i});
          collect(node.get(i), slots);
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------- helpers

  /**
   * The body as a tree, to check values against. Jackson does not decode the fields the client skips, so invalid
   * UTF-8 there does not stop the client; the reference tree then reads the body with replacement characters.
   */
  private static Optional<JsonNode> tree(byte[] body) {
    try {
      return Optional.ofNullable(Payloads.MAPPER.readTree(body));
    } catch (IOException e) {
      try {
        return Optional.ofNullable(Payloads.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
      } catch (IOException again) {
        return Optional.empty();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> ResultPage<T> page(Object value) {
    return (ResultPage<T>) value;
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
