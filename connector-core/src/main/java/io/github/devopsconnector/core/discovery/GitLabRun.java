package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.GitLabGroupChecks;
import io.github.devopsconnector.core.GitLabGroupFacts;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.util.Optional;

/**
 * A GitLab run: whether a GitLab connector would onboard each top-level group, and why not (the group's facts
 * judged by {@link GitLabGroupChecks}, plus the tenant registry), and every project of the group's tree. The
 * groups list gives the user's access level and the plan, so checking a group sends no request of its own.
 */
final class GitLabRun extends AccountRun<GitLabGroup, GitLabGroup, GitLabProject> {

  GitLabRun(GitLabClient client, Scope scope) {
    super(DevOpsPlatform.GITLAB, scope, client::groups, GitLabGroup::path, client::projects, Ordering.GITLAB_PROJECTS,
        FindingCode.GITLAB_NOT_GROUP_OWNER);
  }

  @Override
  Checked<GitLabGroup> check(OrganizationName path, Optional<GitLabGroup> group) {
    GitLabGroupFacts.Builder facts = GitLabGroupFacts.builder().group(path);
    // Not a member (only an explicit selection names such a group): certainly not an Owner, and nothing to read.
    facts.groupOwner(group.map(g -> g.accessLevel() == GitLabAccessLevel.OWNER).orElse(false));
    group.flatMap(GitLabGroup::plan).ifPresent(facts::plan);
    GitLabGroupFacts built = facts.build();
    ImmutableOrganizationPreflight.Builder result = OrganizationPreflight.builder().organization(path)
        .facts(OrganizationFacts.gitLab(built)).addAllFindings(GitLabGroupChecks.check(built));
    return new Checked<>(result, group, group.isEmpty());
  }
}
