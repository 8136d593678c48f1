package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitLabInventory;
import io.github.devopsconnector.core.discovery.GitLabInventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.examples.console.TextTable;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.InMemoryGitLabClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's GitLab step: preflight of the user's GitLab top-level groups, then a GitLab connector created in Azure
 * (the ARM simulator, which serves the same groups with their subgroups and projects) and edited. The groups come
 * from an in-memory GitLab client over the demo's GitLab estate.
 */
final class GitLabPart extends PlatformPart {

  static final OrganizationName CONTOSO = OrganizationName.parse("contoso-gl");
  static final OrganizationName FABRIKAM = OrganizationName.parse("fabrikam-gl");
  static final OrganizationName LITWARE = OrganizationName.parse("litware-gl");
  static final OrganizationName TAILSPIN = OrganizationName.parse("tailspin-gl");
  static final OrganizationName WOODGROVE = OrganizationName.parse("woodgrove-gl");

  GitLabPart(Printer out, Azure azure) {
    super(out, azure);
  }

  @Override
  void run() {
    out.text("GitLab connectors onboard top-level groups: the user must be an Owner of each, the group needs a GitLab "
        + "Ultimate license, and one connector per group and tenant. Every subgroup and project below a group comes "
        + "with it.");
    out.blank();
    GitLabEstate estate = DemoEstate.gitLabEstate();
    InMemoryGitLabClient gitLab = InMemoryGitLabClient.of(estate);
    PreflightReport preflight = Preflight.builder().client(gitLab).tenantRegistry(estate.tenantRegistry()).build()
        .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
    GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(gitLab).build()
        .discover(OrganizationSelection.allExisting());
    table(preflight, inventory);
    expectCodes(preflight, CONTOSO);
    expectCodes(preflight, FABRIKAM);
    expectCodes(preflight, LITWARE, FindingCode.GITLAB_NOT_GROUP_OWNER);
    expectCodes(preflight, TAILSPIN, FindingCode.GITLAB_ULTIMATE_REQUIRED);
    expectCodes(preflight, WOODGROVE, FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
    out.blank();

    ConnectorId id = createThenAdd(ConnectorBuilder.gitLab(), "gitlab-connector-demo", estate.tenantRegistry(),
        preflight, CONTOSO, FABRIKAM, WOODGROVE, FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
    out.text("ConnectorBuilder.gitLab() and ConnectorCreation create the GitLab connector in Azure with contoso-gl; "
        + "an edit session adds fabrikam-gl (woodgrove-gl stays greyed out: "
        + FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE + "). Azure's view (listAvailableGitLabGroups; a subgroup's "
        + "name joins the namespaces with $):");
    printStates("GITLAB GROUP", azure.arm().listAvailableGitLabGroups(id), GitLabGroupResource::name,
        GitLabGroupResource::onboardingState);
    List<String> subgroups = azure.arm().listGitLabSubgroups(id, CONTOSO.value()).stream()
        .map(GitLabGroupResource::name).collect(Collectors.toList());
    DemoFailure.expect(!subgroups.isEmpty() && subgroups.stream().allMatch(s -> s.startsWith(CONTOSO.value() + "$")),
        "Azure lists no subgroup of contoso-gl: " + subgroups);
  }

  private void table(PreflightReport report, GitLabInventory inventory) {
    TextTable table = TextTable.of("GITLAB GROUP", "PREFLIGHT", "PROJECTS", "FINDINGS").framed();
    for (OrganizationPreflight group : report.organizations()) {
      table.row(group.organization().value(), group.isEligible() ? "eligible" : "greyed out",
          inventory.group(group.organization()).map(g -> Integer.toString(g.projects().size())).orElse("-"),
          codes(group.findings()));
    }
    table.print(out.stream());
  }
}
