package io.github.devopsconnector.examples.demo;

import static io.github.devopsconnector.examples.demo.DemoEstate.ADVENTURE_WORKS;
import static io.github.devopsconnector.examples.demo.DemoEstate.FABRIKAM;
import static io.github.devopsconnector.examples.demo.DemoEstate.NORTHWIND;
import static io.github.devopsconnector.examples.demo.DemoEstate.OWNER;
import static io.github.devopsconnector.examples.demo.DemoEstate.RESOURCE_GROUP;
import static io.github.devopsconnector.examples.demo.DemoEstate.SUBSCRIPTION;
import static io.github.devopsconnector.examples.demo.DemoEstate.TAILSPIN;
import static io.github.devopsconnector.examples.demo.DemoEstate.TAKER;
import static io.github.devopsconnector.examples.demo.DemoEstate.TENANT;
import static io.github.devopsconnector.examples.demo.DemoEstate.WOODGROVE;
import static io.github.devopsconnector.examples.demo.DemoFailure.expect;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.ConnectorValidationException;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.Change;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditNotAllowedException;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.OrganizationNotSelectableException;
import io.github.devopsconnector.core.edit.OwnershipConsequence;
import io.github.devopsconnector.core.edit.OwnershipDecision;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.examples.console.ProgressBar;
import io.github.devopsconnector.examples.console.TextTable;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run of the demo: the simulators, the clients built against them, and the nine steps, each a method that
 * reads as sample code. Every step checks that the library behaved as expected and throws {@link DemoFailure}
 * otherwise; {@link #run()} turns any failure into one line on {@code err} and exit code 3.
 */
final class DemoRun {

  private static final int STEPS = 9;
  private static final int LABEL = 20;

  private final Printer out;
  private final PrintStream err;
  private final DemoOptions options;
  private final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
  /** What runs now, for the error line: a step, or the setting up or stopping around them. */
  private String stage = "starting the simulators";

  private Estate estate;
  private AzureDevOpsSimulator adoSimulator;
  private ArmSimulator armSimulator;
  private AzureDevOpsClient ado;
  private WireTap ownerWire;
  private WireTap takerWire;
  private DefenderConnectorClient ownerArm;
  private ArmConnectorStore ownerStore;
  private ArmConnectorStore takerStore;

  private OrganizationFacts fabrikamFacts;
  private ValidationReport connectorReport;
  private Connector connector;
  private PreflightReport preflight;
  private EditContext ownerContext;

  DemoRun(PrintStream out, PrintStream err, DemoOptions options) {
    this.out = new Printer(out);
    this.err = err;
    this.options = options;
  }

  /** Runs every step; 0 when all behaved as expected, {@link Demo#UNEXPECTED} otherwise. */
  int run() {
    long start = System.nanoTime();
    try {
      estate = DemoEstate.estate();
      try (AzureDevOpsSimulator adoSim = AzureDevOpsSimulator.builder(estate)
              .personalAccessToken(options.personalAccessToken).build().start();
          ArmSimulator armSim = ArmSimulator.builder().options(DemoEstate.armOptions(estate)).build().start()) {
        adoSimulator = adoSim;
        armSimulator = armSim;
        stage = "connecting the clients to the simulators";
        connect();
        introduce();
        step(1, "a connector with mistakes: every finding at once", this::invalidConnector);
        step(2, "a valid connector", this::validConnector);
        step(3, "preflight: which organizations are eligible, which are greyed out, and why", this::preflight);
        step(4, "discovery: what the connector would see", this::discovery);
        step(5, "create the connector in Azure", this::create);
        step(6, "edit by the owner: review, update, and a draft left without update", this::ownerEdit);
        step(7, "a takeover by a colleague", this::takeover);
        step(8, "GitHub: install the app to additional scope, then create and edit", this::gitHub);
        step(9, "GitLab: preflight of the groups, then create and edit", this::gitLab);
        stage = "stopping the simulators";
      }
      out.blank();
      out.text(String.format(Locale.ROOT, "All %d steps ran as expected in %.1f s; both simulators are stopped. "
          + "The code of each step is in connector-examples/src/main/java/io/github/devopsconnector/examples/demo/"
          + "DemoRun.java.", STEPS, (System.nanoTime() - start) / 1e9));
      return 0;
    } catch (RuntimeException e) {
      out.stream().flush();
      err.println("demo: " + stage + " did not go as expected: " + describe(e));
      return Demo.UNEXPECTED;
    }
  }

  private void step(int number, String title, Runnable body) {
    stage = "step " + number + " (" + title + ")";
    out.step(number, title);
    body.run();
  }

  // ------------------------------------------------------------------------------------------------------ setup

  /** The real clients, pointed at the simulators. */
  private void connect() {
    ado = new AzureDevOpsRestClientBuilder()
        .endpoint(adoSimulator.endpoint())
        .personalAccessToken(options.personalAccessToken)
        .buildClient();
    ownerWire = new WireTap(new JdkHttpClientBuilder().build());
    takerWire = new WireTap(new JdkHttpClientBuilder().build());
    ownerArm = armClient(OWNER, ownerWire);
    DefenderConnectorClient takerArm = armClient(TAKER, takerWire);
    // ARM names the identity that last wrote the configuration; map it back to the people the demo knows.
    ownerStore = ArmConnectorStore.create(ownerArm, DemoEstate.tenant(),
        arm -> DemoEstate.person(arm.ownerFromSystemData()));
    takerStore = ArmConnectorStore.create(takerArm, DemoEstate.tenant(),
        arm -> DemoEstate.person(arm.ownerFromSystemData()));
    registry.claim(DemoEstate.tenant(), WOODGROVE, ConnectorId.parse(DemoEstate.OTHER_CONNECTOR_ID));
  }

  private DefenderConnectorClient armClient(Identity identity, WireTap wire) {
    return new DefenderConnectorClientBuilder()
        .endpoint(armSimulator.endpoint())
        .credential(ArmSimulator.credential(identity.id()))
        .httpClient(wire)
        .buildClient();
  }

  private void introduce() {
    out.title("DevOps Connector SDK: guided demo");
    out.text("Everything below runs on this machine: two simulators listen on 127.0.0.1, and the SDK's real HTTP "
        + "clients talk to them. Nothing is sent anywhere else, and no secret is printed (**** stands for one).");
    out.blank();
    out.field("Azure DevOps", adoSimulator.endpoint() + " is the AzureDevOpsSimulator with "
        + estate.organizations().size() + " organizations (personal access token ****)", LABEL);
    out.field("Azure (ARM)", armSimulator.endpoint() + " is the ArmSimulator (bearer tokens ****)", LABEL);
    out.field("Signed in as", person(OWNER) + " in Azure DevOps and Azure", LABEL);
    out.field("Tenant", TENANT, LABEL);
    out.field("Subscription", SUBSCRIPTION + ", resource group " + RESOURCE_GROUP, LABEL);
  }

  // ------------------------------------------------------------------------------------------------ the steps

  /** Step 1: ConnectorBuilder.validate() reports every broken rule at once, with a fix for each. */
  private void invalidConnector() {
    out.text("A connector is described with ConnectorBuilder, from text as people type it. validate() checks every "
        + "rule and never throws. What the user may do in each organization is read from Azure DevOps first.");
    OrganizationFacts stakeholder = facts(ADVENTURE_WORKS);
    fabrikamFacts = facts(FABRIKAM);
    String typo = SUBSCRIPTION.substring(0, SUBSCRIPTION.length() - 2) + "O8";
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name("ado connector demo")
        .subscription(typo)
        .resourceGroup(RESOURCE_GROUP)
        .region("West US")
        .tenant(TENANT)
        .owner(OWNER)
        .organizations(FABRIKAM.value(), ADVENTURE_WORKS.value())
        .organizationFacts(fabrikamFacts, stakeholder);
    out.blank();
    out.field("name", "\"ado connector demo\"", LABEL);
    out.field("subscription", "\"" + typo + "\" (a letter O where a zero belongs)", LABEL);
    out.field("region", "\"West US\"", LABEL);
    out.field("organizations", FABRIKAM + ", " + ADVENTURE_WORKS + " (Azure DevOps says: your access level in "
        + ADVENTURE_WORKS + " is " + stakeholder.accessLevel().map(a -> a.displayName()).orElse("?") + ")", LABEL);

    ValidationReport report = builder.validate();
    for (FindingCode code : List.of(FindingCode.CONNECTOR_NAME_INVALID, FindingCode.SUBSCRIPTION_ID_INVALID,
        FindingCode.REGION_NOT_SUPPORTED, FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT)) {
      expect(report.has(code), "validate() did not report " + code + "; it reported " + codes(report.findings()));
    }
    out.blank();
    out.text("validate() found " + report.errors().size() + " errors and " + report.warnings().size()
        + " warnings:");
    out.findings(report.findings());
    try {
      builder.build();
      throw new DemoFailure("build() accepted the connector with mistakes.");
    } catch (ConnectorValidationException refused) {
      out.blank();
      out.text("build() refuses it too: ConnectorValidationException, carrying the same "
          + refused.report().findings().size() + " findings.");
    }
  }

  /** Step 2: the same connector, right; the Azure-side permissions come from ARM. */
  private void validConnector() {
    SubscriptionId subscription = SubscriptionId.parse(SUBSCRIPTION);
    ResourceGroupName resourceGroup = ResourceGroupName.parse(RESOURCE_GROUP);
    AzurePermissions permissions = ownerArm.getPermissions(subscription, resourceGroup);
    ValidationReport azure = ownerArm.checkAzurePrerequisites(subscription, resourceGroup);
    ownerWire.drain();
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name(DemoEstate.CONNECTOR_NAME)
        .subscription(SUBSCRIPTION)
        .resourceGroup(RESOURCE_GROUP)
        .region("Central US")
        .tenant(TENANT)
        .owner(OWNER)
        .organizations(FABRIKAM.value())
        .organizationFacts(fabrikamFacts)
        .azurePermissions(permissions);
    connectorReport = builder.validate();
    expect(connectorReport.isValid() && connectorReport.findings().isEmpty(),
        "the valid connector has findings: " + codes(connectorReport.findings()));
    expect(azure.isValid(), "the Azure prerequisites failed: " + codes(azure.findings()));
    connector = builder.build();
    out.text("With the mistakes fixed, validate() finds nothing and build() returns the Connector:");
    out.blank();
    out.field("Resource id", connector.resourceId(), LABEL);
    out.field("Region", connector.region().displayName() + " (" + connector.region().name() + ")", LABEL);
    out.field("Offering", connector.offerings().stream().map(o -> o.armName()).collect(Collectors.joining(", "))
        + " (foundational CSPM, the default)", LABEL);
    out.field("Organizations", describe(connector.organizations()), LABEL);
    out.field("Owner", person(connector.owner()), LABEL);
    out.field("Azure side", "may write Microsoft.Security/securityConnectors in " + RESOURCE_GROUP
        + "; Microsoft.Security is registered (DefenderConnectorClient.checkAzurePrerequisites)", LABEL);
  }

  /** Step 3: Preflight checks every organization of the user, as the portal's organization picker would. */
  private void preflight() {
    out.text("Preflight checks each organization you belong to, as the portal's organization picker would, and "
        + "says why one would be greyed out: access level, Project Collection Administrator, the OAuth policy, the "
        + "tenant, and the tenant registry of organizations that other connectors already onboarded.");
    out.blank();
    preflight = Preflight.builder()
        .client(ado)
        .tenantRegistry(registry)
        .build()
        .check(OrganizationSelection.allExisting(), connector.tenant(), connectorReport);

    TextTable table = TextTable.of("ORGANIZATION", "PREFLIGHT", "ACCESS LEVEL", "ADMIN", "OAUTH APPS", "REASON")
        .framed();
    for (OrganizationPreflight organization : preflight.organizations()) {
      Optional<OrganizationFacts> facts = organization.facts();
      table.row(organization.organization(),
          organization.isEligible() ? "eligible" : "greyed out",
          facts.flatMap(OrganizationFacts::accessLevel).map(a -> a.displayName()).orElse("?"),
          facts.flatMap(OrganizationFacts::projectCollectionAdministrator).map(a -> a ? "yes" : "no").orElse("?"),
          facts.map(f -> capitalized(f.oauthAppAccess().name())).orElse("?"),
          organization.isEligible() ? "-" : codes(organization.errors())
              + organization.error().map(e -> "could not be checked: " + e.kind()).orElse(""));
    }
    table.print(out.stream());
    out.blank();
    out.text("Greyed out, and what to do about it:");
    for (OrganizationPreflight organization : preflight.greyedOut()) {
      out.findings(organization.errors());
    }
    out.blank();
    out.text("Eligible: " + join(preflight.eligibleOrganizations()) + ". The preflight sent " + preflight.requests()
        + " requests to Azure DevOps.");

    expect(preflight.eligibleOrganizations().containsAll(List.of(FABRIKAM, NORTHWIND)),
        "fabrikam and northwind should be eligible; eligible: " + preflight.eligibleOrganizations());
    expectGreyedOut(ADVENTURE_WORKS, FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    expectGreyedOut(TAILSPIN, FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED);
    expectGreyedOut(WOODGROVE, FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
  }

  /** Step 4: InventoryDiscovery lists every project, repository and pipeline, with a progress bar on terminals. */
  private void discovery() {
    out.text("InventoryDiscovery lists the projects, Git repositories and pipelines of every organization, in "
        + "parallel, following continuation tokens and slowing down when Azure DevOps throttles.");
    out.blank();
    out.stream().flush();
    adoSimulator.counters().reset();
    ProgressBar bar = ProgressBar.on(options.interactive ? err : null, ProgressBar.Layout.DETAILED);
    long start = System.nanoTime();
    Inventory inventory = InventoryDiscovery.builder()
        .client(ado)
        .listener(bar.listener())
        .build()
        .discover(OrganizationSelection.allExisting());
    long millis = (System.nanoTime() - start) / 1_000_000;
    DiscoveryTotals totals = inventory.totals();
    if (options.interactive) {
      bar.complete(totals);
      out.blank();
    } else {
      err.println("  discovery: " + totals.organizations() + " organizations, " + totals.projects() + " projects, "
          + totals.repositories() + " repositories, " + totals.pipelines() + " pipelines, " + totals.requests()
          + " requests in " + millis + " ms");
    }
    err.flush();

    TextTable table = TextTable.of("ORGANIZATION", "STATUS", "PROJECTS", "REPOSITORIES", "PIPELINES", "PREFLIGHT")
        .framed().alignRight(2, 3, 4);
    for (OrganizationInventory organization : inventory.organizations()) {
      table.row(organization.name(), organization.status().name().toLowerCase(Locale.ROOT),
          organization.projects().size(), organization.repositories().size(), organization.pipelines().size(),
          preflight.organization(organization.name()).map(o -> o.isEligible() ? "eligible" : "greyed out")
              .orElse("-"));
    }
    table.separator().row("total: " + totals.organizations(), "", totals.projects(), totals.repositories(),
        totals.pipelines());
    table.print(out.stream());
    out.blank();
    out.text("Requests: " + totals.requests() + " sent by the discovery, " + adoSimulator.counters().totalRequests()
        + " served by the simulator, " + totals.throttledRequests() + " throttled. Only the eligible organizations "
        + "would be onboarded; once a connector exists, Defender for Cloud shows its inventory within 8 hours.");

    expect(inventory.isComplete(), "not every organization was discovered: " + inventory.summary());
    expect(totals.organizations() == estate.organizations().size() && totals.projects() == estate.projectCount()
            && totals.repositories() == estate.repositoryCount() && totals.pipelines() == estate.pipelineCount(),
        "the discovery totals " + totals + " differ from the estate's " + estate.organizations().size() + "/"
            + estate.projectCount() + "/" + estate.repositoryCount() + "/" + estate.pipelineCount());
  }

  /** Step 5: ConnectorCreation claims the organizations and creates the connector through the ARM client. */
  private void create() {
    out.text("ConnectorCreation.create claims the connector's organizations in the tenant registry (one connector "
        + "per organization and tenant), then ArmConnectorStore creates it with DefenderConnectorClient. The one-time "
        + "authorization code from the Azure DevOps sign-in (****) is sent once, then destroyed.");
    out.blank();
    ownerContext = EditContext.builder()
        .store(ownerStore)
        .tenantRegistry(registry)
        .addAllOrganizationFacts(preflight.organizations().stream().flatMap(o -> o.facts().stream())
            .collect(Collectors.toList()))
        .build();
    AuthorizationCode code = AuthorizationCode.of(options.ownerAuthorizationCode);
    ownerWire.drain();
    VersionedConnector created = ConnectorCreation.create(connector, code, ownerContext);
    List<WireTap.Call> calls = ownerWire.drain();

    out.text("The requests, as the ARM simulator answered them ({connector} stands for /subscriptions/"
        + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP + "/providers/Microsoft.Security/securityConnectors/"
        + connector.name() + "):");
    TextTable table = TextTable.of("METHOD", "PATH", "STATUS", "NOTE").framed().alignRight(2);
    for (WireTap.Call call : calls) {
      table.row(call.method, WireTap.shorten(call.path), call.status, note(call));
    }
    table.print(out.stream());
    out.blank();

    ConnectorId id = ConnectorId.of(connector);
    ArmDevOpsConnector inAzure = ownerArm.getDevOpsConnector(id);
    DevOpsConfiguration devOps = inAzure.devOps();
    long polls = calls.stream().filter(WireTap.Call::isPoll).count();
    out.field("Resource id", inAzure.connector().id(), LABEL);
    out.field("Provisioning state", devOps.provisioningState().map(Object::toString).orElse("?"), LABEL);
    out.field("Long-running write", "polled " + polls + " times until " + calls.stream()
        .filter(WireTap.Call::isPoll).reduce((a, b) -> b).flatMap(c -> c.operationStatus).orElse("?"), LABEL);
    out.field("Organizations", String.join(", ", devOps.topLevelInventoryList()) + " (auto-discovery "
        + devOps.autoDiscovery().map(Object::toString).orElse("?") + ")", LABEL);
    out.field("Version", shortVersion(created.version()), LABEL);
    out.field("Authorization code", "**** " + (code.isDestroyed() ? "(used once, destroyed)" : "(NOT destroyed)"),
        LABEL);
    out.field("Tenant registry", registryView(), LABEL);
    out.blank();
    out.text("Azure's own view of the organizations the authorization reaches (listAvailableAzureDevOpsOrgs):");
    List<AzureDevOpsOrganizationResource> available = ownerArm.listAvailableAzureDevOpsOrgs(id);
    TextTable states = TextTable.of("ORGANIZATION", "ONBOARDING STATE").framed();
    available.forEach(o -> states.row(o.name(), o.onboardingState().map(Object::toString).orElse("?")));
    states.print(out.stream());
    ownerWire.drain();

    expect(devOps.provisioningState().filter(DevOpsProvisioningState.SUCCEEDED::equals).isPresent(),
        "the connector's provisioning state is " + devOps.provisioningState() + ", not Succeeded");
    expect(polls > 0, "the long-running write was not polled");
    expect(code.isDestroyed(), "the authorization code was not destroyed after the creation");
    expect(onboardingState(available, FABRIKAM).equals(Optional.of(OnboardingState.ONBOARDED))
            && onboardingState(available, WOODGROVE).equals(Optional.of(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR)),
        "ARM's onboarding states are unexpected: " + available);
  }

  /** Step 8: a GitHub connector, from preflight to an edit (see {@link GitHubPart}). */
  private void gitHub() {
    // A fresh code: the creator's own was exchanged in step 5, and one-time codes work once.
    new GitHubPart(out, new PlatformPart.Azure(ownerArm, ownerStore, options.ownerAuthorizationCode + "-github")).run();
    ownerWire.drain();
  }

  /** Step 9: a GitLab connector, from preflight to an edit (see {@link GitLabPart}). */
  private void gitLab() {
    new GitLabPart(out, new PlatformPart.Azure(ownerArm, ownerStore, options.ownerAuthorizationCode + "-gitlab"))
        .run();
    ownerWire.drain();
  }

  /** Step 6: the owner adds an organization and saves; a second draft is reviewed and dropped. */
  private void ownerEdit() {
    ConnectorId id = connector.id();
    VersionedConnector current = ownerStore.find(id)
        .orElseThrow(() -> new DemoFailure("the connector was not found in ARM"));
    out.text("Ada, the owner, opens an EditSession on the stored connector (version " + current.version() + "). "
        + "It is a draft: nothing is saved until update().");
    EditSession draft = EditSession.open(current, OWNER, ownerContext);
    out.blank();
    out.text("addOrganization(" + ADVENTURE_WORKS + ") is refused, because it is greyed out for her:");
    try {
      draft.addOrganization(ADVENTURE_WORKS);
      throw new DemoFailure("a greyed-out organization was added to the draft.");
    } catch (OrganizationNotSelectableException greyedOut) {
      out.findings(greyedOut.findings());
    }
    draft.addOrganization(NORTHWIND);
    ChangeSet changes = draft.review();
    out.blank();
    out.text("addOrganization(" + NORTHWIND + ") works. review() (\"Review and generate\") shows what update() "
        + "would save:");
    printChanges(changes);
    expect(changes.addedOrganizations().equals(List.of(NORTHWIND))
            && changes.ownership() == OwnershipConsequence.UNCHANGED,
        "the review is unexpected: " + changes);

    ownerWire.drain();
    VersionedConnector saved = draft.update();
    out.blank();
    out.text("update() saves it through ArmConnectorStore: " + writes(ownerWire.drain()) + ".");
    out.field("Version", shortVersion(current.version()) + " -> " + shortVersion(saved.version()), LABEL);
    out.field("Organizations", describe(saved.connector().organizations()), LABEL);
    expect(!saved.version().equals(current.version()), "the version did not change after update()");
    expect(saved.connector().organizations().includes(NORTHWIND), "northwind was not saved");

    out.blank();
    out.text("A second draft turns auto-discovery on (all existing and future organizations), is reviewed, and "
        + "then left without update():");
    EditSession abandoned = EditSession.open(saved, OWNER, ownerContext).selectAllExistingAndFuture();
    ChangeSet preview = abandoned.review();
    printChanges(preview);
    expect(preview.changes().stream().anyMatch(c -> c.field().equals("autoDiscovery")),
        "the second draft does not change auto-discovery: " + preview);
    ownerWire.drain();
    VersionedConnector reread = ownerStore.find(id)
        .orElseThrow(() -> new DemoFailure("the connector was not found in ARM"));
    List<WireTap.Call> calls = ownerWire.drain();
    out.blank();
    out.text("Read back from ARM: version " + reread.version() + ", " + describe(reread.connector().organizations())
        + ". The dropped draft saved nothing (and sent no write: " + calls.size() + " GET requests).");
    expect(reread.version().equals(saved.version()) && !reread.connector().organizations().autoDiscovery(),
        "the dropped draft changed the connector: " + reread);
    expect(calls.stream().allMatch(c -> c.method.equals("GET")), "the dropped draft sent a write to ARM");
  }

  /** Step 7: a colleague must re-authorize and confirm before she may edit; then she owns the connector for good. */
  private void takeover() {
    ConnectorId id = connector.id();
    VersionedConnector current = takerStore.find(id)
        .orElseThrow(() -> new DemoFailure("the connector was not found in ARM"));
    out.text(person(TAKER) + " wants to remove " + NORTHWIND + " from the connector " + person(current.connector()
        .owner()) + " owns. Anyone but the owner must re-authorize with their own Azure DevOps account AND confirm "
        + "the takeover, which makes them the owner.");
    EditContext takerContext = EditContext.builder().store(takerStore).tenantRegistry(registry).build();
    EditSession draft = EditSession.open(current, TAKER, takerContext).removeOrganization(NORTHWIND);

    out.blank();
    out.text("Attempt 1: update() without re-authorizing.");
    OwnershipDecision first = refused(draft);
    expect(first.has(FindingCode.REAUTHORIZATION_REQUIRED), "attempt 1 was not refused for REAUTHORIZATION_REQUIRED");

    out.blank();
    out.text("Attempt 2: reauthorize(code ****) with her own authorization, but no confirmation.");
    draft.reauthorize(AuthorizationCode.of(options.takerAuthorizationCode));
    OwnershipDecision second = refused(draft);
    expect(second.has(FindingCode.TAKEOVER_NOT_CONFIRMED) && !second.has(FindingCode.REAUTHORIZATION_REQUIRED),
        "attempt 2 was not refused for TAKEOVER_NOT_CONFIRMED alone: " + second);

    out.blank();
    out.text("Attempt 3: confirmTakeover(), then review() and update():");
    draft.confirmTakeover();
    ChangeSet changes = draft.review();
    printChanges(changes);
    expect(changes.ownership() == OwnershipConsequence.OWNERSHIP_TRANSFERRED, "the review is not a takeover");
    takerWire.drain();
    draft.update();
    String sent = writes(takerWire.drain());
    VersionedConnector after = takerStore.find(id)
        .orElseThrow(() -> new DemoFailure("the connector was not found in ARM"));
    out.blank();
    out.text("update() saved it: " + sent + ".");
    out.field("Owner", person(after.connector().owner()) + ", read back from ARM (the simulator's authorizing "
        + "identity is " + armSimulator.authorizingIdentity(id.resourceId()).orElse("?") + ")", LABEL);
    out.field("Version", shortVersion(current.version()) + " -> " + shortVersion(after.version()), LABEL);
    out.field("Organizations", describe(after.connector().organizations()), LABEL);
    out.field("Tenant registry", registryView(), LABEL);
    expect(after.connector().owner().equals(TAKER), "the owner is " + after.connector().owner() + ", not " + TAKER);

    OwnershipDecision ada = EditSession.open(after, OWNER, ownerContext).ownershipDecision();
    expect(!ada.allowed() && ada.has(FindingCode.REAUTHORIZATION_REQUIRED),
        "the previous owner may still edit without re-authorizing: " + ada);
    out.blank();
    out.text("The takeover cannot be undone: " + person(OWNER) + " is now just another non-owner, and her own "
        + "edits are refused (" + codes(ada.findings()) + ") unless she re-authorizes and confirms a takeover in "
        + "turn.");
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  /** What the signed-in user may do in one organization, read through the Azure DevOps client. */
  private OrganizationFacts facts(OrganizationName organization) {
    OAuthAppAccessStatus oauth = ado.oauthAppAccess(organization);
    Optional<TenantId> tenant = ado.organizationTenant(organization);
    return OrganizationFacts.builder()
        .organization(organization)
        .accessLevel(ado.accessLevel(organization))
        .projectCollectionAdministrator(ado.isProjectCollectionAdministrator(organization))
        .oauthAppAccess(oauth.state())
        .oauthAppAccessDetail(oauth.detail())
        .tenant(tenant)
        .tenantless(tenant.isEmpty())
        .build();
  }

  private void expectGreyedOut(OrganizationName organization, FindingCode code) {
    Optional<OrganizationPreflight> result = preflight.organization(organization);
    expect(result.isPresent() && result.get().isGreyedOut()
            && result.get().errors().stream().anyMatch(f -> f.code() == code),
        organization + " should be greyed out with " + code + "; preflight said " + result.map(Object::toString)
            .orElse("nothing"));
  }

  /** Tries to save a draft the ownership rules refuse; prints and returns the decision. */
  private OwnershipDecision refused(EditSession draft) {
    try {
      draft.update();
      throw new DemoFailure("update() saved an edit the ownership rules refuse.");
    } catch (EditNotAllowedException refused) {
      out.text("Refused (EditNotAllowedException), nothing saved. Missing:");
      out.findings(refused.findings());
      return refused.decision();
    }
  }

  private void printChanges(ChangeSet changes) {
    TextTable table = TextTable.of("CHANGE", "OLD", "", "NEW").framed();
    for (Change change : changes.changes()) {
      table.row(change.field(), change.oldValue(), "->", change.newValue());
    }
    table.print(out.stream());
    out.indented("Ownership: " + ownership(changes.ownership()));
  }

  private static String ownership(OwnershipConsequence consequence) {
    switch (consequence) {
      case UNCHANGED:
        return "UNCHANGED (the owner edits with the stored authorization)";
      case TOKEN_EXCHANGED:
        return "TOKEN_EXCHANGED (the owner re-authorized and stays the owner)";
      case OWNERSHIP_TRANSFERRED:
      default:
        return "OWNERSHIP_TRANSFERRED (the editor becomes the owner; this is irreversible)";
    }
  }

  /** The writes among the calls, with the polls of their long-running operations, in a line. */
  private static String writes(List<WireTap.Call> calls) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < calls.size(); i++) {
      WireTap.Call call = calls.get(i);
      if (call.method.equals("GET")) {
        continue;
      }
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(call.method).append(' ').append(WireTap.shorten(call.path)).append(" answered ")
          .append(call.status);
      int polls = 0;
      String last = "?";
      for (int j = i + 1; j < calls.size() && calls.get(j).isPoll(); j++) {
        polls++;
        last = calls.get(j).operationStatus.orElse("?");
      }
      if (polls > 0) {
        text.append(", its operation polled ").append(polls).append(" times until ").append(last);
      }
    }
    return text.length() == 0 ? "no write" : text.toString();
  }

  private static String note(WireTap.Call call) {
    if (call.status == 404) {
      return "not found: the name is free";
    }
    if (call.longRunning) {
      return "long-running: poll its Azure-AsyncOperation";
    }
    return call.operationStatus.map(s -> "operation " + s).orElse("");
  }

  private static Optional<OnboardingState> onboardingState(List<AzureDevOpsOrganizationResource> organizations,
      OrganizationName name) {
    return organizations.stream().filter(o -> OrganizationName.parse(o.name()).equals(name)).findFirst()
        .flatMap(AzureDevOpsOrganizationResource::onboardingState);
  }

  /** Which connector holds which organization, as the tenant registry says, by connector name. */
  private String registryView() {
    return estate.organizations().stream()
        .map(o -> Map.entry(o.name(), registry.onboardedBy(DemoEstate.tenant(), o.name())))
        .filter(e -> e.getValue().isPresent())
        .map(e -> e.getKey() + " -> " + e.getValue().get().name())
        .collect(Collectors.joining(", "));
  }

  private static String describe(OrganizationSelection selection) {
    switch (selection.kind()) {
      case ALL_EXISTING:
        return "all existing organizations (auto-discovery off)";
      case ALL_EXISTING_AND_FUTURE:
        return "all existing and future organizations (auto-discovery on)";
      case EXPLICIT:
      default:
        return join(selection.organizations()) + " (auto-discovery off)";
    }
  }

  private static String person(Identity identity) {
    return identity.toString();
  }

  private static String join(List<OrganizationName> organizations) {
    return organizations.stream().map(OrganizationName::value).collect(Collectors.joining(", "));
  }

  private static String codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code().name()).collect(Collectors.joining(", "));
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
  }

  /** An exception as one line: its type and the first line of its message (library messages hold no secret). */
  private static String describe(RuntimeException e) {
    if (e instanceof DemoFailure) {
      return e.getMessage();
    }
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
  }

  /**
   * A version as shown: ARM sends no ETag for the DevOps configuration, so the store's version is a fingerprint
   * ({@code sha256:...}); its first characters tell versions apart.
   */
  private static String shortVersion(String version) {
    return version.length() > 19 ? version.substring(0, 19) + "…" : version;
  }
}
