package io.github.devopsconnector.github.implementation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.core.github.GitHubRole;
import io.github.devopsconnector.core.github.GitHubUser;
import io.github.devopsconnector.github.implementation.models.InstallationDto;
import io.github.devopsconnector.github.implementation.models.InstallationListDto;
import io.github.devopsconnector.github.implementation.models.MembershipDto;
import io.github.devopsconnector.github.implementation.models.OrganizationDto;
import io.github.devopsconnector.github.implementation.models.RepositoryDto;
import io.github.devopsconnector.github.implementation.models.RepositoryListDto;
import io.github.devopsconnector.github.implementation.models.UserDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.PageGuard;
import io.github.devopsconnector.http.ServiceErrors;
import io.github.devopsconnector.http.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub calls: URL building, Link-header paging with loop detection and a page limit, and mapping to the
 * core port's models. Every route and field is GitHub's documented one (docs.github.com/rest; each method names its
 * page).
 */
public final class GitHubOperations {
  /** GitHub's largest page (per_page "max 100"). */
  static final int PER_PAGE = 100;
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");
  private static final TypeReference<List<MembershipDto>> MEMBERSHIPS = new TypeReference<>() {};
  private static final TypeReference<List<RepositoryDto>> REPOSITORIES = new TypeReference<>() {};

  private final HttpTransport<GitHubCall> transport;
  private final String endpoint;
  private final String appSlug;
  private final int maxPages;
  private final boolean dataResidency;
  private final boolean appUserToken;

  /**
   * Operations.
   *
   * @param transport the transport
   * @param endpoint the API root, such as {@code https://api.github.com}
   * @param appSlug the Defender app's slug
   * @param maxPages the most pages one listing follows
   * @param appUserToken whether the client may call the routes that need a GitHub App's user access token
   */
  public GitHubOperations(HttpTransport<GitHubCall> transport, String endpoint, String appSlug, int maxPages,
      boolean appUserToken) {
    this.appUserToken = appUserToken;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.appSlug = Objects.requireNonNull(appSlug, "appSlug");
    this.maxPages = maxPages;
    // GitHub Enterprise Cloud with data residency serves its API at api.SUBDOMAIN.ghe.com
    // (docs.github.com/enterprise-cloud@latest/admin/data-residency).
    String host = URI.create(endpoint).getHost().toLowerCase(Locale.ROOT);
    this.dataResidency = host.endsWith(".ghe.com");
  }

  /** Whether the endpoint is a GHE.com host, which only GitHub Enterprise Cloud with data residency has. */
  public boolean dataResidency() {
    return dataResidency;
  }

  /** {@code GET /user} (docs.github.com/rest/users/users#get-the-authenticated-user). */
  public GitHubUser currentUser() {
    GitHubCall call = new GitHubCall("read the signed-in GitHub user");
    HttpTransport.Decoded<UserDto> read = transport.getJson(Urls.at(endpoint).raw("user").toString(), call,
        r -> decode(r, UserDto.class, call));
    UserDto user = read.value();
    if (user.login() == null || user.login().isBlank() || user.id() == null) {
      throw GitHubErrorMapper.protocol(call, "the user has no login or id", read.response(), null);
    }
    return GitHubUser.of(user.login(), user.id(), Optional.ofNullable(user.name()).filter(n -> !n.isBlank()));
  }

  /**
   * The user's owners: every active organization membership ({@code GET /user/memberships/orgs?state=active},
   * docs.github.com/rest/orgs/members#list-organization-memberships-for-the-authenticated-user), with the plan of
   * those the user owns ({@code GET /orgs/{org}}, docs.github.com/rest/orgs/orgs#get-an-organization, which shows
   * {@code plan} to Owners only), and the user's own account when the app is installed on it.
   */
  public List<GitHubOwner> owners() {
    GitHubUser user = currentUser();
    GitHubCall call = new GitHubCall("list the organization memberships of the signed-in user");
    String first = Urls.at(endpoint).raw("user", "memberships", "orgs").query("state", "active")
        .query("per_page", String.valueOf(PER_PAGE)).toString();
    List<MembershipDto> memberships = list(first, call, r -> decode(r, MEMBERSHIPS, call));
    List<GitHubOwner> owners = new ArrayList<>();
    for (MembershipDto membership : memberships) {
      if (membership.organization() == null || membership.organization().login() == null) {
        throw GitHubErrorMapper.builderFor(call, "a membership has no organization login");
      }
      if (!"active".equals(membership.state())) {
        continue;
      }
      OrganizationName login = login(membership.organization().login(), call);
      GitHubRole role = "admin".equals(membership.role()) ? GitHubRole.ADMIN : GitHubRole.MEMBER;
      GitHubOwner.Builder owner = GitHubOwner.builder().login(login).type(GitHubOwnerType.ORGANIZATION).role(role)
          .enterpriseManagedUsers(user.isManagedUser()).dataResidency(dataResidency);
      if (role == GitHubRole.ADMIN) {
        owner.plan(plan(login));
      }
      owners.add(owner.build());
    }
    // A managed user's login (handle_shortcode) is no account name an owner can have, and its account is the
    // enterprise's; only other users' own accounts are candidates.
    // Only a GitHub App's user access token may list /user/installations; with a personal access token the app's
    // installation on the user's own account cannot be read, so that account is not offered.
    if (appUserToken && !user.isManagedUser() && OrganizationName.isValid(user.login())
        && userInstallation(user).isPresent()) {
      owners.add(GitHubOwner.builder().login(OrganizationName.parse(user.login())).type(GitHubOwnerType.USER)
          .role(GitHubRole.ADMIN).dataResidency(dataResidency).build());
    }
    return owners;
  }

  private Optional<String> plan(OrganizationName login) {
    GitHubCall call = new GitHubCall("read the organization " + login);
    OrganizationDto organization = transport.getJson(Urls.at(endpoint).raw("orgs").path(login.value()).toString(),
        call, r -> decode(r, OrganizationDto.class, call)).value();
    return Optional.ofNullable(organization.plan()).map(OrganizationDto.PlanDto::name).filter(n -> !n.isBlank());
  }

  /**
   * The app's installation on the owner: {@code GET /orgs/{org}/installations}
   * (docs.github.com/rest/orgs/orgs#list-app-installations-for-an-organization; Owners only) or, for the user's
   * own account, {@code GET /user/installations}
   * (docs.github.com/rest/apps/installations#list-app-installations-accessible-to-the-user-access-token).
   */
  public Optional<GitHubInstallation> appInstallation(GitHubOwner owner) {
    Objects.requireNonNull(owner, "owner");
    if (owner.type() == GitHubOwnerType.USER) {
      if (!appUserToken) {
        throw appUserTokenRequired("read the app installation on the personal account " + owner.login());
      }
      return userInstallation(currentUser());
    }
    GitHubCall call = new GitHubCall("list the app installations of the organization " + owner.login());
    String first = Urls.at(endpoint).raw("orgs").path(owner.login().value()).raw("installations")
        .query("per_page", String.valueOf(PER_PAGE)).toString();
    return find(list(first, call, r -> installations(r, call)), owner.login(), call);
  }

  private Optional<GitHubInstallation> userInstallation(GitHubUser user) {
    GitHubCall call = new GitHubCall("list the app installations of the signed-in user");
    String first = Urls.at(endpoint).raw("user", "installations").query("per_page", String.valueOf(PER_PAGE))
        .toString();
    // A managed user's login (handle_shortcode) names no account of its own.
    return find(list(first, call, r -> installations(r, call)), !user.isManagedUser()
        && OrganizationName.isValid(user.login()) ? OrganizationName.parse(user.login()) : null, call);
  }

  private Optional<GitHubInstallation> find(List<InstallationDto> installations, OrganizationName account,
      GitHubCall call) {
    for (InstallationDto installation : installations) {
      if (installation.id() == null || installation.account() == null || installation.account().login() == null) {
        throw GitHubErrorMapper.builderFor(call, "an installation has no id or account");
      }
      if (!appSlug.equalsIgnoreCase(String.valueOf(installation.appSlug())) || account == null
          || !installation.account().login().equalsIgnoreCase(account.value())) {
        continue;
      }
      GitHubRepositorySelection selection;
      if ("all".equals(installation.repositorySelection())) {
        selection = GitHubRepositorySelection.ALL;
      } else if ("selected".equals(installation.repositorySelection())) {
        selection = GitHubRepositorySelection.SELECTED;
      } else {
        throw GitHubErrorMapper.builderFor(call, "the installation's repository_selection is neither all nor "
            + "selected");
      }
      return Optional.of(GitHubInstallation.of(installation.id(), installation.appSlug(), account, selection));
    }
    return Optional.empty();
  }

  /**
   * Every repository the installation can access: for all repositories, the owner's repositories
   * ({@code GET /orgs/{org}/repos?type=all}, docs.github.com/rest/repos/repos#list-organization-repositories, or
   * {@code GET /user/repos?affiliation=owner}, docs.github.com/rest/repos/repos#list-repositories-for-the-authenticated-user);
   * for selected ones, {@code GET /user/installations/{id}/repositories}
   * (docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-user-access-token).
   */
  public List<GitHubRepository> repositories(GitHubInstallation installation) {
    Objects.requireNonNull(installation, "installation");
    GitHubCall call = new GitHubCall("list the repositories the app can access in " + installation.account());
    List<RepositoryDto> found;
    if (installation.repositorySelection() == GitHubRepositorySelection.SELECTED) {
      if (!appUserToken) {
        // No route open to a personal access token lists an installation's selected repositories: GitHub would
        // answer 403, so the client says so without asking.
        throw appUserTokenRequired("list the repositories selected for the app in " + installation.account());
      }
      String first = Urls.at(endpoint).raw("user", "installations", String.valueOf(installation.id()),
          "repositories").query("per_page", String.valueOf(PER_PAGE)).toString();
      found = list(first, call, r -> {
        RepositoryListDto page = decode(r, RepositoryListDto.class, call);
        return page.repositories() == null ? List.of() : page.repositories();
      });
    } else if (installation.account().value().equalsIgnoreCase(currentUser().login())) {
      String first = Urls.at(endpoint).raw("user", "repos").query("affiliation", "owner")
          .query("per_page", String.valueOf(PER_PAGE)).toString();
      found = list(first, call, r -> decode(r, REPOSITORIES, call));
    } else {
      String first = Urls.at(endpoint).raw("orgs").path(installation.account().value()).raw("repos")
          .query("type", "all").query("per_page", String.valueOf(PER_PAGE)).toString();
      found = list(first, call, r -> decode(r, REPOSITORIES, call));
    }
    List<GitHubRepository> repositories = new ArrayList<>(found.size());
    for (RepositoryDto repository : found) {
      if (repository.id() == null || repository.name() == null || repository.isPrivate() == null) {
        throw GitHubErrorMapper.builderFor(call, "a repository has no id, name or private flag");
      }
      repositories.add(GitHubRepository.builder().id(repository.id()).owner(installation.account())
          .name(repository.name()).isPrivate(repository.isPrivate())
          .archived(Boolean.TRUE.equals(repository.archived())).build());
    }
    return repositories;
  }

  /** Whether the client holds a GitHub App user access token (or a credential that may supply one). */
  public boolean appUserToken() {
    return appUserToken;
  }

  private static ServiceException appUserTokenRequired(String operation) {
    return ServiceErrors.builder(Kind.NOT_AUTHORIZED, "Could not " + operation + ": GitHub answers this only to a "
        + "GitHub App's user access token (ghu_), and the client holds a personal access token.",
        GitHubErrorMapper.SERVICE, null)
        .serviceErrorCode(GitHubClient.APP_USER_TOKEN_REQUIRED)
        .remediation("Authenticate with a user access token of the Defender for Cloud GitHub app (the connector's "
            + "authorization), or check on github.com, in the owner's settings for GitHub Apps, which repositories "
            + "the app can access.")
        .build();
  }

  private List<InstallationDto> installations(DetachedResponse response, GitHubCall call) {
    InstallationListDto page = decode(response, InstallationListDto.class, call);
    return page.installations() == null ? List.of() : page.installations();
  }

  /**
   * Every item of a listing, following {@code link: <...>; rel="next"} (docs.github.com/rest/using-the-rest-api/
   * using-pagination-in-the-rest-api) until there is none, and failing with a {@code PROTOCOL} error on a link that
   * points back to a page already read, to another host, or past the page limit.
   */
  <T> List<T> list(String first, GitHubCall call, Function<DetachedResponse, List<T>> decoder) {
    PageGuard guard = new PageGuard(maxPages);
    List<T> items = new ArrayList<>();
    String url = first;
    while (true) {
      HttpTransport.Decoded<List<T>> read = transport.getJson(url, call, decoder);
      items.addAll(read.value());
      Optional<String> next = next(read.response());
      if (next.isEmpty()) {
        return items;
      }
      if (!Urls.origin(URI.create(next.get())).equals(Urls.origin(URI.create(endpoint)))) {
        throw GitHubErrorMapper.protocol(call, "the next page's link points to another host ("
            + Urls.origin(URI.create(next.get())) + ")", read.response(), null);
      }
      Optional<PageGuard.Problem> problem = guard.page(url, next.get());
      if (problem.isPresent()) {
        throw GitHubErrorMapper.protocol(call, "the next page's link " + problem.get().description()
            + (problem.get() == PageGuard.Problem.TOO_MANY_PAGES ? " (" + maxPages + ")" : "")
            + ", which would page forever", read.response(), null);
      }
      url = next.get();
    }
  }

  /** The {@code rel="next"} URL of a {@code link} header, if any. */
  static Optional<String> next(DetachedResponse response) {
    Optional<String> link = response.header("link");
    if (link.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = LINK.matcher(link.get());
    while (matcher.find()) {
      for (String rel : matcher.group(2).trim().split("\\s+")) {
        if (rel.equals("next")) {
          return Optional.of(matcher.group(1).trim());
        }
      }
    }
    return Optional.empty();
  }

  private static OrganizationName login(String text, GitHubCall call) {
    if (!OrganizationName.isValid(text)) {
      throw GitHubErrorMapper.builderFor(call, "the organization login " + Urls.shorten(text) + " is not one");
    }
    return OrganizationName.parse(text);
  }

  private static <T> T decode(DetachedResponse response, Class<T> type, GitHubCall call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw GitHubErrorMapper.protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  private static <T> T decode(DetachedResponse response, TypeReference<T> type, GitHubCall call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw GitHubErrorMapper.protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  @Override
  public String toString() {
    return "GitHubOperations{" + endpoint + ", app " + appSlug + "}";
  }
}
