package io.github.devopsconnector.examples.demo;

import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.examples.console.TextTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the demo's GitHub and GitLab steps share: where they print, the demo's owner in Azure, the creation of a
 * connector from a preflight, and the checks of a preflight's findings.
 */
abstract class PlatformPart {

  /**
   * The demo's owner in Azure.
   *
   * @param arm the ARM client
   * @param store the ARM connector store
   * @param code a fresh one-time authorization code
   */
  record Azure(DefenderConnectorClient arm, ArmConnectorStore store, String code) {}

  final Printer out;
  final Azure azure;

  PlatformPart(Printer out, Azure azure) {
    this.out = out;
    this.azure = azure;
  }

  /** Runs the step. */
  abstract void run();

  /**
   * Creates, in Azure, the owner's connector of the platform selecting {@code first}, with the accounts' facts the
   * preflight gathered, then edits it: {@code heldElsewhere} must be greyed out with {@code heldElsewhereCode}, and
   * {@code added} is added and saved.
   *
   * @return the connector's id
   */
  final ConnectorId createThenAdd(ConnectorBuilder platform, String name, TenantRegistry registry,
      PreflightReport preflight, OrganizationName first, OrganizationName added, OrganizationName heldElsewhere,
      FindingCode heldElsewhereCode) {
    Connector connector = platform.name(name).subscription(DemoEstate.SUBSCRIPTION)
        .resourceGroup(DemoEstate.RESOURCE_GROUP).region("Central US").tenant(DemoEstate.TENANT)
        .owner(DemoEstate.OWNER).organizations(first.value()).build();
    EditContext context = EditContext.builder().store(azure.store()).tenantRegistry(registry)
        .addAllOrganizationFacts(preflight.organizations().stream().flatMap(o -> o.facts().stream())
            .collect(Collectors.toList()))
        .build();
    VersionedConnector created = ConnectorCreation.create(connector, AuthorizationCode.of(azure.code()), context);
    EditSession draft = EditSession.open(created, DemoEstate.OWNER, context);
    ValidationReport greyedOut = draft.checkOrganization(heldElsewhere);
    VersionedConnector edited = draft.addOrganization(added).update();
    DemoFailure.expect(edited.connector().organizations().organizations().containsAll(List.of(first, added)),
        "the edit did not save both " + first + " and " + added + ": " + edited.connector().organizations());
    DemoFailure.expect(greyedOut.errors().stream().anyMatch(f -> f.code() == heldElsewhereCode),
        heldElsewhere + " is not greyed out: " + greyedOut);
    return connector.id();
  }

  /** Prints Azure's view of the platform's accounts, each with its onboarding state. */
  final <T> void printStates(String header, List<T> accounts, Function<T, String> name,
      Function<T, Optional<OnboardingState>> state) {
    TextTable states = TextTable.of(header, "ONBOARDING STATE").framed();
    accounts.forEach(a -> states.row(name.apply(a), state.apply(a).map(Object::toString).orElse("?")));
    states.print(out.stream());
  }

  /** Fails the demo unless the account has exactly these findings, in this order. */
  static void expectCodes(PreflightReport report, OrganizationName account, FindingCode... codes) {
    List<FindingCode> found = report.organization(account).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
    DemoFailure.expect(found.equals(List.of(codes)), account + " has the findings " + found + ", not "
        + List.of(codes));
  }

  /** The findings' codes, for a table cell. */
  static String codes(List<Finding> findings) {
    return findings.isEmpty() ? "-" : findings.stream().map(f -> f.code().name()).collect(Collectors.joining(", "));
  }
}
