package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRole;
import io.github.devopsconnector.core.github.GitHubUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Reads a GitHub estate file ({@code "platform": "gitHub"}) as strictly as the Azure DevOps one: unknown fields, wrong
 * types, {@code null}, bad values, duplicates and facts that contradict each other are errors naming the JSON path,
 * the problem, and the line and column.
 */
final class GitHubEstateFileReader extends EstateJsonCursor {

  /** The {@code platform} of a GitHub estate file. */
  static final String GITHUB = "gitHub";
  /** At most this many repositories in one owner, listed and generated together. */
  static final int MAX_REPOSITORIES_PER_OWNER = 100_000;
  /** The first repository id of a file; ids follow in file order. */
  static final long FIRST_REPOSITORY_ID = 500_000_001L;
  /** The first organization id of a file; ids follow in file order. */
  static final long FIRST_OWNER_ID = 90_000_001L;

  static final List<String> ESTATE_FIELDS = List.of("platform", "tenantId", "user", "onboardedElsewhere", "owners");
  static final List<String> USER_FIELDS = List.of("login", "id", "name");
  static final List<String> OWNER_FIELDS = List.of("login", "type", "role", "plan", "app", "enterpriseManagedUsers",
      "dataResidency", "repositories", "generate");
  static final List<String> REPOSITORY_FIELDS = List.of("name", "private", "archived", "appAccess");
  static final List<String> GENERATE_FIELDS = List.of("repositories", "seed");
  static final List<String> PLANS = List.of("free", "pro", "team", "enterprise");

  private long nextRepositoryId = FIRST_REPOSITORY_ID;
  private long repositoryTotal;

  private GitHubEstateFileReader(JsonParser parser, String source) {
    super(parser, source);
  }

  static GitHubEstate read(InputStream in, String source) {
    try (JsonParser parser = factory().createParser(in)) {
      GitHubEstateFileReader reader = new GitHubEstateFileReader(parser, source);
      return reader.guarded(reader::estate);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  static GitHubEstate parse(String json) {
    try (JsonParser parser = factory().createParser(json)) {
      GitHubEstateFileReader reader = new GitHubEstateFileReader(parser, null);
      return reader.guarded(reader::estate);
    } catch (IOException e) {
      throw unreadable(null, e);
    }
  }

  /** One owner as read, with where it stood, for the checks that need the whole file. */
  private static final class OwnerDraft {
    int index;
    JsonLocation start;
    GitHubEstateOwner owner;
    boolean emuGiven;
    boolean residencyGiven;
  }

  private GitHubEstate estate() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw failAt(parser.currentLocation(), "the file is empty; a GitHub estate file is a JSON object with "
          + "platform, tenantId, user and owners");
    }
    JsonLocation start = expectObject("a GitHub estate file: a JSON object with platform, tenantId, user and owners");
    String platform = null;
    TenantId tenantId = null;
    GitHubUser user = null;
    Set<OrganizationName> elsewhere = Set.of();
    List<OwnerDraft> owners = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "platform":
          platform = string("the platform, \"" + GITHUB + "\"");
          if (!platform.equals(GITHUB)) {
            throw fail("a GitHub estate file has the platform \"" + GITHUB + "\", not " + quote(platform)
                + (platform.equals(EstateFileReader.AZURE_DEVOPS) ? "; read Azure DevOps estates with "
                    + "EstateFiles.read(...)" : ""));
          }
          break;
        case "tenantId":
          tenantId = tenantId("the tenant of the subscription the connector is created in");
          break;
        case "user":
          user = user();
          break;
        case "onboardedElsewhere":
          elsewhere = logins();
          break;
        case "owners":
          owners = owners();
          break;
        default:
          throw unknownField("a GitHub estate file", ESTATE_FIELDS);
      }
      pop();
    }
    require(platform, "platform", start, "a GitHub estate file says \"platform\": \"" + GITHUB + "\"");
    require(tenantId, "tenantId", start, "a GitHub estate file needs tenantId, the Microsoft Entra tenant GUID");
    require(user, "user", start, "a GitHub estate file needs user, the signed-in GitHub user");
    require(owners, "owners", start, "a GitHub estate file needs owners, the list of owners (it may be empty: [])");
    if (parser.nextToken() != null) {
      throw fail("there is more after the estate object; a file holds exactly one JSON object");
    }
    checkAcrossOwners(user, owners);
    GitHubEstate.Builder estate = GitHubEstate.builder().tenantId(tenantId).user(user).onboardedElsewhere(elsewhere);
    owners.forEach(draft -> estate.addOwners(draft.owner));
    return estate.build();
  }

  private GitHubUser user() throws IOException {
    JsonLocation start = expectObject("the user: an object with login, id and optionally name");
    String login = null;
    Long id = null;
    String name = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "login":
          login = checked(string("the user's login"), userLoginProblem(parser.getText()));
          break;
        case "id":
          id = integer(1, Long.MAX_VALUE, "the user's numeric id");
          break;
        case "name":
          name = checked(string("the display name"), EstateFileRules.displayNameProblem(parser.getText()));
          break;
        default:
          throw unknownField("the user", USER_FIELDS);
      }
      pop();
    }
    require(login, "login", start, "the user needs a login");
    require(id, "id", start, "the user needs an id, the numeric GitHub user id");
    return GitHubUser.of(login, id, Optional.ofNullable(name));
  }

  private Set<OrganizationName> logins() throws IOException {
    expectArray("a list of owner logins");
    Map<OrganizationName, Integer> names = new HashMap<>();
    Set<OrganizationName> result = new LinkedHashSet<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_ORGANIZATIONS) {
        throw fail("more than " + count(EstateFiles.MAX_ORGANIZATIONS) + " owners; the list holds at most "
            + count(EstateFiles.MAX_ORGANIZATIONS));
      }
      OrganizationName login = login(string("an owner login"));
      Integer before = names.putIfAbsent(login, i);
      if (before != null) {
        throw fail(quote(login.value()) + " is listed twice (also at " + sibling(before)
            + "; logins compare ignoring case)");
      }
      result.add(login);
      pop();
    }
    return result;
  }

  private List<OwnerDraft> owners() throws IOException {
    expectArray("a list of owner objects");
    Map<OrganizationName, Integer> names = new HashMap<>();
    List<OwnerDraft> result = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_ORGANIZATIONS) {
        throw fail("more than " + count(EstateFiles.MAX_ORGANIZATIONS) + " owners; a GitHub estate file holds at "
            + "most " + count(EstateFiles.MAX_ORGANIZATIONS));
      }
      result.add(owner(i, names));
      pop();
    }
    return result;
  }

  private OwnerDraft owner(int index, Map<OrganizationName, Integer> names) throws IOException {
    OwnerDraft draft = new OwnerDraft();
    draft.index = index;
    draft.start = expectObject("an owner: an object with at least login, type and app");
    OrganizationName login = null;
    GitHubOwnerType type = null;
    Optional<GitHubRole> role = Optional.of(GitHubRole.ADMIN);
    String plan = "free";
    GitHubAppAccess app = null;
    boolean emu = false;
    boolean residency = false;
    List<GitHubEstateRepository> repositories = new ArrayList<>();
    Map<String, Integer> repositoryNames = new HashMap<>();
    JsonLocation roleLocation = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "login":
          login = login(string("the owner's login"));
          Integer before = names.putIfAbsent(login, index);
          if (before != null) {
            throw fail(quote(login.value()) + " is already the login of $.owners[" + before
                + "] (logins compare ignoring case)");
          }
          break;
        case "type":
          String kind = string("the owner type, \"Organization\" or \"User\"");
          if (kind.equals("Organization")) {
            type = GitHubOwnerType.ORGANIZATION;
          } else if (kind.equals("User")) {
            type = GitHubOwnerType.USER;
          } else {
            throw fail("the owner type is \"Organization\" or \"User\" (as GitHub spells it), not " + quote(kind));
          }
          break;
        case "role":
          roleLocation = parser.currentTokenLocation();
          String given = string("the user's role, \"admin\", \"member\" or \"none\"");
          switch (given) {
            case "admin":
              role = Optional.of(GitHubRole.ADMIN);
              break;
            case "member":
              role = Optional.of(GitHubRole.MEMBER);
              break;
            case "none":
              role = Optional.empty();
              break;
            default:
              throw fail("the role is \"admin\" (an Owner), \"member\" or \"none\" (not a member), not "
                  + quote(given));
          }
          break;
        case "plan":
          plan = string("the plan, one of " + String.join(", ", PLANS));
          if (!PLANS.contains(plan)) {
            throw fail(quote(plan) + " is not one of " + String.join(", ", PLANS));
          }
          break;
        case "app":
          String access = string("the Defender app's installation, \"all\", \"selected\" or \"none\"");
          switch (access) {
            case "all":
              app = GitHubAppAccess.ALL_REPOSITORIES;
              break;
            case "selected":
              app = GitHubAppAccess.SELECTED_REPOSITORIES;
              break;
            case "none":
              app = GitHubAppAccess.NOT_INSTALLED;
              break;
            default:
              throw fail("the app is \"all\" (installed on all repositories), \"selected\" or \"none\", not "
                  + quote(access));
          }
          break;
        case "enterpriseManagedUsers":
          emu = bool();
          draft.emuGiven = true;
          break;
        case "dataResidency":
          residency = bool();
          draft.residencyGiven = true;
          break;
        case "repositories":
          repositories.addAll(repositories(repositoryNames));
          break;
        case "generate":
          generate(repositories, repositoryNames);
          break;
        default:
          throw unknownField("an owner", OWNER_FIELDS);
      }
      pop();
    }
    require(login, "login", draft.start, "every owner needs a login");
    require(type, "type", draft.start, "every owner needs a type, \"Organization\" or \"User\"");
    require(app, "app", draft.start, "every owner says whether the Defender app is installed: \"all\", "
        + "\"selected\" or \"none\"");
    if (type == GitHubOwnerType.USER && !role.equals(Optional.of(GitHubRole.ADMIN))) {
      path.add("role");
      throw failAt(roleLocation, "a personal account (type \"User\") is the signed-in user's own, whose role is "
          + "\"admin\"; leave role out");
    }
    draft.owner = GitHubEstateOwner.builder().login(login).id(FIRST_OWNER_ID + index).type(type).role(role)
        .plan(plan).app(app).enterpriseManagedUsers(emu).dataResidency(residency).repositories(repositories)
        .build();
    return draft;
  }

  private List<GitHubEstateRepository> repositories(Map<String, Integer> names) throws IOException {
    expectArray("a list of repository objects");
    List<GitHubEstateRepository> result = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      JsonLocation start = expectObject("a repository: an object with name and private");
      String name = null;
      Boolean isPrivate = null;
      boolean archived = false;
      boolean appAccess = true;
      Set<String> seen = new HashSet<>();
      for (String field = nextField(seen); field != null; field = nextField(seen)) {
        switch (field) {
          case "name":
            name = checked(string("the repository name"), repositoryNameProblem(parser.getText()));
            Integer before = names.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (before != null) {
              throw fail(quote(name) + " is already the name of " + cousin(1, before)
                  + " (repository names compare ignoring case)");
            }
            break;
          case "private":
            isPrivate = bool();
            break;
          case "archived":
            archived = bool();
            break;
          case "appAccess":
            appAccess = bool();
            break;
          default:
            throw unknownField("a repository", REPOSITORY_FIELDS);
        }
        pop();
      }
      require(name, "name", start, "every repository needs a name");
      require(isPrivate, "private", start, "every repository says whether it is private");
      result.add(repository(name, isPrivate, archived, appAccess));
      pop();
    }
    return result;
  }

  private GitHubEstateRepository repository(String name, boolean isPrivate, boolean archived, boolean appAccess) {
    if (++repositoryTotal > EstateFiles.MAX_REPOSITORIES) {
      throw fail("more than " + count(EstateFiles.MAX_REPOSITORIES) + " repositories in the file");
    }
    return GitHubEstateRepository.builder().id(nextRepositoryId++).name(name).isPrivate(isPrivate)
        .archived(archived).appAccess(appAccess).build();
  }

  /** {@code "generate": {"repositories": n, "seed": s}}: n repositories named {@code repo-00001}, ... */
  private void generate(List<GitHubEstateRepository> repositories, Map<String, Integer> names) throws IOException {
    JsonLocation start = expectObject("what to generate: an object with repositories and optionally seed");
    Long wanted = null;
    long seed = 0;
    JsonLocation countLocation = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "repositories":
          countLocation = parser.currentTokenLocation();
          wanted = integer(0, MAX_REPOSITORIES_PER_OWNER, "at most " + count(MAX_REPOSITORIES_PER_OWNER)
              + " per owner");
          break;
        case "seed":
          seed = integer(Long.MIN_VALUE, Long.MAX_VALUE, "any whole number; the same seed gives the same repositories");
          break;
        default:
          throw unknownField("generate", GENERATE_FIELDS);
      }
      pop();
    }
    require(wanted, "repositories", start, "generate needs repositories, how many to make");
    if (repositories.size() + wanted > MAX_REPOSITORIES_PER_OWNER) {
      path.add("repositories");
      throw failAt(countLocation, count(repositories.size()) + " listed and " + count(wanted) + " generated "
          + "repositories make more than " + count(MAX_REPOSITORIES_PER_OWNER) + "; an owner holds at most that many");
    }
    Random random = new Random(seed);
    for (long i = 1; i <= wanted; i++) {
      String name = String.format(Locale.ROOT, "repo-%05d", i);
      if (names.putIfAbsent(name, -1) != null) {
        path.add("repositories");
        throw failAt(countLocation, "the generated repository " + quote(name) + " has the name of a listed one; "
            + "rename the listed repository");
      }
      // Drawn in a fixed order so that the same seed always gives the same repositories.
      boolean isPrivate = random.nextBoolean();
      boolean archived = random.nextInt(10) == 0;
      boolean appAccess = random.nextInt(3) != 0;
      repositories.add(repository(name, isPrivate, archived, appAccess));
    }
  }

  /** Facts that only the whole file can contradict. */
  private void checkAcrossOwners(GitHubUser user, List<OwnerDraft> owners) {
    int users = 0;
    Boolean residency = null;
    for (OwnerDraft draft : owners) {
      GitHubEstateOwner owner = draft.owner;
      if (owner.type() == GitHubOwnerType.USER) {
        users++;
        if (users > 1 || !owner.login().value().equalsIgnoreCase(user.login())) {
          path.add("owners");
          path.add(draft.index);
          path.add("login");
          throw failAt(draft.start, "a personal account (type \"User\") is the signed-in user's own: its login must "
              + "be the user's, " + quote(user.login()) + ", and there is at most one");
        }
      }
      if (owner.enterpriseManagedUsers() != user.isManagedUser()) {
        path.add("owners");
        path.add(draft.index);
        path.add("enterpriseManagedUsers");
        throw failAt(draft.start, "is " + owner.enterpriseManagedUsers() + ", but the user's login "
            + quote(user.login()) + (user.isManagedUser() ? " is" : " is not") + " a managed user's: GitHub names "
            + "managed users {handle}_{shortcode}, and they belong only to their enterprise's organizations, so every "
            + "owner of the file is an Enterprise Managed Users owner exactly when the user's login has an underscore");
      }
      if (residency == null) {
        residency = owner.dataResidency();
      } else if (owner.dataResidency() != residency) {
        path.add("owners");
        path.add(draft.index);
        path.add("dataResidency");
        throw failAt(draft.start, "differs from the first owner's; a data residency enterprise lives on its own "
            + "GHE.com host, so the owners a user sees are all on it or none is");
      }
    }
  }

  private OrganizationName login(String text) {
    return organizationName(checked(text, loginProblem(text)));
  }

  /** GitHub's rule for account names: 1 to 39 letters, digits and single hyphens, no hyphen at either end. */
  static Optional<String> loginProblem(String text) {
    if (text.isEmpty() || text.length() > 39) {
      return Optional.of("the login " + quote(text) + " must be 1 to 39 characters long");
    }
    if (!text.matches("[A-Za-z0-9]+(-[A-Za-z0-9]+)*")) {
      return Optional.of("the login " + quote(text) + " may only have ASCII letters, digits and single hyphens, "
          + "and neither starts nor ends with a hyphen");
    }
    return Optional.empty();
  }

  /** A user login: an account name, or a managed user's {@code handle_shortcode}. */
  static Optional<String> userLoginProblem(String text) {
    int underscore = text.indexOf('_');
    if (underscore < 0) {
      return loginProblem(text);
    }
    if (text.length() > 60 || !text.matches("[A-Za-z0-9]+(-[A-Za-z0-9]+)*_[A-Za-z0-9]+")) {
      return Optional.of("the login " + quote(text) + " is neither an account name nor a managed user's "
          + "{handle}_{shortcode}");
    }
    return Optional.empty();
  }

  /** GitHub's rule for repository names: 1 to 100 of letters, digits, {@code . - _}; not {@code .} or {@code ..}. */
  static Optional<String> repositoryNameProblem(String text) {
    if (text.isEmpty() || text.length() > 100 || !text.matches("[A-Za-z0-9._-]+") || text.equals(".")
        || text.equals("..")) {
      return Optional.of("the repository name " + quote(text) + " must be 1 to 100 ASCII letters, digits, periods, "
          + "hyphens and underscores (and not . or ..)");
    }
    return Optional.empty();
  }

  /** The {@code platform} of an estate file's text: {@code gitHub}, or {@code azureDevOps} when it has none. */
  static String platformOf(String json) {
    try (JsonParser parser = factory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return EstateFileReader.AZURE_DEVOPS;
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("platform") && value == JsonToken.VALUE_STRING) {
          return parser.getText();
        }
        parser.skipChildren();
      }
      return EstateFileReader.AZURE_DEVOPS;
    } catch (IOException e) {
      // A malformed file is reported by the reader of its platform; the default one reads it.
      return EstateFileReader.AZURE_DEVOPS;
    }
  }
}
