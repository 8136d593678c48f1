package io.github.devopsconnector.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-owner onboarding rules of GitHub connectors (Microsoft's GitHub quickstart): the authorizing user is an
 * Owner of the organization, the Defender for Cloud GitHub app is installed with access to all repositories, and
 * the organization is neither in an Enterprise Managed Users enterprise nor in GitHub Enterprise Cloud with data
 * residency. Used by {@link OrganizationChecks}, preflight and edit sessions, so the same fact always gives the
 * same finding.
 */
public final class GitHubOwnerChecks {

  private GitHubOwnerChecks() {}

  /**
   * The findings for one owner's facts; facts that are absent are not checked.
   *
   * @return the findings in a stable order; empty when the owner can be onboarded
   */
  public static List<Finding> check(GitHubOwnerFacts facts) {
    Objects.requireNonNull(facts, "facts");
    String owner = facts.owner().value();
    String subject = Finding.organizationSubject(owner);
    List<Finding> findings = new ArrayList<>();
    if (facts.enterpriseManagedUsers().orElse(false)) {
      findings.add(Finding.of(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED, subject,
          "The GitHub organization " + owner + " belongs to an enterprise with Enterprise Managed Users, which "
              + "Defender for Cloud DevOps connectors do not support.",
          "Onboard organizations of GitHub Free, Pro, Team or Enterprise Cloud with personal accounts; leave "
              + owner + " out of the connector."));
    }
    if (facts.dataResidency().orElse(false)) {
      findings.add(Finding.of(FindingCode.GITHUB_DATA_RESIDENCY_NOT_SUPPORTED, subject,
          "The GitHub organization " + owner + " is in GitHub Enterprise Cloud with data residency (a GHE.com "
              + "host), which Defender for Cloud DevOps connectors do not support.",
          "Onboard organizations on github.com only; leave " + owner + " out of the connector."));
    }
    if (facts.organizationOwner().isPresent() && !facts.organizationOwner().get()) {
      findings.add(Finding.of(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER, subject,
          "You are not an Owner of the GitHub organization " + owner + "; onboarding it needs the Owner role.",
          "Ask an Owner of " + owner + " to make you an Owner (Organization settings > People > Change role), "
              + "or authorize with an identity that is one."));
    }
    if (facts.app().isPresent()) {
      switch (facts.app().get()) {
        case NOT_INSTALLED:
          findings.add(Finding.of(FindingCode.GITHUB_APP_NOT_INSTALLED, subject,
              "Defender for Cloud's GitHub app (Microsoft Security DevOps) is not installed on " + owner
                  + ", so the connector would see none of its repositories.",
              "Install the Microsoft Security DevOps app on " + owner + " with access to all repositories "
                  + "(the connector's authorization offers it, or https://github.com/organizations/" + owner
                  + "/settings/installations), then run the check again."));
          break;
        case SELECTED_REPOSITORIES:
          findings.add(Finding.of(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES, subject,
              "Defender for Cloud's GitHub app (Microsoft Security DevOps) can access selected repositories of "
                  + owner + " only; the others, and repositories created later, stay unprotected.",
              "Grant the app all repositories: in " + owner + "'s settings > GitHub Apps > Microsoft Security "
                  + "DevOps > Configure, choose \"All repositories\" (install the GitHub app to additional scope)."));
          break;
        case ALL_REPOSITORIES:
        default:
          break;
      }
    }
    return List.copyOf(findings);
  }

  /**
   * What is wrong with a GitHub login (user or organization name), if anything: 1 to 39 ASCII letters, digits and
   * single hyphens, neither starting nor ending with a hyphen (GitHub's sign-up rule). Every valid login is a valid
   * {@link OrganizationName}.
   */
  static java.util.Optional<String> loginProblem(String text) {
    if (text == null) {
      return java.util.Optional.of("The GitHub login is missing.");
    }
    java.util.Optional<String> whitespace = Texts.whitespaceProblem("GitHub login", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > 39) {
      return java.util.Optional.of("The GitHub login " + Texts.quote(text) + " must be 1 to 39 characters long; it has "
          + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return java.util.Optional.of("The GitHub login " + Texts.quote(text) + " may only have ASCII letters, digits "
            + "and hyphens; position " + (i + 1) + " (" + Texts.describeAt(text, i) + ") is not one.");
      }
    }
    if (text.startsWith("-") || text.endsWith("-") || text.contains("--")) {
      return java.util.Optional.of("The GitHub login " + Texts.quote(text) + " must start and end with a letter or "
          + "digit and may not have two hyphens in a row.");
    }
    return java.util.Optional.empty();
  }
}
