package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ValidationReport;
import java.util.List;

/**
 * An organization is greyed out: it cannot be added to the connector, because the actor lacks permissions on it
 * (for example {@link io.github.devopsconnector.core.FindingCode#ADO_ACCESS_LEVEL_INSUFFICIENT}) or another
 * connector in the tenant has onboarded it
 * ({@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}). The report says why
 * for each refused organization. The draft was left as it was.
 */
public final class OrganizationNotSelectableException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient List<OrganizationName> organizations;
  private final transient ValidationReport report;

  OrganizationNotSelectableException(List<OrganizationName> organizations, ValidationReport report) {
    super(message(organizations, report), null, report.errors(), null);
    this.organizations = List.copyOf(organizations);
    this.report = report;
  }

  /** The organizations that cannot be added. */
  public List<OrganizationName> organizations() {
    return organizations;
  }

  /** Why: every finding about the refused organizations, errors and warnings. */
  public ValidationReport report() {
    return report;
  }


  private static String message(List<OrganizationName> organizations, ValidationReport report) {
    StringBuilder text = new StringBuilder(organizations.size() == 1
        ? "The organization " + organizations.get(0) + " cannot be added:"
        : "The organizations " + organizations + " cannot be added:");
    report.errors().forEach(f -> text.append("\n- ").append(f));
    return text.toString();
  }
}
