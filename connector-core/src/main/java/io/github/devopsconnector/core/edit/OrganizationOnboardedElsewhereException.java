package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;

/** The organization is already onboarded by another connector in the tenant. */
public final class OrganizationOnboardedElsewhereException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Finding finding;

  /** The organization and the connector that holds it. */
  public OrganizationOnboardedElsewhereException(OrganizationName organization, String holderConnectorId) {
    super("The organization " + organization + " is already onboarded by the connector " + holderConnectorId
        + " in this tenant.");
    this.finding = Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE,
        Finding.organizationSubject(organization.value()), getMessage(),
        "Remove the organization from the other connector first, or leave it out of this one.");
  }

  /** The {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding. */
  public Finding finding() {
    return finding;
  }
}
