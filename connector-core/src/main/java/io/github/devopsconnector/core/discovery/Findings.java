package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;

/** The per-organization findings that discovery and preflight make themselves. */
final class Findings {

  private Findings() {}

  /** The organization answered 401, 403 or 404. */
  static Finding notAccessible(OrganizationName organization, DiscoveryError error) {
    String org = organization.value();
    StringBuilder answer = new StringBuilder();
    if (error.statusCode() != 0) {
      answer.append("HTTP ").append(error.statusCode());
    }
    error.serviceErrorCode().ifPresent(code -> answer.append(answer.length() == 0 ? "" : " ").append(code));
    String how = answer.length() == 0 ? "" : " (" + answer + ")";
    String message = error.kind() == io.github.devopsconnector.core.ServiceException.Kind.NOT_FOUND
        ? "The organization " + org + " was not found" + how + " by the signed-in user."
        : "The organization " + org + " refused the signed-in user" + how + ".";
    return Finding.of(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE, Finding.organizationSubject(org), message,
        "Check that the organization name is right and that the signed-in user is a member of " + org
            + " (Organization settings > Users); if its policies block this way of signing in, ask an administrator"
            + " to allow it, or sign in with another identity. Then run the check again.");
  }
}
