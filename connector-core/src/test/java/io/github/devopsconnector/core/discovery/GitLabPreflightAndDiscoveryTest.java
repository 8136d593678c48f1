package io.github.devopsconnector.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GitLabPreflightAndDiscoveryTest {

  private static final TenantId TENANT = TenantId.parse("8f3c2a4e-1b6d-4c8e-9a0f-2d4e6f8a0b1c");
  private static final ConnectorId ELSEWHERE_ID = ConnectorId.parse("/subscriptions/00000000-0000-0000-0000-"
      + "000000000001/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/other");

  /** A GitLab client over groups given in the test, with a failure or a block on demand. */
  static final class FakeGitLabClient implements GitLabClient {
    final Map<OrganizationName, GitLabGroup> groups = new LinkedHashMap<>();
    final Map<OrganizationName, List<GitLabProject>> projects = new LinkedHashMap<>();
    final Map<OrganizationName, ServiceException> failures = new LinkedHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    CountDownLatch block;

    FakeGitLabClient group(String path, GitLabAccessLevel level, String plan, String... fullPaths) {
      GitLabGroup.Builder group = GitLabGroup.builder().id(groups.size() + 1).path(OrganizationName.parse(path))
          .name(path.toUpperCase(java.util.Locale.ROOT)).accessLevel(level);
      if (plan != null) {
        group.plan(plan);
      }
      groups.put(OrganizationName.parse(path), group.build());
      List<GitLabProject> list = new ArrayList<>();
      for (String fullPath : fullPaths) {
        list.add(GitLabProject.builder().id(1000 + list.size()).group(OrganizationName.parse(path))
            .fullPath(path + "/" + fullPath).name(fullPath).archived(fullPath.endsWith("-old")).build());
      }
      projects.put(OrganizationName.parse(path), list);
      return this;
    }

    private void call() {
      calls.incrementAndGet();
      HeldCalls.awaitOpen(block);
    }

    @Override
    public GitLabUser currentUser() {
      call();
      return GitLabUser.of("dana", 7, java.util.Optional.empty());
    }

    @Override
    public List<GitLabGroup> groups() {
      call();
      return List.copyOf(groups.values());
    }

    @Override
    public List<GitLabProject> projects(GitLabGroup group) {
      call();
      ServiceException failure = failures.get(group.path());
      if (failure != null) {
        throw failure;
      }
      return projects.get(group.path());
    }
  }

  private static OrganizationName path(String path) {
    return OrganizationName.parse(path);
  }

  private static String[] tree(int count) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      paths.add(String.format("team-%d/sub-%d/project-%03d", i % 3, i % 2, i));
    }
    return paths.toArray(String[]::new);
  }

  private final FakeGitLabClient client = new FakeGitLabClient()
      .group("contoso", GitLabAccessLevel.OWNER, "ultimate", tree(120))
      .group("premium.team", GitLabAccessLevel.OWNER, "premium", "web")
      .group("devs", GitLabAccessLevel.DEVELOPER, null, "api", "api-old")
      .group("taken", GitLabAccessLevel.OWNER, "ultimate", "t");
  private final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();

  {
    registry.claim(TENANT, DevOpsPlatform.GITLAB, path("taken"), ELSEWHERE_ID);
    // The same name on another platform is unrelated.
    registry.claim(TENANT, DevOpsPlatform.GITHUB, path("contoso"), ELSEWHERE_ID);
  }

  private static List<FindingCode> codes(PreflightReport report, String group) {
    return report.organization(path(group)).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
  }

  @Test
  void preflightSaysWhyEachGroupIsGreyedOut() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.allExisting(), TENANT, ValidationReport.of(List.of()));

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("contoso", "devs", "premium.team", "taken");
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "devs")).containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(codes(report, "premium.team")).containsExactly(FindingCode.GITLAB_ULTIMATE_REQUIRED);
    assertThat(codes(report, "taken")).containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
    assertThat(report.organization(path("taken")).orElseThrow().findings().get(0).remediation())
        .contains("one instance of a GitLab group");
    assertThat(report.organization(path("taken")).orElseThrow().onboardedBy()).contains(ELSEWHERE_ID);
    assertThat(report.organization(path("contoso")).orElseThrow().facts()).hasValueSatisfying(
        f -> assertThat(f.platform()).isEqualTo(DevOpsPlatform.GITLAB));
    assertThat(report.eligibleOrganizations()).containsExactly(path("contoso"));
    assertThat(report.requests()).as("the groups list says everything the checks need").isEqualTo(1);
  }

  @Test
  void anExplicitGroupTheUserDoesNotBelongToIsNotOwned() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.explicit("contoso", "strangers"), TENANT, ValidationReport.of(List.of()));

    assertThat(codes(report, "strangers")).containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(report.isReady()).isFalse();
  }

  @Test
  void withoutATenantTheRegistryIsNotConsulted() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(registry).build()
        .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of()));

    assertThat(codes(report, "taken")).isEmpty();
  }

  @Test
  void discoveryListsEveryProjectOfEveryGroupTheUserBelongsTo() {
    GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(client).checkOnboarding(TENANT, registry)
        .build().discover(OrganizationSelection.allExisting());

    List<String> expected = java.util.Arrays.stream(tree(120)).map(p -> "contoso/" + p).sorted()
        .collect(Collectors.toList());
    GitLabGroupInventory contoso = inventory.group(path("contoso")).orElseThrow();
    assertThat(contoso.projects()).extracting(GitLabProject::fullPath).containsExactlyElementsOf(expected);
    assertThat(contoso.status()).isEqualTo(OrganizationStatus.DISCOVERED);
    GitLabGroupInventory devs = inventory.group(path("devs")).orElseThrow();
    assertThat(devs.status()).as("a Developer still sees the projects").isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(devs.projects()).extracting(GitLabProject::path, GitLabProject::archived)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api", false),
            org.assertj.core.groups.Tuple.tuple("api-old", true));
    assertThat(devs.outcome().notOnboardableBecause()).extracting(Finding::code)
        .containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(inventory.totals().organizations()).isEqualTo(4);
    assertThat(inventory.totals().repositories()).isEqualTo(120 + 1 + 2 + 1);
    assertThat(inventory.totals().projects()).isZero();
    assertThat(inventory.totals().requests()).isEqualTo(1 + 4);
    assertThat(inventory.onboardable().organizations()).isEqualTo(1);
    assertThat(inventory.onboardable().repositories()).isEqualTo(120);
    assertThat(inventory.isComplete()).isTrue();
  }

  @Test
  void anExplicitGroupTheUserDoesNotBelongToIsSkippedWithoutARequest() {
    GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.explicit("strangers", "devs"));

    GitLabGroupInventory strangers = inventory.group(path("strangers")).orElseThrow();
    assertThat(strangers.status()).isEqualTo(OrganizationStatus.SKIPPED);
    assertThat(strangers.outcome().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(inventory.groups()).extracting(g -> g.path().value()).containsExactly("devs", "strangers");
    assertThat(client.calls).hasValue(1 + 1);
  }

  @Test
  void aFailedGroupFailsAloneInDiscovery() {
    client.failures.put(path("devs"), ServiceException.builder(ServiceException.Kind.THROTTLED, "429")
        .statusCode(429).build());

    GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory.group(path("devs")).orElseThrow().status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(inventory.group(path("devs")).orElseThrow().outcome().error()).hasValueSatisfying(
        e -> assertThat(e.statusCode()).isEqualTo(429));
    assertThat(inventory.group(path("contoso")).orElseThrow().projects()).hasSize(120);
    assertThat(inventory.totals().throttledRequests()).isEqualTo(1);
    assertThat(inventory.isComplete()).isFalse();
  }

  @Test
  void aPreflightTakesOnePlatformsClient() {
    assertThatThrownBy(() -> Preflight.builder().client(client).client(new FakeGitHubClient())
        .tenantRegistry(registry).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one platform");
    assertThatThrownBy(() -> GitLabInventoryDiscovery.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GitLabClient");
  }

  @Test
  void aRunThatOutlastsItsTimeLimitEndsWithATransientError() {
    CountDownLatch never = new CountDownLatch(1);
    client.block = never;
    DiscoveryOptions quick = DiscoveryOptions.builder().timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> GitLabInventoryDiscovery.builder().client(client).options(quick).build()
        .discover(OrganizationSelection.allExisting()))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
          assertThat(e.getMessage()).contains("time limit");
          assertThat(e.service()).isEqualTo("GitLab");
        });
    assertThatThrownBy(() -> Preflight.builder().client(client).tenantRegistry(registry).options(quick).build()
        .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of())))
        .isInstanceOf(ServiceException.class);
  }
}
