package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.InMemoryConnectorStore;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.EditContexts;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import io.github.devopsconnector.testing.InMemoryAzureDevOpsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of connector-testing's README, "Helpers", with the estate and connector it needs around it. */
class HelpersExampleTest {

  @Test
  void theHelpersGlueFixturesAndSdk() {
    Estate estate = Estates.builder().tokenForAllOrganizations().tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .organization("fabrikam")
        .organization("contoso", org -> org.accessLevel(AccessLevel.STAKEHOLDER))
        .organization("adventureworks")
        .onboardedElsewhere("adventureworks")
        .build();
    AzureDevOpsClient ado = InMemoryAzureDevOpsClient.of(estate);
    Connector connector = ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("centralus")
        .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .owner(Identity.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Adler"))
        .allExistingAndFutureOrganizations()
        .build();

    // README:begin
    // The tenant registry of an estate: its onboardedElsewhere organizations held by another connector
    // (Estates.ELSEWHERE_CONNECTOR_ID), in the estate's tenant. A new registry each call.
    InMemoryTenantRegistry registry = Estates.tenantRegistry(estate);

    PreflightReport preflight = Preflight.builder().client(ado).tenantRegistry(registry).build().check(connector);

    // The facts an EditContext needs, from what the preflight read (organizations it could not read have none).
    List<OrganizationFacts> facts = EditContexts.factsOf(preflight);
    EditContext context = EditContexts.withFactsOf(preflight)
        .store(new InMemoryConnectorStore())
        .tenantRegistry(registry)
        .build();

    // A TokenCredential that signs requests to the ARM simulator as an identity.
    TokenCredential credential = ArmSimulator.credential("d6245f20-2af8-44f4-9451-8107cb2767db");
    // README:end

    assertThat(preflight.eligibleOrganizations()).extracting(OrganizationName::value).containsExactly("fabrikam");
    assertThat(facts).hasSize(3);
    assertThat(context.factsFor(OrganizationName.parse("contoso"))).isPresent();
    assertThat(credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"))
        .getToken()).isEqualTo(ArmSimulator.bearerToken("d6245f20-2af8-44f4-9451-8107cb2767db"));
  }
}
