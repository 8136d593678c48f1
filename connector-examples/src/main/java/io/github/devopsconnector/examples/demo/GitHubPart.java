package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.arm.models.GitHubOwnerResource;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubInventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.examples.console.TextTable;
import io.github.devopsconnector.github.GitHubRestClient;
import io.github.devopsconnector.github.GitHubRestClientBuilder;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import java.util.List;

/**
 * The demo's GitHub step: preflight of the user's GitHub owners, "install the GitHub app to additional scope" (the
 * Defender app granted all repositories), discovery before and after, then a GitHub connector created in Azure and
 * edited. Runs its own GitHub simulator; the ARM simulator is the demo's.
 */
final class GitHubPart extends PlatformPart {

  static final OrganizationName CONTOSO = OrganizationName.parse("contoso-gh");
  static final OrganizationName FABRIKAM = OrganizationName.parse("fabrikam-gh");
  static final OrganizationName LITWARE = OrganizationName.parse("litware-gh");
  static final OrganizationName WOODGROVE = OrganizationName.parse("woodgrove-gh");
  private static final int LABEL = 20;

  GitHubPart(Printer out, Azure azure) {
    super(out, azure);
  }

  @Override
  void run() {
    out.text("GitHub connectors follow the same rules on the Azure side, and GitHub's own: an Owner of each "
        + "organization, Defender for Cloud's GitHub app installed with access to all repositories, no Enterprise "
        + "Managed Users or data residency, one connector per organization and tenant. A GitHub simulator serves "
        + "the user's owners to the SDK's GitHubRestClient.");
    out.blank();
    PreflightReport before;
    int reposBefore;
    try (Session session = new Session(DemoEstate.gitHubEstate(false))) {
      before = session.preflight();
      reposBefore = session.discover().owner(CONTOSO).orElseThrow().repositories().size();
    }
    table(before);
    expectCodes(before, CONTOSO, FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    expectCodes(before, LITWARE, FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    expectCodes(before, WOODGROVE, FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    out.blank();
    out.text("contoso-gh is eligible, with a warning: the app sees " + reposBefore + " of its repositories. "
        + "Installing the GitHub app to additional scope (Settings > GitHub Apps > Microsoft Security DevOps > "
        + "Configure > All repositories) fixes that; the check after it:");
    PreflightReport after;
    int reposAfter;
    try (Session session = new Session(DemoEstate.gitHubEstate(true))) {
      after = session.preflight();
      reposAfter = session.discover().owner(CONTOSO).orElseThrow().repositories().size();
    }
    expectCodes(after, CONTOSO);
    DemoFailure.expect(reposAfter > reposBefore, "the app does not see more repositories after the install: "
        + reposBefore + " then " + reposAfter);
    out.field("contoso-gh", "no finding; the app now sees " + reposAfter + " repositories (" + reposBefore
        + " before)", LABEL);
    out.blank();

    GitHubEstate estate = DemoEstate.gitHubEstate(true);
    ConnectorId id = createThenAdd(ConnectorBuilder.gitHub(), "gh-connector-demo", estate.tenantRegistry(), after,
        CONTOSO, FABRIKAM, WOODGROVE, FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    out.text("ConnectorBuilder.gitHub() (a name of at most 20 characters) and ConnectorCreation create the GitHub "
        + "connector in Azure with contoso-gh; an edit session adds fabrikam-gh (woodgrove-gh stays greyed out: "
        + FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE + "). Azure's view (listAvailableGitHubOwners):");
    printStates("GITHUB OWNER", azure.arm().listAvailableGitHubOwners(id), GitHubOwnerResource::name,
        GitHubOwnerResource::onboardingState);
  }

  private void table(PreflightReport report) {
    TextTable table = TextTable.of("GITHUB OWNER", "PREFLIGHT", "FINDINGS").framed();
    for (OrganizationPreflight owner : report.organizations()) {
      table.row(owner.organization().value(), owner.isEligible() ? "eligible" : "greyed out",
          codes(owner.findings()));
    }
    table.print(out.stream());
  }

  /** A GitHub simulator of the estate, and the REST client pointed at it. */
  private static final class Session implements AutoCloseable {
    private final GitHubEstate estate;
    private final GitHubSimulator simulator;
    private final GitHubRestClient client;

    Session(GitHubEstate estate) {
      this.estate = estate;
      this.simulator = GitHubSimulator.builder(estate).build().start();
      this.client = new GitHubRestClientBuilder().endpoint(simulator.endpoint()).token(simulator.token())
          .buildClient();
    }

    PreflightReport preflight() {
      return Preflight.builder().client(client).tenantRegistry(estate.tenantRegistry()).build()
          .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
    }

    GitHubInventory discover() {
      return GitHubInventoryDiscovery.builder().client(client).build().discover(OrganizationSelection.allExisting());
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        simulator.close();
      }
    }
  }
}
