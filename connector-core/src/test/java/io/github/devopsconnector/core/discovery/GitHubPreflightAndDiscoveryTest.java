package io.github.devopsconnector.core.discovery;

import static io.github.devopsconnector.core.discovery.FakeGitHubClient.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.core.github.GitHubRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GitHubPreflightAndDiscoveryTest {

  private static final TenantId TENANT = TenantId.parse("8f3c2a4e-1b6d-4c8e-9a0f-2d4e6f8a0b1c");
  private static final String ELSEWHERE = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/"
      + "providers/Microsoft.Security/securityConnectors/other";
  private static final ConnectorId ELSEWHERE_ID = ConnectorId.parse(ELSEWHERE);

  private static String[] repos(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("repo-%03d", i)).toArray(String[]::new);
  }

  private final FakeGitHubClient client = new FakeGitHubClient()
      .owner("contoso", GitHubRole.ADMIN).app("contoso", GitHubRepositorySelection.ALL, repos(150))
      .owner("partial", GitHubRole.ADMIN).app("partial", GitHubRepositorySelection.SELECTED, "api", "legacy!")
      .owner("no-app", GitHubRole.ADMIN)
      .owner("members", GitHubRole.MEMBER)
      .owner(GitHubOwner.builder().login(login("emu")).type(GitHubOwnerType.ORGANIZATION).role(GitHubRole.ADMIN)
          .enterpriseManagedUsers(true).build()).app("emu", GitHubRepositorySelection.ALL, "one")
      .owner(GitHubOwner.builder().login(login("residency")).type(GitHubOwnerType.ORGANIZATION)
          .role(GitHubRole.ADMIN).dataResidency(true).build()).app("residency", GitHubRepositorySelection.ALL, "r")
      .owner("taken", GitHubRole.ADMIN).app("taken", GitHubRepositorySelection.ALL, "t");

  private final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();

  {
    registry.claim(TENANT, DevOpsPlatform.GITHUB, login("taken"), ELSEWHERE_ID);
    // The same name as an Azure DevOps organization is unrelated.
    registry.claim(TENANT, login("contoso"), ELSEWHERE_ID);
  }

  private static List<FindingCode> codes(PreflightReport report, String owner) {
    return report.organization(login(owner)).orElseThrow().findings().stream().map(Finding::code)
        .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void preflightSaysWhyEachOwnerIsGreyedOut() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.allExisting(), TENANT, ValidationReport.of(List.of()));

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("contoso", "emu", "members", "no-app", "partial", "residency", "taken");
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "emu")).containsExactly(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED);
    assertThat(codes(report, "members")).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(codes(report, "no-app")).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    assertThat(codes(report, "partial")).containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    assertThat(codes(report, "residency")).containsExactly(FindingCode.GITHUB_DATA_RESIDENCY_NOT_SUPPORTED);
    assertThat(codes(report, "taken")).containsExactly(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    assertThat(report.organization(login("taken")).orElseThrow().onboardedBy().map(ConnectorId::resourceId)).contains(ELSEWHERE);
    assertThat(report.eligibleOrganizations()).containsExactly(login("contoso"), login("partial"));
    assertThat(report.isReady()).isTrue();
    assertThat(report.requests()).isEqualTo(1 + 6);
  }

  @Test
  void anExplicitOwnerTheUserDoesNotBelongToIsNotOwnedAndNotReady() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.explicit("contoso", "strangers"), TENANT, ValidationReport.of(List.of()));

    assertThat(codes(report, "strangers")).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(report.isReady()).isFalse();
  }

  @Test
  void aFailureReadingOneOwnerLosesNoOtherOwner() {
    client.failing("no-app", ServiceException.builder(ServiceException.Kind.TRANSIENT, "HTTP 502").statusCode(502)
        .build());

    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of()));

    assertThat(report.organization(login("no-app")).orElseThrow().error()).hasValueSatisfying(
        e -> assertThat(e.statusCode()).isEqualTo(502));
    assertThat(report.organization(login("taken")).orElseThrow().isEligible()).as("no tenant: not checked").isTrue();
    assertThat(report.eligibleOrganizations()).contains(login("contoso"), login("partial"));
  }

  @Test
  void aPreflightTakesEitherPlatformsClientNotBoth() {
    assertThatThrownBy(() -> Preflight.builder().client(client).client(FakeAzureDevOpsClient.of(FakeEstate.grid(1, 1)))
        .tenantRegistry(registry).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("one platform");
  }

  @Test
  void discoveryIsExactOnEveryOwnerWithMoreThanAHundredRepositoriesAndSelectedInstallations() {
    GitHubInventory inventory = GitHubInventoryDiscovery.builder().client(client).checkOnboarding(TENANT, registry)
        .build().discover(OrganizationSelection.allExisting());

    GitHubOwnerInventory contoso = inventory.owner(login("contoso")).orElseThrow();
    assertThat(contoso.repositories()).hasSize(150).extracting(GitHubRepository::name)
        .containsExactly(repos(150));
    GitHubOwnerInventory partial = inventory.owner(login("partial")).orElseThrow();
    assertThat(partial.repositories()).extracting(GitHubRepository::name, GitHubRepository::archived)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api", false),
            org.assertj.core.groups.Tuple.tuple("legacy", true));
    assertThat(inventory.owner(login("no-app")).orElseThrow().repositories()).isEmpty();
    assertThat(inventory.owner(login("no-app")).orElseThrow().outcome().notOnboardableBecause())
        .extracting(Finding::code).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    GitHubOwnerInventory members = inventory.owner(login("members")).orElseThrow();
    assertThat(members.status()).isEqualTo(OrganizationStatus.SKIPPED);
    assertThat(members.outcome().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(inventory.totals().organizations()).isEqualTo(7);
    assertThat(inventory.totals().repositories()).isEqualTo(150 + 2 + 1 + 1 + 1);
    assertThat(inventory.onboardable().organizations()).isEqualTo(2);
    assertThat(inventory.onboardable().repositories()).isEqualTo(152);
    assertThat(GitHubInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting()).owners()).extracting(GitHubOwnerInventory::repositories)
        .isEqualTo(GitHubInventoryDiscovery.builder().client(client).build()
            .discover(OrganizationSelection.allExisting()).owners().stream()
            .map(GitHubOwnerInventory::repositories).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void aFailedOwnerFailsAloneInDiscovery() {
    client.failing("partial", ServiceException.builder(ServiceException.Kind.THROTTLED, "secondary rate limit")
        .statusCode(403).build());

    GitHubInventory inventory = GitHubInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory.owner(login("partial")).orElseThrow().status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(inventory.owner(login("contoso")).orElseThrow().repositories()).hasSize(150);
    assertThat(inventory.totals().throttledRequests()).isEqualTo(1);
    assertThat(inventory.isComplete()).isFalse();
  }

  @Test
  void aRunThatOutlastsItsTimeLimitEndsWithATransientError() {
    CountDownLatch never = new CountDownLatch(1);
    client.blocking(never);
    DiscoveryOptions quick = DiscoveryOptions.builder().timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> GitHubInventoryDiscovery.builder().client(client).options(quick).build()
        .discover(OrganizationSelection.allExisting()))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
          assertThat(e.getMessage()).contains("time limit");
        });
    assertThatThrownBy(() -> Preflight.builder().client(client).tenantRegistry(registry).options(quick).build()
        .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of())))
        .isInstanceOf(ServiceException.class);
  }
}
