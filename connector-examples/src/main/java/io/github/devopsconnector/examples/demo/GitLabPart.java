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
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.VersionedConnector;
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

    EditSession draft = createThenEdit(ConnectorBuilder.gitLab(), "gitlab-connector-demo", CONTOSO,
        estate.tenantRegistry(), preflight);
    ConnectorId id = draft.base().connector().id();
    ValidationReport woodgrove = draft.checkOrganization(WOODGROVE);
    VersionedConnector edited = draft.addOrganization(FABRIKAM).update();
    List<GitLabGroupResource> available = azure.arm().listAvailableGitLabGroups(id);
    List<String> subgroups = azure.arm().listGitLabSubgroups(id, CONTOSO.value()).stream()
        .map(GitLabGroupResource::name).collect(Collectors.toList());
    out.text("ConnectorBuilder.gitLab() and ConnectorCreation create the GitLab connector in Azure with contoso-gl; "
        + "an edit session adds fabrikam-gl (woodgrove-gl stays greyed out: " + codes(woodgrove.errors())
        + "). Azure's view (listAvailableGitLabGroups; a subgroup's name joins the namespaces with $):");
    TextTable states = TextTable.of("GITLAB GROUP", "ONBOARDING STATE").framed();
    available.forEach(g -> states.row(g.name(), g.onboardingState().map(Object::toString).orElse("?")));
    states.print(out.stream());
    DemoFailure.expect(edited.connector().organizations().organizations().containsAll(List.of(CONTOSO, FABRIKAM)),
        "the edit did not save both groups: " + edited.connector().organizations());
    DemoFailure.expect(woodgrove.errors().stream()
        .anyMatch(f -> f.code() == FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE), "woodgrove-gl is not greyed out: "
        + woodgrove);
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
