package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.core.github.GitHubRole;
import io.github.devopsconnector.core.github.GitHubUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** A small GitHub estate in memory, for core's own tests (connector-testing has the full one). */
final class FakeGitHubClient implements GitHubClient {

  static final String APP = "microsoft-defender-for-devops";

  private final Map<OrganizationName, GitHubOwner> owners = new LinkedHashMap<>();
  private final Map<OrganizationName, GitHubInstallation> installations = new HashMap<>();
  private final Map<Long, List<GitHubRepository>> repositories = new HashMap<>();
  private final Map<OrganizationName, ServiceException> failures = new HashMap<>();
  private CountDownLatch block;
  private long nextId = 1;

  static OrganizationName login(String login) {
    return OrganizationName.parse(login);
  }

  FakeGitHubClient owner(String login, GitHubRole role) {
    owners.put(login(login), GitHubOwner.builder().login(login(login)).type(GitHubOwnerType.ORGANIZATION).role(role)
        .build());
    return this;
  }

  FakeGitHubClient owner(GitHubOwner owner) {
    owners.put(owner.login(), owner);
    return this;
  }

  /** Installs the app on the owner with these repositories (names ending in "!" are archived). */
  FakeGitHubClient app(String login, GitHubRepositorySelection selection, String... names) {
    GitHubInstallation installation = GitHubInstallation.of(nextId++, APP, login(login), selection);
    installations.put(login(login), installation);
    List<GitHubRepository> list = new ArrayList<>();
    for (String name : names) {
      boolean archived = name.endsWith("!");
      list.add(GitHubRepository.builder().id(nextId++).owner(login(login))
          .name(archived ? name.substring(0, name.length() - 1) : name).isPrivate(false).archived(archived).build());
    }
    repositories.put(installation.id(), list);
    return this;
  }

  FakeGitHubClient failing(String login, ServiceException failure) {
    failures.put(login(login), failure);
    return this;
  }

  /** Every call waits until the latch opens (or the thread is interrupted). */
  FakeGitHubClient blocking(CountDownLatch latch) {
    this.block = latch;
    return this;
  }

  private void pause() {
    HeldCalls.awaitOpen(block);
  }

  @Override
  public GitHubUser currentUser() {
    pause();
    return GitHubUser.of("octocat", 1, Optional.of("The Octocat"));
  }

  @Override
  public List<GitHubOwner> owners() {
    pause();
    return List.copyOf(owners.values());
  }

  @Override
  public Optional<GitHubInstallation> appInstallation(GitHubOwner owner) {
    pause();
    if (failures.containsKey(owner.login())) {
      throw failures.get(owner.login());
    }
    return Optional.ofNullable(installations.get(owner.login()));
  }

  @Override
  public List<GitHubRepository> repositories(GitHubInstallation installation) {
    pause();
    return repositories.get(installation.id());
  }
}
