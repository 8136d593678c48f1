package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.github.GitHubRestClient;
import io.github.devopsconnector.github.GitHubRestClientBuilder;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.gitlab.GitLabRestClient;
import io.github.devopsconnector.gitlab.GitLabRestClientBuilder;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabEstateGroup;
import io.github.devopsconnector.testing.GitLabEstateProject;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.Estates;
import io.github.devopsconnector.testing.InMemoryAzureDevOpsClient;
import io.github.devopsconnector.testing.assertj.ConnectorAssertions;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an integrator does with each published module, with nothing but the README's dependencies. */
class PublishedModulesTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OWNER = "d6245f20-2af8-44f4-9451-8107cb2767db";

  private static Estate estateFile() throws Exception {
    try (InputStream in = PublishedModulesTest.class.getResourceAsStream("/estates/contoso.json")) {
      return EstateFiles.read(in);
    }
  }

  private static ConnectorBuilder connector() {
    return ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("centralus")
        .tenant(TENANT)
        .owner(Identity.of(OWNER, "Dana Adler"));
  }

  @Test
  void theRestClientDiscoversTheSimulator() throws Exception {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estateFile()).build().start()) {
      AzureDevOpsClient client = new AzureDevOpsRestClientBuilder()
          .endpoint(simulator.endpoint())
          .personalAccessToken(simulator.personalAccessToken())
          .buildClient();

      Inventory inventory = InventoryDiscovery.builder().client(client).build()
          .discover(OrganizationSelection.allExisting());

      assertThat(inventory.totals().organizations()).isEqualTo(2);
      assertThat(inventory.totals().repositories()).isEqualTo(3);
      assertThat(inventory.organization(OrganizationName.parse("fabrikam")).orElseThrow().projects())
          .extracting(p -> p.name()).containsExactlyInAnyOrder("web", "mobile");
      assertThat(simulator.counters().totalRequests()).isPositive();
    }
  }

  @Test
  void theGitHubClientPreflightsTheGitHubSimulator() throws Exception {
    GitHubEstate estate;
    try (InputStream in = PublishedModulesTest.class.getResourceAsStream("/estates/github.json")) {
      estate = EstateFiles.readGitHub(in);
    }
    try (GitHubSimulator simulator = GitHubSimulator.builder(estate).build().start();
        GitHubRestClient client = new GitHubRestClientBuilder().endpoint(simulator.endpoint())
            .token(simulator.token()).buildClient()) {
      PreflightReport report = Preflight.builder().client(client).tenantRegistry(estate.tenantRegistry()).build()
          .check(OrganizationSelection.allExisting(), ValidationReport.of(java.util.List.of()));

      assertThat(report.organization(OrganizationName.parse("contoso")).orElseThrow().findings())
          .extracting(f -> f.code()).containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
      assertThat(report.organization(OrganizationName.parse("fabrikam")).orElseThrow().findings())
          .extracting(f -> f.code()).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    }
  }

  @Test
  void theGitLabClientReadsTheGitLabSimulator() {
    GitLabEstate estate = GitLabEstate.builder().tenantId(io.github.devopsconnector.core.TenantId.parse(TENANT))
        .user(GitLabUser.of("jane", 7, Optional.of("Jane")))
        .addGroups(GitLabEstateGroup.builder().id(10).path(OrganizationName.parse("contoso")).name("Contoso")
            .accessLevel(GitLabAccessLevel.OWNER).plan("ultimate")
            .addProjects(GitLabEstateProject.builder().id(100).path("web").name("Web").build()).build())
        .build();
    try (GitLabSimulator simulator = GitLabSimulator.builder(estate).build().start();
        GitLabRestClient client = new GitLabRestClientBuilder().endpoint(simulator.endpoint())
            .token(simulator.token()).buildClient()) {
      GitLabGroup contoso = client.groups().get(0);

      assertThat(contoso.accessLevel()).isEqualTo(GitLabAccessLevel.OWNER);
      assertThat(contoso.plan()).contains("ultimate");
      assertThat(client.projects(contoso)).extracting(GitLabProject::fullPath).containsExactly("contoso/web");
    }
  }

  @Test
  void theArmClientCreatesAConnectorInTheArmSimulator() {
    try (ArmSimulator arm = ArmSimulator.builder().build().start()) {
      DefenderConnectorClient client = new DefenderConnectorClientBuilder()
          .endpoint(arm.endpoint())
          .credential(ArmSimulator.credential(OWNER))
          .buildClient();
      Connector connector = connector().organizations("fabrikam").build();

      ArmDevOpsConnector created = client.createConnector(CreateConnectorOptions.of(connector,
          AuthorizationCode.of("one-time-code")));

      assertThat(created.connector().name()).isEqualTo("contoso-ado");
      assertThat(arm.connectorCount()).isEqualTo(1);
      assertThat(arm.authorizingIdentity(created.connector().id())).contains(OWNER);
    }
  }

  @Test
  void anEstateFileDrivesThePreflight() throws Exception {
    Estate estate = estateFile();

    PreflightReport preflight = Preflight.builder()
        .client(InMemoryAzureDevOpsClient.of(estate))
        .tenantRegistry(Estates.tenantRegistry(estate))
        .build()
        .check(connector().allExistingAndFutureOrganizations().build());

    ConnectorAssertions.assertThat(preflight).hasEligibleOrganizations("fabrikam");
    ConnectorAssertions.assertThat(preflight).organization("contoso")
        .isGreyedOutOnlyBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
  }

  @Test
  void theAzureDevOpsClientPortCanBeMocked() {
    AzureDevOpsClient client = mock(AzureDevOpsClient.class);
    AzureDevOpsUser user = AzureDevOpsUser.of("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera",
        Optional.of("jamie@fabrikam.example"));
    when(client.signedInUser()).thenReturn(user);
    when(client.organizations(user)).thenReturn(List.of(
        AzureDevOpsOrganization.of("7d5e2c7a-1b3c-4d5e-8f90-a1b2c3d4e5f6", OrganizationName.parse("fabrikam"),
            "https://dev.azure.com/fabrikam/")));
    when(client.projects(any(), any())).thenThrow(ServiceException.builder(ServiceException.Kind.TRANSIENT,
        "The service is unavailable.").statusCode(503).build());

    Inventory inventory = InventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory.isComplete()).isFalse();
    assertThat(inventory.organizations()).singleElement()
        .satisfies(org -> assertThat(org.outcome().error()).isPresent());
    verify(client).signedInUser();
  }

  @Test
  void theFixturesMatchTheClientsAccessLevels() throws Exception {
    assertThat(estateFile().organization(OrganizationName.parse("contoso")).orElseThrow().accessLevel())
        .isEqualTo(AccessLevel.STAKEHOLDER);
  }
}
