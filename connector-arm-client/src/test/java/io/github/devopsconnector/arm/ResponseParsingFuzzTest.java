package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import static io.github.devopsconnector.testsupport.JsonFuzz.stackTrace;
import static io.github.devopsconnector.testsupport.JsonFuzz.tree;
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
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.testsupport.ResponseFuzzing;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.CannedHttpClient.Answer;
import io.github.devopsconnector.core.AzurePermissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.statistics.Statistics;

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
class ResponseParsingFuzzTest implements ResponseFuzzing<ArmCall> {
  private static final String ENDPOINT = "https://management.azure.com";
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
  private static final Target<ArmCall> TARGET = new Target<>(
      List.of(ArmCall.values()), List.of(201, 202, 204, 299, 301, 302, 307, 400, 401, 403, 404, 409,
      412, 418, 429, 500, 503, 599), KEYS, WORDS);

  @Override
  public Target<ArmCall> target() {
    return TARGET;
  }

  // ------------------------------------------------------------------------------------------------- the check

  @Override
  public void check(ArmCall call, int status, byte[] body) {
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

  // -------------------------------------------------------------------------------------------------- helpers

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }
}
