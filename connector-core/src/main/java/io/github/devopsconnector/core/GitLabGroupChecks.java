package io.github.devopsconnector.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The per-group onboarding rules of GitLab connectors (Microsoft's GitLab quickstart): the authorizing user is an
 * Owner of the top-level group, and the group has a GitLab Ultimate license. Used by {@link OrganizationChecks},
 * preflight and edit sessions, so the same fact always gives the same finding.
 */
public final class GitLabGroupChecks {

  /**
   * The GitLab.com plans that are GitLab Ultimate: {@code ultimate}; {@code ultimate_trial} (a trial of it);
   * {@code gold}, its name before January 2021 (about.gitlab.com/blog/2021/01/26/new-gitlab-product-subscription-model);
   * {@code opensource}, the plan of the GitLab for Open Source program, which grants Ultimate. The plan names are
   * those of the namespaces API's {@code plan} (docs.gitlab.com/api/namespaces).
   */
  public static final Set<String> ULTIMATE_PLANS = Set.of("ultimate", "ultimate_trial", "gold", "opensource");

  /**
   * The GitLab.com plans known not to be Ultimate: {@code free}, {@code default} (no subscription, as the
   * namespaces API shows it), {@code premium}, {@code premium_trial}, and the former {@code bronze} and
   * {@code silver}. A plan in neither set is not checked.
   */
  public static final Set<String> OTHER_PLANS =
      Set.of("free", "default", "premium", "premium_trial", "bronze", "silver");

  private GitLabGroupChecks() {}

  /**
   * The findings for one group's facts; facts that are absent, and plans this library does not know, are not
   * checked.
   *
   * @return the findings in a stable order; empty when the group can be onboarded
   */
  public static List<Finding> check(GitLabGroupFacts facts) {
    Objects.requireNonNull(facts, "facts");
    String group = facts.group().value();
    String subject = Finding.organizationSubject(group);
    List<Finding> findings = new ArrayList<>();
    if (facts.groupOwner().isPresent() && !facts.groupOwner().get()) {
      findings.add(Finding.of(FindingCode.GITLAB_NOT_GROUP_OWNER, subject,
          "You are not an Owner of the GitLab group " + group + "; onboarding it needs the Owner role "
              + "(access level 50).",
          "Ask an Owner of " + group + " to make you an Owner (the group's Manage > Members), or authorize with an "
              + "identity that is one."));
    }
    if (facts.plan().map(GitLabGroupChecks::isKnownOtherPlan).orElse(false)) {
      findings.add(Finding.of(FindingCode.GITLAB_ULTIMATE_REQUIRED, subject,
          "The GitLab group " + group + " is on the " + Texts.quote(facts.plan().get()) + " plan; Defender for Cloud "
              + "onboards GitLab groups with a GitLab Ultimate license only.",
          "Upgrade " + group + " to GitLab Ultimate (the group's Settings > Billing), or leave it out of the "
              + "connector."));
    }
    return List.copyOf(findings);
  }

  /** Whether the plan is one of {@link #ULTIMATE_PLANS}, ignoring case; empty for a plan this library does not know. */
  public static Optional<Boolean> isUltimate(String plan) {
    if (plan == null) {
      return Optional.empty();
    }
    String known = plan.toLowerCase(Locale.ROOT);
    if (ULTIMATE_PLANS.contains(known)) {
      return Optional.of(true);
    }
    return OTHER_PLANS.contains(known) ? Optional.of(false) : Optional.empty();
  }

  private static boolean isKnownOtherPlan(String plan) {
    return !isUltimate(plan).orElse(true);
  }

  /**
   * What is wrong with a GitLab group path, if anything: 1 to 255 ASCII letters, digits, {@code _}, {@code -} and
   * {@code .}, not starting with {@code -} and not ending in {@code .git} or {@code .atom} (GitLab's rule for
   * namespace paths, docs.gitlab.com/user/reserved_names). Every valid path is a valid {@link OrganizationName}.
   */
  static Optional<String> pathProblem(String text) {
    if (text == null) {
      return Optional.of("The GitLab group path is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem("GitLab group path", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > 255) {
      return Optional.of("The GitLab group path " + Texts.quote(text) + " must be 1 to 255 characters long; it has "
          + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      if (!OrganizationName.isNameCharacter(text.charAt(i))) {
        return Optional.of("The GitLab group path " + Texts.quote(text) + " may only have ASCII letters, digits, "
            + "'_', '-' and '.'; position " + (i + 1) + " (" + Texts.describeAt(text, i) + ") is not one.");
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.startsWith("-") || lower.endsWith(".git") || lower.endsWith(".atom")) {
      return Optional.of("The GitLab group path " + Texts.quote(text) + " must not start with '-' or end in '.git' "
          + "or '.atom'.");
    }
    return Optional.empty();
  }
}
