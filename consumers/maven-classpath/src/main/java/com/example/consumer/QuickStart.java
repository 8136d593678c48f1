package com.example.consumer;

import com.azure.core.credential.TokenCredential;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.ArmTenantRegistry;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.List;

/**
 * The README's quick start, compiled as it is written there (between the markers; ReadmeInSyncTest compares them).
 * It talks to the real Azure DevOps with the PAT in ADO_PAT and to Azure Resource Manager with the caller's
 * credential, so the build compiles it and does not run it.
 */
public final class QuickStart {

  private QuickStart() {}

  /** Runs the quick start with this Azure credential (for example azure-identity's DefaultAzureCredential). */
  public static void run(TokenCredential azureCredential) {
    // README:begin
    // 1. Model the connector: validate() reports every broken rule at once; build() throws if any blocks.
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("Central US")                       // "centralus" and "CentralUS" work too
        .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .owner(Identity.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Adler"))
        .allExistingAndFutureOrganizations();
    ValidationReport report = builder.validate();
    report.findings().forEach(f -> System.out.println(f.code() + ": " + f.message() + " " + f.remediation()));
    Connector connector = builder.build();

    // 2. Why would an organization be greyed out?
    AzureDevOpsClient ado = new AzureDevOpsRestClientBuilder()
        .personalAccessToken(System.getenv("ADO_PAT"))   // or .credential(tokenCredential) for Microsoft Entra
        .buildClient();
    DefenderConnectorClient arm = new DefenderConnectorClientBuilder()   // connector-arm-client
        .credential(azureCredential)   // a TokenCredential, such as azure-identity's DefaultAzureCredential
        .buildClient();
    // Which organizations other connectors of the tenant hold, as Azure Resource Manager knows it.
    TenantRegistry registry = ArmTenantRegistry.create(arm, connector.tenant(), List.of(connector.subscription()));
    PreflightReport preflight = Preflight.builder()
        .client(ado)
        .tenantRegistry(registry)
        .build()
        .check(connector);
    preflight.greyedOut().forEach(org -> System.out.println(org.organization() + " is greyed out: " + org.errors()));

    // 3. What would the connector see? Only organizations where you are a Project Collection Administrator and
    //    nothing greys them out: each outcome says onboardable() or notOnboardableBecause() (the preflight codes).
    Inventory inventory = InventoryDiscovery.builder().client(ado).concurrency(16)
        .checkOnboarding(connector.tenant(), registry)
        .build()
        .discover(OrganizationSelection.allExisting());
    System.out.println(inventory.onboardable().orElseThrow());   // inventory.totals() counts everything discovered
    // README:end
  }
}
