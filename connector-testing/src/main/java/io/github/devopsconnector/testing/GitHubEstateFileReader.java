package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.quote;
import static io.github.devopsconnector.testing.EstateJson.valueOr;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRole;
import io.github.devopsconnector.core.github.GitHubUser;
import io.github.devopsconnector.testing.EstateJson.Expect;
import io.github.devopsconnector.testing.EstateJson.Located;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Reads a GitHub estate file ({@code "platform": "gitHub"}) as strictly as the Azure DevOps one: Jackson binds it
 * into the DTOs below (see {@link EstateJson}), then bad values, duplicates and facts that contradict each other are
 * errors naming the JSON path, the problem, and the line and column.
 */
final class GitHubEstateFileReader extends EstateFileChecks {

  /** The {@code platform} of a GitHub estate file. */
  static final String GITHUB = "gitHub";
  /** At most this many repositories in one owner, listed and generated together. */
  static final int MAX_REPOSITORIES_PER_OWNER = 100_000;
  /** The first repository id of a file; ids follow in file order. */
  static final long FIRST_REPOSITORY_ID = 500_000_001L;
  /** The first organization id of a file; ids follow in file order. */
  static final long FIRST_OWNER_ID = 90_000_001L;

  static final List<String> PLANS = List.of("free", "pro", "team", "enterprise");

  @JsonClassDescription("a GitHub estate file")
  @OfPlatform(Platform.GITHUB)
  static final class EstateDto extends AccountEstateDto<UserDto> {
    @Expect(value = "a list of owner objects", element = "an owner: an object with at least login, type and app")
    List<Located<OwnerDto>> owners;
  }

  @JsonClassDescription("the user")
  static final class UserDto extends AccountUserDto {
    @Expect("a string (the user's login)") Located<String> login;
  }

  @JsonClassDescription("an owner")
  static final class OwnerDto {
    @Expect("a string (the owner's login)") Located<String> login;
    @Expect("a string (the owner type, \"Organization\" or \"User\")") Located<String> type;
    @Expect("a string (the user's role, \"admin\", \"member\" or \"none\")") Located<String> role;
    @Expect("a string (the plan, one of free, pro, team, enterprise)") Located<String> plan;
    @Expect("a string (the Defender app's installation, \"all\", \"selected\" or \"none\")") Located<String> app;
    @Expect("true or false") Located<Boolean> enterpriseManagedUsers;
    @Expect("true or false") Located<Boolean> dataResidency;
    @Expect(value = "a list of repository objects", element = "a repository: an object with name and private")
    List<Located<RepositoryDto>> repositories = List.of();
    @Expect("what to generate: an object with repositories and optionally seed") Located<GenerateDto> generate;
  }

  @JsonClassDescription("a repository")
  static final class RepositoryDto {
    @Expect("a string (the repository name)") Located<String> name;
    @JsonProperty("private") @Expect("true or false") Boolean isPrivate;
    @Expect("true or false") Boolean archived = false;
    @Expect("true or false") Boolean appAccess = true;
  }

  @JsonClassDescription("generate")
  static final class GenerateDto {
    @Expect(value = "at most 100,000 per owner", min = 0, max = MAX_REPOSITORIES_PER_OWNER) Located<Long> repositories;
    @Expect("any whole number; the same seed gives the same repositories") Located<Long> seed;
  }


  private final Unique<OrganizationName> ownerLogins = new Unique<>("$.owners", "login",
      "logins compare ignoring case");
  private long nextRepositoryId = FIRST_REPOSITORY_ID;
  private long repositoryTotal;

  GitHubEstateFileReader(String source) {
    super(source, DevOpsPlatform.GITHUB);
  }

  /** Reads the file. */
  GitHubEstate read(EstateJson.Input input) {
    AccountFile<GitHubUser, OwnerDto, GitHubEstateOwner> file = accountFile(input, EstateDto.class, "owners",
        dto -> dto.owners, located -> user(located, "login", located.value().login,
            GitHubEstateFileReader::userLoginProblem, GitHubUser::of), "logins", this::login, this::owner);
    checkAcrossOwners(file.user(), file.accounts(), file.bound());
    return GitHubEstate.builder().tenantId(file.tenantId()).user(file.user())
        .onboardedElsewhere(file.onboardedElsewhere()).addAllOwners(file.accounts()).build();
  }

  private GitHubEstateOwner owner(String at, int index, Located<OwnerDto> located) {
    OwnerDto dto = located.value();
    OrganizationName login = dto.login == null ? null
        : ownerLogins.add(login(at + ".login", dto.login), index, at + ".login", dto.login);
    GitHubOwnerType type = dto.type == null ? null : switch (dto.type.value()) {
      case "Organization" -> GitHubOwnerType.ORGANIZATION;
      case "User" -> GitHubOwnerType.USER;
      default -> throw fail(at + ".type", dto.type, "the owner type is \"Organization\" or \"User\" (as GitHub "
          + "spells it), not " + quote(dto.type.value()));
    };
    Optional<GitHubRole> role = dto.role == null ? Optional.of(GitHubRole.ADMIN) : switch (dto.role.value()) {
      case "admin" -> Optional.of(GitHubRole.ADMIN);
      case "member" -> Optional.of(GitHubRole.MEMBER);
      case "none" -> Optional.empty();
      default -> throw fail(at + ".role", dto.role, "the role is \"admin\" (an Owner), \"member\" or \"none\" (not a "
          + "member), not " + quote(dto.role.value()));
    };
    String plan = dto.plan == null ? "free" : dto.plan.value();
    if (!PLANS.contains(plan)) {
      throw fail(at + ".plan", dto.plan, quote(plan) + " is not one of " + String.join(", ", PLANS));
    }
    GitHubAppAccess app = dto.app == null ? null : switch (dto.app.value()) {
      case "all" -> GitHubAppAccess.ALL_REPOSITORIES;
      case "selected" -> GitHubAppAccess.SELECTED_REPOSITORIES;
      case "none" -> GitHubAppAccess.NOT_INSTALLED;
      default -> throw fail(at + ".app", dto.app, "the app is \"all\" (installed on all repositories), \"selected\" "
          + "or \"none\", not " + quote(dto.app.value()));
    };
    List<GitHubEstateRepository> repositories = new ArrayList<>();
    Unique<String> repositoryNames = new Unique<>(at + ".repositories", "name",
        "repository names compare ignoring case");
    // Listed and generated repositories take their ids in the order the file gives them.
    boolean generateFirst = dto.generate != null && !dto.repositories.isEmpty()
        && dto.generate.isBefore(dto.repositories.get(0));
    if (generateFirst) {
      generate(at + ".generate", dto.generate, repositories, repositoryNames);
    }
    repositories(at + ".repositories", dto.repositories, repositories, repositoryNames);
    if (dto.generate != null && !generateFirst) {
      generate(at + ".generate", dto.generate, repositories, repositoryNames);
    }
    require(login, at + ".login", located, "every owner needs a login");
    require(type, at + ".type", located, "every owner needs a type, \"Organization\" or \"User\"");
    require(app, at + ".app", located, "every owner says whether the Defender app is installed: \"all\", "
        + "\"selected\" or \"none\"");
    if (type == GitHubOwnerType.USER && !role.equals(Optional.of(GitHubRole.ADMIN))) {
      throw fail(at + ".role", dto.role, "a personal account (type \"User\") is the signed-in user's own, whose role "
          + "is \"admin\"; leave role out");
    }
    return GitHubEstateOwner.builder().login(login).id(FIRST_OWNER_ID + index).type(type).role(role).plan(plan)
        .app(app).enterpriseManagedUsers(valueOr(dto.enterpriseManagedUsers, false))
        .dataResidency(valueOr(dto.dataResidency, false)).repositories(repositories).build();
  }

  private void repositories(String path, List<Located<RepositoryDto>> list, List<GitHubEstateRepository> into,
      Unique<String> names) {
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      RepositoryDto dto = list.get(i).value();
      String name = checked(at + ".name", dto.name, GitHubEstateFileReader::repositoryNameProblem);
      if (name != null) {
        names.add(name.toLowerCase(Locale.ROOT), i, at + ".name", dto.name);
      }
      require(name, at + ".name", list.get(i), "every repository needs a name");
      require(dto.isPrivate, at + ".private", list.get(i), "every repository says whether it is private");
      into.add(repository(at, list.get(i), name, dto.isPrivate, dto.archived, dto.appAccess));
    }
  }

  private GitHubEstateRepository repository(String at, Located<?> where, String name, boolean isPrivate,
      boolean archived, boolean appAccess) {
    if (++repositoryTotal > EstateFiles.MAX_REPOSITORIES) {
      throw fail(at, where, "more than " + count(EstateFiles.MAX_REPOSITORIES) + " repositories in the file");
    }
    return GitHubEstateRepository.builder().id(nextRepositoryId++).name(name).isPrivate(isPrivate)
        .archived(archived).appAccess(appAccess).build();
  }

  /** {@code "generate": {"repositories": n, "seed": s}}: n repositories named {@code repo-00001}, ... */
  private void generate(String at, Located<GenerateDto> located, List<GitHubEstateRepository> repositories,
      Unique<String> names) {
    Located<Long> wanted = located.value().repositories;
    require(wanted, at + ".repositories", located, "generate needs repositories, how many to make");
    if (repositories.size() + wanted.value() > MAX_REPOSITORIES_PER_OWNER) {
      throw fail(at + ".repositories", wanted, count(repositories.size()) + " listed and " + count(wanted.value())
          + " generated repositories make more than " + count(MAX_REPOSITORIES_PER_OWNER) + "; an owner holds at "
          + "most that many");
    }
    Random random = new Random(valueOr(located.value().seed, 0L));
    for (long i = 1; i <= wanted.value(); i++) {
      String name = String.format(Locale.ROOT, "repo-%05d", i);
      if (names.seen.putIfAbsent(name, -1) != null) {
        throw fail(at + ".repositories", wanted, "the generated repository " + quote(name) + " has the name of a "
            + "listed one; rename the listed repository");
      }
      // Drawn in a fixed order so that the same seed always gives the same repositories.
      boolean isPrivate = random.nextBoolean();
      boolean archived = random.nextInt(10) == 0;
      boolean appAccess = random.nextInt(3) != 0;
      repositories.add(repository(at, located, name, isPrivate, archived, appAccess));
    }
  }

  /** Facts that only the whole file can contradict. */
  private void checkAcrossOwners(GitHubUser user, List<GitHubEstateOwner> owners, List<Located<OwnerDto>> dtos) {
    int users = 0;
    Boolean residency = null;
    for (int i = 0; i < owners.size(); i++) {
      GitHubEstateOwner owner = owners.get(i);
      String at = "$.owners[" + i + "]";
      if (owner.type() == GitHubOwnerType.USER) {
        users++;
        if (users > 1 || !owner.login().value().equalsIgnoreCase(user.login())) {
          throw fail(at + ".login", dtos.get(i), "a personal account (type \"User\") is the signed-in user's own: "
              + "its login must be the user's, " + quote(user.login()) + ", and there is at most one");
        }
      }
      if (owner.enterpriseManagedUsers() != user.isManagedUser()) {
        throw fail(at + ".enterpriseManagedUsers", dtos.get(i), "is " + owner.enterpriseManagedUsers()
            + ", but the user's login " + quote(user.login()) + (user.isManagedUser() ? " is" : " is not")
            + " a managed user's: GitHub names managed users {handle}_{shortcode}, and they belong only to their "
            + "enterprise's organizations, so every owner of the file is an Enterprise Managed Users owner exactly "
            + "when the user's login has an underscore");
      }
      if (residency == null) {
        residency = owner.dataResidency();
      } else if (owner.dataResidency() != residency) {
        throw fail(at + ".dataResidency", dtos.get(i), "differs from the first owner's; a data residency enterprise "
            + "lives on its own GHE.com host, so the owners a user sees are all on it or none is");
      }
    }
  }

  private OrganizationName login(String path, Located<String> text) {
    return organizationName(path, text.with(checked(path, text, GitHubEstateFileReader::loginProblem)));
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
    try (JsonParser parser = EstateJson.factory().createParser(json)) {
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
