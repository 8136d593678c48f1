package io.github.devopsconnector.core.gitlab;

import io.github.devopsconnector.core.ServiceException;
import java.util.List;

/**
 * What the library needs from GitLab (REST API v4), as the signed-in user sees it. A Defender for Cloud GitLab
 * connector onboards top-level groups; "all existing groups" autodiscovers every subgroup and project of the groups
 * the user owns. Listing methods read every page themselves. Implementations must be thread-safe.
 *
 * <p>Every method fails with {@link ServiceException}, whose {@link ServiceException#kind()} tells not-found,
 * not-authorized, throttled, transient and protocol failures apart.
 */
public interface GitLabClient {

  /** The signed-in user ({@code GET /user}). */
  GitLabUser currentUser();

  /**
   * Every top-level group the user is a member of, whatever the access level, with the user's access level
   * (inherited or direct) and, where GitLab shows it (to the group's Owners), the plan.
   */
  List<GitLabGroup> groups();

  /** Every project of the group's whole tree, subgroups at any depth included, archived ones included. */
  List<GitLabProject> projects(GitLabGroup group);
}
