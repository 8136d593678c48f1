package io.github.devopsconnector.gitlab;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabEstateGroup;
import io.github.devopsconnector.testing.GitLabEstateProject;
import io.github.devopsconnector.testing.GitLabEstateSubgroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GitLab estates for the client's tests. */
final class TestEstates {
  static final long USER_ID = 4242;
  private static long nextProject = 9000;

  private TestEstates() {}

  /**
   * contoso (Owner, Ultimate): a three-level tree of 125 projects, 5 of them archived; fabrikam (Maintainer,
   * Premium, plan hidden from the user); northwind (Owner, Premium); woodgrove (Developer); tailspin (no access).
   */
  static GitLabEstate standard() {
    GitLabEstateSubgroup tools = subgroup(102, "tools", projects("tool", 35, 0));
    GitLabEstateSubgroup platform = GitLabEstateSubgroup.builder().id(101).path("platform").name("Platform")
        .addAllProjects(projects("service", 40, 2)).addSubgroups(tools).build();
    GitLabEstateSubgroup mobile = subgroup(104, "mobile", projects("app", 10, 1));
    GitLabEstateSubgroup apps = GitLabEstateSubgroup.builder().id(103).path("apps").name("Apps")
        .addAllProjects(projects("web", 30, 0)).addSubgroups(mobile).build();
    GitLabEstateGroup contoso = group(100, "contoso", GitLabAccessLevel.OWNER, "ultimate")
        .addAllProjects(projects("repo", 10, 2)).addSubgroups(platform, apps).build();
    return GitLabEstate.builder().tenantId(TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47"))
        .user(GitLabUser.of("jane.doe", USER_ID, Optional.of("Jane Doe")))
        .addGroups(contoso,
            group(200, "fabrikam", GitLabAccessLevel.MAINTAINER, "premium").addAllProjects(projects("f", 2, 0))
                .build(),
            group(300, "northwind", GitLabAccessLevel.OWNER, "premium").addAllProjects(projects("n", 3, 1)).build(),
            group(400, "tailspin", GitLabAccessLevel.NO_ACCESS, "ultimate").addAllProjects(projects("t", 2, 0))
                .build(),
            group(500, "woodgrove", GitLabAccessLevel.DEVELOPER, "ultimate").build())
        .build();
  }

  /** {@link #standard()} and litware (Owner, Ultimate), which another connector of the tenant has onboarded. */
  static GitLabEstate withGroupOnboardedElsewhere() {
    return GitLabEstate.builder().from(standard())
        .addGroups(group(600, "litware", GitLabAccessLevel.OWNER, "ultimate").addAllProjects(projects("l", 1, 0))
            .build())
        .addOnboardedElsewhere(OrganizationName.parse("litware")).build();
  }

  private static GitLabEstateGroup.Builder group(long id, String path, GitLabAccessLevel level, String plan) {
    return GitLabEstateGroup.builder().id(id).path(OrganizationName.parse(path)).name(path.substring(0, 1)
        .toUpperCase() + path.substring(1)).accessLevel(level).plan(plan);
  }

  private static GitLabEstateSubgroup subgroup(long id, String path, List<GitLabEstateProject> projects) {
    return GitLabEstateSubgroup.builder().id(id).path(path).name(path).addAllProjects(projects).build();
  }

  /** {@code count} projects named {@code prefix-1...}, the first {@code archived} of them archived. */
  private static synchronized List<GitLabEstateProject> projects(String prefix, int count, int archived) {
    List<GitLabEstateProject> projects = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      projects.add(GitLabEstateProject.builder().id(nextProject++).path(prefix + "-" + i).name(prefix + " " + i)
          .archived(i <= archived).build());
    }
    return projects;
  }
}
