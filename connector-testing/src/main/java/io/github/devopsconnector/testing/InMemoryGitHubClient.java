package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.GitHubAppAccess;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link GitHubClient} over a {@link GitHubEstate}, in memory: what {@code connector-github-client} would read
 * from GitHub for the estate's user, without HTTP. It answers as GitHub does where the estate says so: owners the
 * user is not a member of are not listed (nor the user's own account without the app), the plan shows to Owners
 * only, and reading an organization's app
 * installations as a mere member is refused (403). Thread-safe.
 *
 * <pre>{@code
 * GitHubEstate estate = EstateFiles.readGitHub(Path.of("src/test/resources/github-estate.json"));
 * PreflightReport report = Preflight.builder().client(InMemoryGitHubClient.of(estate))
 *     .tenantRegistry(estate.tenantRegistry()).build()
 *     .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
 * }</pre>
 */
public final class InMemoryGitHubClient implements GitHubClient {

  /** The first installation id; an owner's installation id is this plus the owner's position. */
  static final long FIRST_INSTALLATION_ID = 40_000_001L;

  private final GitHubEstate estate;
  private final String appSlug;
  private final Map<OrganizationName, ServiceException> failures = new ConcurrentHashMap<>();

  private InMemoryGitHubClient(GitHubEstate estate, String appSlug) {
    this.estate = estate;
    this.appSlug = appSlug;
  }

  /**
   * A client over the estate, for the app {@link GitHubClient#DEFAULT_APP_SLUG}.
   *
   * @param estate the estate
   * @return the client
   */
  public static InMemoryGitHubClient of(GitHubEstate estate) {
    return new InMemoryGitHubClient(Objects.requireNonNull(estate, "estate"), DEFAULT_APP_SLUG);
  }

  /**
   * Fails every call about this owner with the exception, until {@link #clearFailures()}.
   *
   * @param owner the owner's login
   * @param failure what to throw
   */
  public void failOwner(OrganizationName owner, ServiceException failure) {
    failures.put(Objects.requireNonNull(owner, "owner"), Objects.requireNonNull(failure, "failure"));
  }

  /** Forgets every failure of {@link #failOwner}. */
  public void clearFailures() {
    failures.clear();
  }

  /** The estate served. */
  public GitHubEstate estate() {
    return estate;
  }

  @Override
  public GitHubUser currentUser() {
    return estate.user();
  }

  @Override
  public List<GitHubOwner> owners() {
    // The user's own account counts only with the app on it, as the REST client finds it (GET /user/installations).
    return estate.owners().stream().filter(o -> o.role().isPresent())
        .filter(o -> o.type() != GitHubOwnerType.USER || o.app() != GitHubAppAccess.NOT_INSTALLED)
        .map(InMemoryGitHubClient::owner).collect(Collectors.toUnmodifiableList());
  }

  static GitHubOwner owner(GitHubEstateOwner owner) {
    GitHubRole role = owner.role().orElseThrow();
    return GitHubOwner.builder().login(owner.login()).type(owner.type()).role(role)
        .plan(role == GitHubRole.ADMIN ? Optional.of(owner.plan()) : Optional.empty())
        .enterpriseManagedUsers(owner.enterpriseManagedUsers()).dataResidency(owner.dataResidency()).build();
  }

  @Override
  public Optional<GitHubInstallation> appInstallation(GitHubOwner owner) {
    Objects.requireNonNull(owner, "owner");
    ServiceException failure = failures.get(owner.login());
    if (failure != null) {
      throw failure;
    }
    GitHubEstateOwner found = estate.owner(owner.login()).filter(o -> o.role().isPresent())
        .orElseThrow(() -> ServiceException.builder(ServiceException.Kind.NOT_FOUND, "The owner " + owner.login()
            + " was not found.").service("GitHub").statusCode(404).build());
    if (found.type() == GitHubOwnerType.ORGANIZATION && found.role().get() != GitHubRole.ADMIN) {
      throw ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED, "Listing the app installations of "
          + owner.login() + " needs its Owner role.").service("GitHub").statusCode(403)
          .remediation("Ask an Owner of " + owner.login() + " to run the check, or to make you an Owner.").build();
    }
    return installation(estate, found, appSlug);
  }

  static Optional<GitHubInstallation> installation(GitHubEstate estate, GitHubEstateOwner owner, String appSlug) {
    if (owner.app() == GitHubAppAccess.NOT_INSTALLED) {
      return Optional.empty();
    }
    return Optional.of(GitHubInstallation.of(FIRST_INSTALLATION_ID + estate.owners().indexOf(owner), appSlug,
        owner.login(), owner.app() == GitHubAppAccess.ALL_REPOSITORIES ? GitHubRepositorySelection.ALL
            : GitHubRepositorySelection.SELECTED));
  }

  @Override
  public List<GitHubRepository> repositories(GitHubInstallation installation) {
    Objects.requireNonNull(installation, "installation");
    ServiceException failure = failures.get(installation.account());
    if (failure != null) {
      throw failure;
    }
    GitHubEstateOwner owner = estate.owner(installation.account()).orElseThrow(() -> ServiceException.builder(
        ServiceException.Kind.NOT_FOUND, "No installation " + installation.id() + ".").service("GitHub").statusCode(404)
        .build());
    return owner.appRepositories().stream().map(r -> repository(owner, r)).collect(Collectors.toUnmodifiableList());
  }

  static GitHubRepository repository(GitHubEstateOwner owner, GitHubEstateRepository repository) {
    return GitHubRepository.builder().id(repository.id()).owner(owner.login()).name(repository.name())
        .isPrivate(repository.isPrivate()).archived(repository.archived()).build();
  }

  @Override
  public String toString() {
    return "InMemoryGitHubClient{" + estate.user().login() + ", " + estate.owners().size() + " owners}";
  }
}
