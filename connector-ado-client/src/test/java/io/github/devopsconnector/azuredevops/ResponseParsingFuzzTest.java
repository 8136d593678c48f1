package io.github.devopsconnector.azuredevops;

import static io.github.devopsconnector.testsupport.JsonFuzz.stackTrace;
import static io.github.devopsconnector.testsupport.JsonFuzz.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.ResponseFuzzing;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

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
class ResponseParsingFuzzTest implements ResponseFuzzing<WireCall> {
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
  private static final Target<WireCall> TARGET = new Target<>(
      BODY_CALLS, List.of(201, 203, 204, 206, 299, 301, 302, 304, 307, 400, 401, 403, 404, 405, 409,
      418, 429, 500, 502, 503, 504, 599), KEYS, WORDS);

  // ------------------------------------------------------------------------------------------------ properties

  @Property
  void statusesOfTheMembershipCheckEndInAValueOrATypedError(@ForAll("statuses") int status) {
    check(WireCall.MEMBERSHIP_CHECK, status, new byte[0]);
  }

  @Override
  public Target<WireCall> target() {
    return TARGET;
  }


  // ------------------------------------------------------------------------------------------------- the check

  @Override
  public void check(WireCall call, int status, byte[] body) {
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

  // -------------------------------------------------------------------------------------------------- helpers

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    return (List<T>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> ResultPage<T> page(Object value) {
    return (ResultPage<T>) value;
  }
}
