package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.core.ServiceException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.CannedHttpClient.Answer;
import io.github.devopsconnector.core.AzurePermissions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes how the Defender connector client reads Azure Resource Manager answers: token soup, random JSON of the ARM
 * vocabulary, random bytes, and text and tree mutations of the copied ARM examples in {@code src/test/resources/arm},
 * each served by an in-memory HTTP client to the real client (builder, pipeline, transport, decoding, mapping,
 * paging, operation polling) for one of its calls. The property: every answer ends in a value, or in azure-core's
 * {@link ServiceException} whose cause is azure-core's {@link HttpResponseException} (or a subclass) carrying the
 * response, or in the client's documented
 * {@link IllegalStateException} for a link it will not follow; never another exception, never a hang (each try is
 * bounded). Answers that still parse must give values that keep the model's invariants: no blank ids or names, no
 * list item dropped or invented, a registered provider only when the body says so, a finished write only after a
 * {@code Succeeded} operation.
 *
 * <p>The build runs {@code jqwik.tries.default} tries per property (400, from {@code junit-platform.properties}).
 * Longer campaigns: {@code mvn -B -ntp -o -pl connector-arm-client -am verify -Dtest=ResponseParsingFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=50000}.
 */
class ResponseParsingFuzzTest {
  private static final String ENDPOINT = "https://management.azure.com";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> KEYS = List.of("value", "nextLink", "id", "name", "location", "properties",
      "etag", "tags", "systemData", "createdAt", "hierarchyIdentifier", "environmentName", "environmentData",
      "environmentType", "offerings", "offeringType", "provisioningState", "autoDiscovery", "topLevelInventoryList",
      "onboardingState", "status", "error", "code", "message", "actions", "notActions", "registrationState",
      "namespace", "capabilities", "agentlessConfiguration", "scanners", "inventoryList");
  private static final List<String> WORDS = List.of("", " ", "Succeeded", "succeeded", "Failed", "InProgress",
      "Canceled", "TokenExchangeFailed", "Registered", "NotRegistered", "Enabled", "Disabled", "Onboarded",
      "OnboardedByOtherConnector", "AzureDevOps", "AzureDevOpsScope", "CspmMonitorAzureDevOps", "centralus",
      "org1", Paths.CONNECTOR, Paths.DEVOPS, ENDPOINT + Paths.CONNECTOR + "/devops/default/azureDevOpsOrgs?page=2",
      "https://attacker.example/steal", "2025-03-01T00:00:00Z", "not-a-date", "Microsoft.Security/*", "*",
      "<html>", "\u0000", "\uFEFF", "\u202E", "é", "\\");

  // ------------------------------------------------------------------------------------------------ properties

  @Property
  void tokenSoupEndsInAValueOrATypedError(@ForAll ArmCall call, @ForAll("statuses") int status,
      @ForAll("tokenSoup") String body) {
    check(call, status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void randomJsonEndsInAValueOrATypedError(@ForAll ArmCall call, @ForAll("randomJson") String body) {
    check(call, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void randomBytesEndInAValueOrATypedError(@ForAll ArmCall call, @ForAll @Size(max = 400) byte[] body) {
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

  /** A call with a spoiled answer. */
  record Mutated(ArmCall call, byte[] body, String how) {
    @Override
    public String toString() {
      return call + " <- " + how + ": " + new String(body, StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------------------------------------- the check

  private static void check(ArmCall call, int status, byte[] body) {
    CannedHttpClient http = new CannedHttpClient(request -> answer(call, status, body, request));
    DefenderConnectorClient client = new DefenderConnectorClientBuilder()
        .endpoint(ENDPOINT)
        .credential(ArmTestSupport.identity("alice"))
        .httpClient(http)
        .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1))))
        .sleeper(new RecordingSleeper())
        .pollInterval(Duration.ZERO)
        .pollTimeout(Duration.ofSeconds(1))
        .buildClient();
    Object value;
    try {
      value = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> call.invoke.apply(client));
    } catch (ServiceException e) {
      Statistics.collect("typed error");
      checkError(call, status, e);
      return;
    } catch (IllegalStateException e) {
      Statistics.collect("refused link");
      // The documented refusal of a link the client will not follow (another host, not a URL).
      assertThat(e.getMessage()).as(stackTrace(e)).startsWith("Azure Resource Manager returned");
      return;
    } catch (Throwable t) {
      fail("Neither a value nor a typed error: " + stackTrace(t));
      return;
    }
    Statistics.collect("value");
    checkValue(call, status, body, value);
  }

  private static Answer answer(ArmCall call, int status, byte[] body, HttpRequest request) {
    String path = request.getUrl().getPath();
    String method = request.getHttpMethod().name();
    Map<String, String> json = Map.of("Content-Type", "application/json; charset=utf-8");
    if (method.equals(call.method) && path.equals(call.path)) {
      return new Answer(status, json, body);
    }
    if (method.equals("PATCH") && path.equals(Paths.DEVOPS)) {
      return new Answer(202, Map.of("Content-Type", "application/json", "Azure-AsyncOperation",
          ENDPOINT + Paths.OPERATION + "?api-version=2025-03-01"), "{}".getBytes(StandardCharsets.UTF_8));
    }
    for (ArmCall other : ArmCall.values()) {
      if (other.method.equals(method) && other.path.equals(path)) {
        return new Answer(200, json, other.validBody().getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Answer(404, json, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no route\"}}"
        .getBytes(StandardCharsets.UTF_8));
  }

  private static void checkError(ArmCall call, int status, ServiceException failure) {
    assertThat(failure.getCause()).as(stackTrace(failure)).isInstanceOf(HttpResponseException.class);
    assertThat(failure.remediation()).as(stackTrace(failure)).isPresent();
    HttpResponseException e = (HttpResponseException) failure.getCause();
    assertThat(e.getResponse()).as(stackTrace(e)).isNotNull();
    assertThat(failure.getMessage()).hasSizeLessThan(3_000);
    if (failure.kind() != ServiceException.Kind.OPERATION_FAILED) {
      assertThat(e.getMessage()).as(stackTrace(e)).contains("Azure Resource Manager");
    }
    assertThat(e.getResponse().getRequest().getHeaders().getValue(HttpHeaderName.AUTHORIZATION)).isNull();
    if (status >= 300) {
      // The spoiled answer itself is refused, with its status.
      assertThat(e.getResponse().getStatusCode()).as(e.getMessage()).isEqualTo(status);
    }
  }

  private static void checkValue(ArmCall call, int status, byte[] body, Object value) {
    assertThat(value).isNotNull();
    assertThat(status).as("a value from a refused answer").isLessThan(300);
    JsonNode tree = tree(body).orElseThrow(() -> new AssertionError("a value from a body that is not JSON"));
    switch (call) {
      case CONNECTOR: {
        SecurityConnector connector = (SecurityConnector) value;
        assertThat(connector.id()).isNotBlank();
        assertThat(connector.name()).isNotBlank();
        assertThat(connector.id()).isEqualTo(tree.path("id").asText());
        connector.offeringTypes().forEach(o -> assertThat(o).isNotBlank());
        break;
      }
      case CONNECTORS: {
        List<SecurityConnector> connectors = list(value);
        connectors.forEach(c -> {
          assertThat(c.id()).isNotBlank();
          assertThat(c.name()).isNotBlank();
        });
        // A nextLink to the same host may add the items of further (valid) pages.
        assertThat(connectors.size()).isGreaterThanOrEqualTo(tree.path("value").size());
        if (!tree.path("nextLink").isTextual() || tree.path("nextLink").asText().isBlank()) {
          assertThat(connectors).hasSize(tree.path("value").size());
        }
        break;
      }
      case DEVOPS_CONFIGURATION: {
        DevOpsConfiguration configuration = (DevOpsConfiguration) value;
        assertThat(configuration.id()).isNotBlank().isEqualTo(tree.path("id").asText());
        List<String> listed = new ArrayList<>();
        tree.path("properties").path("topLevelInventoryList").forEach(n -> {
          if (n.isTextual()) {
            listed.add(n.asText());
          }
        });
        assertThat(configuration.topLevelInventoryList()).isEqualTo(listed);
        break;
      }
      case OPERATION_RESULT: {
        // The write is reported done only after the operation said so.
        assertThat(tree.path("status").asText()).isEqualToIgnoringCase("succeeded");
        assertThat(((DevOpsConfiguration) value).id()).isNotBlank();
        break;
      }
      case AVAILABLE_ORGS:
      case ORGS: {
        List<AzureDevOpsOrganizationResource> organizations = list(value);
        organizations.forEach(o -> {
          assertThat(o.id()).isNotBlank();
          assertThat(o.name()).isNotBlank();
        });
        if (call == ArmCall.AVAILABLE_ORGS || !tree.path("nextLink").isTextual()) {
          assertThat(organizations).hasSize(tree.path("value").size());
        }
        break;
      }
      case PERMISSIONS: {
        AzurePermissions permissions = (AzurePermissions) value;
        List<String> actions = new ArrayList<>();
        tree.path("value").forEach(entry -> entry.path("actions").forEach(a -> actions.add(a.asText())));
        if (!tree.path("nextLink").isTextual()) {
          assertThat(permissions.actions()).containsExactlyElementsOf(actions);
        }
        break;
      }
      case PROVIDER: {
        ResourceProviderRegistration registration = (ResourceProviderRegistration) value;
        assertThat(registration.registrationState()).isNotBlank()
            .isEqualTo(tree.path("registrationState").asText());
        break;
      }
      default:
        fail("No invariants for " + call);
    }
  }

  // ------------------------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(200)),
        Tuple.of(3, Arbitraries.of(201, 202, 204, 299, 301, 302, 307, 400, 401, 403, 404, 409, 412, 418, 429, 500,
            503, 599)));
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    List<String> tokens = new ArrayList<>(List.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "-1",
        "0", "1.5", "1e400", " ", "\n", "\\u0000", "\\ud800", "\uFEFF", "<html>"));
    KEYS.forEach(k -> tokens.add("\"" + k + "\""));
    WORDS.forEach(w -> tokens.add("\"" + w.replace("\\", "\\\\") + "\""));
    Arbitrary<String> soup = Arbitraries.of(tokens).list().ofMaxSize(80).map(list -> String.join("", list));
    return Arbitraries.frequencyOf(Tuple.of(4, soup), Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
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
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(2, arrays), Tuple.of(4, objects));
  }

  @Provide
  Arbitrary<Mutated> textMutations() {
    Arbitrary<String> inserts = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "-", "9999999999",
        "\\", "\u202E", "é", "0", " ", "1.5", "true", "<");
    Arbitrary<byte[]> rawInserts = Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0});
    return Combinators.combine(Arbitraries.of(ArmCall.class), Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 12),
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
    return Combinators.combine(Arbitraries.of(ArmCall.class), edits.list().ofMinSize(1).ofMaxSize(3))
        .as((call, list) -> {
          JsonNode root = tree(call.validBody().getBytes(StandardCharsets.UTF_8)).orElseThrow();
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
   * The body as a tree, to check values against (with replacement characters where it is not UTF-8: Jackson does
   * not decode the fields the client skips).
   */
  private static Optional<JsonNode> tree(byte[] body) {
    try {
      return Optional.ofNullable(ArmTestSupport.JSON.readTree(body));
    } catch (IOException e) {
      try {
        return Optional.ofNullable(ArmTestSupport.JSON.readTree(new String(body, StandardCharsets.UTF_8)));
      } catch (IOException again) {
        return Optional.empty();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
