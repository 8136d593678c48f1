package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.testing.InMemoryAzureDevOpsClient.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InMemoryAzureDevOpsClientTest {

  private static final OrganizationName FABRIKAM = OrganizationName.parse("fabrikam");

  private static Estate estate() {
    return Estates.builder()
        .tokenForAllOrganizations()
        .organization("fabrikam", org -> {
          org.accessLevel(AccessLevel.BASIC_PLUS_TEST_PLANS).oauth(OAuthAppAccess.UNKNOWN);
          for (int i = 0; i < 12; i++) {
            org.project("p" + i, p -> p.repositories("r1", "r2").pipelines("a", "b", "c", "d", "e"));
          }
        })
        .organization("locked", org -> org.inaccessible().project("x", p -> p.repositories("r")))
        .build();
  }

  @Test
  void pagesProjectsWithIntegerContinuationTokens() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate()).pageSize(5).build();

    ResultPage<AzureDevOpsProject> first = client.projects(FABRIKAM, Optional.empty());
    ResultPage<AzureDevOpsProject> second = client.projects(FABRIKAM, first.continuationToken());
    ResultPage<AzureDevOpsProject> third = client.projects(FABRIKAM, second.continuationToken());

    assertThat(first.items()).hasSize(5);
    assertThat(first.continuationToken()).contains("5");
    assertThat(second.continuationToken()).contains("10");
    assertThat(third.items()).extracting(AzureDevOpsProject::name).containsExactly("p10", "p11");
    assertThat(third.continuationToken()).isEmpty();
    assertThat(client.requestCount(Operation.PROJECTS)).isEqualTo(3);
  }

  @Test
  void pagesPipelinesWithOpaqueTokens() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate()).pipelinePageSize(2).build();
    List<AzureDevOpsPipeline> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      ResultPage<AzureDevOpsPipeline> page = client.pipelines(FABRIKAM, "p3", token);
      all.addAll(page.items());
      token = page.continuationToken();
      token.ifPresent(t -> assertThat(t).doesNotMatch("[0-9]+"));
    } while (token.isPresent());

    assertThat(all).extracting(AzureDevOpsPipeline::name).containsExactly("a", "b", "c", "d", "e");
    assertThat(all).extracting(AzureDevOpsPipeline::folder).containsOnly("\\");
    assertThat(client.requestCount(Operation.PIPELINES)).isEqualTo(3);
  }

  @Test
  void listsRepositoriesPerOrganizationOrPerProject() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());

    List<AzureDevOpsRepository> all = client.repositories(FABRIKAM);
    String p0 = Estates.projectId("fabrikam", "p0");
    List<AzureDevOpsRepository> byName = client.repositories(FABRIKAM, "P0");
    List<AzureDevOpsRepository> byId = client.repositories(FABRIKAM, p0);

    assertThat(all).hasSize(24);
    assertThat(byName).isEqualTo(byId).hasSize(2);
    assertThat(byName.get(0).projectId()).isEqualTo(p0);
    assertThat(byName.get(0).url()).isEqualTo("https://dev.azure.com/fabrikam/p0/_git/r1");
    assertThat(byName.get(0).id()).isEqualTo(Estates.repositoryId("fabrikam", "p0", "r1"));
    assertThat(client.requestCount(Operation.ORGANIZATION_REPOSITORIES)).isEqualTo(1);
    assertThat(client.requestCount(Operation.PROJECT_REPOSITORIES)).isEqualTo(2);
  }

  @Test
  void servesTheUserAndTheirStanding() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());

    AzureDevOpsUser user = client.signedInUser();

    assertThat(client.organizations(user)).extracting(o -> o.name().value()).containsExactly("fabrikam", "locked");
    assertThat(client.organizations(AzureDevOpsUser.of("someone-else", "X", Optional.empty()))).isEmpty();
    assertThat(client.accessLevel(FABRIKAM)).isEqualTo(AccessLevel.BASIC_PLUS_TEST_PLANS);
    assertThat(client.isProjectCollectionAdministrator(FABRIKAM)).isTrue();
    assertThat(client.oauthAppAccess(FABRIKAM).state()).isEqualTo(OAuthAppAccess.UNKNOWN);
    assertThat(client.oauthAppAccess(FABRIKAM).detail()).hasValueSatisfying(d -> assertThat(d).contains("405"));
    assertThat(client.organizationTenant(FABRIKAM)).contains(client.estate().tenantId());
  }

  @Test
  void anInaccessibleOrganizationAnswers401ToEveryCall() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());
    OrganizationName locked = OrganizationName.parse("locked");

    for (ThrowingCallable call : List.<ThrowingCallable>of(
        () -> client.projects(locked, Optional.empty()),
        () -> client.repositories(locked),
        () -> client.accessLevel(locked),
        () -> client.isProjectCollectionAdministrator(locked),
        () -> client.oauthAppAccess(locked),
        () -> client.organizationTenant(locked))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.serviceErrorCode()).contains("TF400813");
      });
    }
    assertThat(client.requestCount("locked")).isEqualTo(6);
  }

  @Test
  void aTokenScopedToOrganizationsWorksOnlyThereAndNotOnTheProfileOrOrganizationList() {
    Estate scoped = Estates.builder()
        .tokenScopedTo("fabrikam")
        .organization("fabrikam", org -> org.project("web"))
        .organization("contoso", org -> org.project("api"))
        .build();
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(scoped);

    for (ThrowingCallable call : List.<ThrowingCallable>of(client::signedInUser,
        () -> client.organizations(AzureDevOpsUser.of(scoped.user().id(), "X", Optional.empty())),
        () -> client.projects(OrganizationName.parse("contoso"), Optional.empty()))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.serviceErrorCode()).contains("TF400813");
      });
    }
    assertThat(client.projects(FABRIKAM, Optional.empty()).items()).extracting(AzureDevOpsProject::name)
        .containsExactly("web");
  }

  @Test
  void unknownOrganizationsAndProjectsAnswer404() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());

    assertThatThrownBy(() -> client.projects(OrganizationName.parse("nowhere"), Optional.empty()))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND);
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.getMessage()).startsWith("TF200016");
        });
    assertThatThrownBy(() -> client.pipelines(FABRIKAM, "nope", Optional.empty()))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND));
  }

  @Test
  void refusesTokensItDidNotIssue() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());

    assertThatThrownBy(() -> client.projects(FABRIKAM, Optional.of("abc")))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> client.pipelines(FABRIKAM, "p0", Optional.of("5")))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void failsTheOrganizationsItIsToldTo() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate())
        .failOrganization("fabrikam", ServiceException.Kind.TRANSIENT)
        .build();

    assertThatThrownBy(() -> client.repositories(FABRIKAM))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.service()).isEqualTo("Azure DevOps");
        });
    assertThat(client.signedInUser()).isNotNull();
  }

  @Test
  void throttlesEveryNthRequestAndTheFirstRequestsOfAnOrganization() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate())
        .throttleEvery(3)
        .throttleFirst("fabrikam", 1)
        .throttleRetryAfter(Duration.ofSeconds(2))
        .build();

    assertThatThrownBy(() -> client.accessLevel(FABRIKAM))
        .as("first request of fabrikam")
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.serviceErrorCode()).contains("TF400733");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
    assertThat(client.accessLevel(FABRIKAM)).isEqualTo(AccessLevel.BASIC_PLUS_TEST_PLANS);
    assertThatThrownBy(client::signedInUser).as("third request overall").isInstanceOf(ServiceException.class);
    assertThat(client.signedInUser()).isNotNull();
    assertThat(client.requestCount()).isEqualTo(4);
    assertThat(client.requestCount(Operation.ACCESS_LEVEL)).isEqualTo(2);
    assertThat(client.requestCounts()).containsEntry(Operation.SIGNED_IN_USER, 2L);
  }

  @Test
  void aRepeatingTokenOrganizationHandsBackTheTokenItGot() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate()).pageSize(5)
        .repeatContinuationToken("fabrikam").build();

    ResultPage<AzureDevOpsProject> first = client.projects(FABRIKAM, Optional.empty());
    ResultPage<AzureDevOpsProject> second = client.projects(FABRIKAM, first.continuationToken());

    assertThat(second.continuationToken()).isEqualTo(first.continuationToken());
  }

  @Test
  void countsAndResetsRequests() {
    InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.of(estate());
    client.signedInUser();
    client.repositories(FABRIKAM);

    assertThat(client.requestCount()).isEqualTo(2);
    assertThat(client.requestCount("Fabrikam")).isEqualTo(1);
    assertThat(client.peakConcurrentRequests()).isEqualTo(1);

    client.resetCounters();

    assertThat(client.requestCount()).isZero();
    assertThat(client.requestCount("fabrikam")).isZero();
    assertThat(client.requestCount(Operation.SIGNED_IN_USER)).isZero();
  }

  @Test
  void builderRefusesNonsense() {
    InMemoryAzureDevOpsClient.Builder builder = InMemoryAzureDevOpsClient.builder(estate());
    assertThatThrownBy(() -> builder.pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.pipelinePageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.throttleEvery(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.failOrganization("bad name", ServiceException.Kind.TRANSIENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryAzureDevOpsClient.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
