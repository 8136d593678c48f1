package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationChecks;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules that grey an organization out, shared by edit sessions and creation. */
final class Onboarding {

  /** Organizations by name, ignoring case: the stable order of change lists. */
  static final Comparator<OrganizationName> BY_NAME =
      Comparator.comparing((OrganizationName o) -> o.value().toLowerCase(Locale.ROOT)).thenComparing(OrganizationName::value);

  private Onboarding() {}

  /**
   * Whether the actor may add the organization to the connector: their permission facts must pass
   * {@link OrganizationChecks} (errors block, warnings inform), and no other connector of the tenant may hold it.
   *
   * @throws IllegalArgumentException if the context has no facts about the organization
   */
  static ValidationReport check(Connector connector, OrganizationName organization, EditContext context) {
    OrganizationFacts facts = context.factsFor(organization).orElseThrow(() -> new IllegalArgumentException(
        "The edit context has no facts about the organization " + organization + ", so it cannot tell whether it "
            + "may be onboarded. Run preflight for it with the acting user's authorization and add its "
            + "OrganizationFacts to the EditContext."));
    List<Finding> findings = new ArrayList<>(OrganizationChecks.check(facts, Optional.of(connector.tenant())));
    heldElsewhere(connector, organization, context.tenantRegistry()).ifPresent(findings::add);
    return ValidationReport.of(findings);
  }

  /**
   * The {@code ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} (GitHub: {@code GITHUB_OWNER_ONBOARDED_ELSEWHERE}, GitLab:
   * {@code GITLAB_GROUP_ONBOARDED_ELSEWHERE}) finding, when another connector of the tenant holds it.
   */
  static Optional<Finding> heldElsewhere(Connector connector, OrganizationName organization, TenantRegistry registry) {
    return registry.onboardedBy(connector.tenant(), connector.platform(), organization)
        .filter(holder -> !holder.equals(connector.id()))
        .map(holder -> OrganizationOnboardedElsewhereException.finding(connector.platform(), organization,
            Optional.of(holder)));
  }

  /**
   * The organizations of the context's facts, other than those excluded, that an all-existing selection brings in:
   * those that pass {@link #check}. Each maps to its warnings.
   */
  static Map<OrganizationName, List<Finding>> eligible(Connector connector, EditContext context,
      Set<OrganizationName> exclude) {
    Map<OrganizationName, List<Finding>> eligible = new LinkedHashMap<>();
    List<OrganizationName> candidates = context.organizationFacts().stream().map(OrganizationFacts::organization)
        .filter(o -> !exclude.contains(o)).sorted(BY_NAME).collect(Collectors.toList());
    for (OrganizationName organization : candidates) {
      ValidationReport report = check(connector, organization, context);
      if (report.isValid()) {
        eligible.put(organization, report.warnings());
      }
    }
    return eligible;
  }

  /** The organizations a new connector onboards: its explicit list, or what an all-existing selection brings in. */
  static List<OrganizationName> ofNewConnector(Connector connector, EditContext context) {
    OrganizationSelection selection = connector.organizations();
    if (selection.kind() == OrganizationSelection.Kind.EXPLICIT) {
      return selection.organizations();
    }
    return List.copyOf(eligible(connector, context, Set.of()).keySet());
  }

  static List<OrganizationName> sorted(Collection<OrganizationName> organizations) {
    return organizations.stream().sorted(BY_NAME).collect(Collectors.toUnmodifiableList());
  }
}
