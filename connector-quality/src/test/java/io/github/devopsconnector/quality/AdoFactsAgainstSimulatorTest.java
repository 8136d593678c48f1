package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateBuilder;
import io.github.devopsconnector.testing.Estates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts the REST client reads as the service gives them, against the simulator. */
class AdoFactsAgainstSimulatorTest {

  private static AzureDevOpsClient client(AzureDevOpsSimulator simulator) {
    return new AzureDevOpsRestClientBuilder().endpoint(simulator.endpoint())
        .personalAccessToken(simulator.personalAccessToken()).buildClient();
  }

  @Test
  void theAdministratorsGroupIsFoundWithTheScopeFilterInTwoRequests() {
    // 40 projects make 120 project groups: unfiltered, the collection's administrators come after 7 pages of 20.
    EstateBuilder builder = Estates.builder();
    builder.organization("fabrikam", org -> {
      for (int i = 0; i < 40; i++) {
        org.project("project-" + i);
      }
    });
    Estate estate = builder.build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
      boolean administrator = client(simulator).isProjectCollectionAdministrator(OrganizationName.parse("fabrikam"));

      assertThat(administrator).isTrue();
      assertThat(simulator.counters().requests(Route.GRAPH_DESCRIPTOR)).isEqualTo(1);
      assertThat(simulator.counters().requests(Route.GROUPS)).as("one page of the collection's groups").isEqualTo(1);
      long unfilteredPages = (7 + 3 * 40 + 1 + 19) / 20;
      assertThat(simulator.counters().requests(Route.GROUPS) + simulator.counters().requests(Route.GRAPH_DESCRIPTOR))
          .isLessThan(unfilteredPages);
    }
  }

  @Test
  void aServicePrincipalsAccessLevelComesFromItsServicePrincipalEntitlement() {
    Estate estate = Estates.builder().servicePrincipal("5f1c1e4b-2b8e-4c1a-9d3e-6a7b8c9d0e1f", "deploy-bot")
        .organization("fabrikam", org -> org.accessLevel(AccessLevel.BASIC)).build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
      AccessLevel level = client(simulator).accessLevel(OrganizationName.parse("fabrikam"));

      assertThat(level).isEqualTo(AccessLevel.BASIC);
      assertThat(simulator.counters().requests(Route.USER_ENTITLEMENT)).isEqualTo(1);
      assertThat(simulator.counters().requests(Route.SERVICE_PRINCIPAL_ENTITLEMENT)).isEqualTo(1);
    }
  }

  @Test
  void aUsersAccessLevelNeedsNoServicePrincipalRequest() {
    Estate estate = Estates.builder().organization("fabrikam", org -> org.accessLevel(AccessLevel.STAKEHOLDER))
        .build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
      assertThat(client(simulator).accessLevel(OrganizationName.parse("fabrikam"))).isEqualTo(AccessLevel.STAKEHOLDER);
      assertThat(simulator.counters().requests(Route.SERVICE_PRINCIPAL_ENTITLEMENT)).isZero();
    }
  }

  @Test
  void anOrganizationsUrlIsTheCoreHostsAndItsIdentityUrlTheAccountUri() {
    Estate estate = Estates.builder().organization("fabrikam").tokenForAllOrganizations().build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
      AzureDevOpsClient client = client(simulator);
      List<AzureDevOpsOrganization> organizations = client.organizations(client.signedInUser());

      assertThat(organizations).singleElement().satisfies(o -> {
        assertThat(o.url()).isEqualTo(simulator.endpoint() + "/fabrikam");
        assertThat(o.identityUrl()).hasValue("https://vssps.dev.azure.com/fabrikam/");
      });
    }
  }
}
