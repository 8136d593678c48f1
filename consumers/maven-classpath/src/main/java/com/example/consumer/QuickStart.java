package com.example.consumer;

import io.github.devopsconnector.ado.AzureDevOpsClientBuilder;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.ado.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;

/**
 * The README's quick start, compiled as it is written there (between the markers; ReadmeInSyncTest compares them).
 * It talks to the real Azure DevOps with the PAT in ADO_PAT, so the build compiles it and does not run it.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
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
    AzureDevOpsClient ado = new AzureDevOpsClientBuilder()
        .personalAccessToken(System.getenv("ADO_PAT"))   // or .credential(tokenCredential) for Microsoft Entra
        .buildClient();
    PreflightReport preflight = Preflight.builder()
        .client(ado)
        .tenantRegistry(new InMemoryTenantRegistry())
        .build()
        .check(connector);
    preflight.greyedOut().forEach(org -> System.out.println(org.organization() + " is greyed out: " + org.errors()));

    // 3. What would the connector see?
    Inventory inventory = InventoryDiscovery.builder().client(ado).concurrency(16).build()
        .discover(OrganizationSelection.allExisting());
    System.out.println(inventory.totals());
    // README:end
  }
}
