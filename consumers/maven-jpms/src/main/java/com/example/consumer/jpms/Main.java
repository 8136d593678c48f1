package com.example.consumer.jpms;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.github.GitHubRestClient;
import io.github.devopsconnector.github.GitHubRestClientBuilder;
import io.github.devopsconnector.gitlab.GitLabRestClient;
import io.github.devopsconnector.gitlab.GitLabRestClientBuilder;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Discovers what an Azure DevOps connector would see, and checks the Azure prerequisites of a resource group.
 * Arguments: the Azure DevOps base URL, the Resource Manager endpoint, and the ARM bearer token to use; the PAT
 * comes from ADO_PAT.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: Main <azure-devops-url> <arm-endpoint> <arm-token>");
      System.exit(2);
    }
    AzureDevOpsClient ado = new AzureDevOpsRestClientBuilder()
        .endpoint(args[0])
        .personalAccessToken(System.getenv("ADO_PAT"))
        .buildClient();
    Inventory inventory = InventoryDiscovery.builder().client(ado).build()
        .discover(OrganizationSelection.allExisting());
    System.out.println("organizations=" + inventory.totals().organizations() + " repositories="
        + inventory.totals().repositories() + " complete=" + inventory.isComplete());

    String token = args[2];
    TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    DefenderConnectorClient arm = new DefenderConnectorClientBuilder()
        .endpoint(args[1])
        .credential(credential)
        .buildClient();
    ValidationReport prerequisites = arm.checkAzurePrerequisites(
        SubscriptionId.parse("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3"), ResourceGroupName.parse("security-rg"));
    System.out.println("azure-prerequisites-valid=" + prerequisites.isValid());

    // The GitHub client resolves on the module path too (built only: the run has no GitHub simulator).
    try (GitHubRestClient gitHub = new GitHubRestClientBuilder().endpoint(args[0]).token("not-sent")
        .buildClient()) {
      System.out.println("github-client=" + gitHub.getServiceVersion().getVersion());
    }
    // And so does the GitLab client (built only).
    try (GitLabRestClient gitLab = new GitLabRestClientBuilder().endpoint(args[0]).token("not-sent")
        .buildClient()) {
      System.out.println("gitlab-client=" + gitLab.getServiceVersion().getVersion());
    }
  }
}
