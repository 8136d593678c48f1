package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.quote;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.EstateJson.Located;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What both estate file readers check after binding: a rule applied to a {@link Located} value fails with the JSON
 * path and the value's line and column; a field left out fails at the object that lacks it.
 */
abstract class EstateFileChecks {

  final String source;
  private final DevOpsPlatform platform;

  /** For a file of Azure DevOps. */
  EstateFileChecks(String source) {
    this(source, DevOpsPlatform.AZURE_DEVOPS);
  }

  /** For a file of this platform, whose rule names its top-level accounts. */
  EstateFileChecks(String source, DevOpsPlatform platform) {
    this.source = source;
    this.platform = platform;
  }

  /** The {@code platform} of each kind of estate file, in the order of {@link DevOpsPlatform}. */
  enum Platform {
    AZURE_DEVOPS(EstateFileReader.AZURE_DEVOPS),
    GITHUB(GitHubEstateFileReader.GITHUB),
    GITLAB(GitLabEstateFileReader.GITLAB);

    final String value;

    Platform(String value) {
      this.value = value;
    }

    /** The platform of this {@code platform} value, if it is one. */
    static Optional<Platform> of(String value) {
      return java.util.Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }

    /** The public platform. */
    DevOpsPlatform devOpsPlatform() {
      return DevOpsPlatform.values()[ordinal()];
    }

    /** "an Azure DevOps", "a GitHub": the platform's name with its article. */
    private String named() {
      return (this == AZURE_DEVOPS ? "an " : "a ") + devOpsPlatform().displayName();
    }

    /** The suffix of the platform's readers in EstateFiles: {@code readGitHub}, or {@code read} for Azure DevOps. */
    private String reader() {
      return this == AZURE_DEVOPS ? "" : devOpsPlatform().displayName();
    }

    /**
     * Refuses, while binding, a {@code platform} other than this one, so that a file of another platform is said
     * to be one before its fields fail to bind.
     */
    Located<String> require(Located<String> given) {
      if (given.value().equals(value)) {
        return given;
      }
      Optional<Platform> other = of(given.value());
      if (other.isPresent()) {
        throw new EstateJson.Refusal("this is " + other.get().named() + " estate file; read it with EstateFiles.read"
            + other.get().reader() + "(...) or EstateFiles.parse" + other.get().reader() + "(...)", given);
      }
      throw new EstateJson.Refusal("the platform of " + named() + " estate file is \"" + value + "\""
          + (this == AZURE_DEVOPS ? " (the default)" : "") + "; the platforms are " + java.util.Arrays.stream(values())
              .map(p -> "\"" + p.value + "\"").collect(java.util.stream.Collectors.joining(", ")) + ", not "
          + quote(given.value()), given);
    }
  }

  /** The platform of the estate file a root DTO binds, like {@code JsonClassDescription} says what it is. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
  @interface OfPlatform {
    /** The platform. */
    Platform value();
  }

  /**
   * The root fields that the GitHub and GitLab estate files share, in the order their formats list them; a
   * subclass adds the list of accounts (owners, groups).
   *
   * @param <U> the user object of the platform
   */
  abstract static class AccountEstateDto<U> {
    @EstateJson.Expect("a string (the platform)") Located<String> platform;
    @EstateJson.Expect("a string (a GUID: the tenant of the subscription the connector is created in)")
    Located<String> tenantId;
    @EstateJson.Expect("the signed-in user: an object with the user's login (GitHub) or username (GitLab), id and "
        + "optionally name")
    Located<U> user;
    @EstateJson.Expect(value = "a list of names (GitHub owner logins, GitLab top-level group paths)",
        element = "a string (a name)")
    List<Located<String>> onboardedElsewhere = List.of();

    /** The platform of the file, which its DTO declares with {@link OfPlatform}. */
    final Platform platformOfFile() {
      return getClass().getAnnotation(OfPlatform.class).value();
    }

    /** Refuses another platform before the fields of that platform fail to bind. */
    @com.fasterxml.jackson.annotation.JsonProperty("platform")
    void platform(Located<String> platform) {
      this.platform = platformOfFile().require(platform);
    }
  }

  /** What the user objects of GitHub and GitLab estate files share; each adds the user's login or username. */
  abstract static class AccountUserDto {
    @EstateJson.Expect(value = "the user's numeric id", min = 1) Located<Long> id;
    @EstateJson.Expect("a string (the display name)") Located<String> name;
  }

  /** Makes the user of a platform from its login or username, id and display name. */
  interface UserOf<V> {
    V make(String handle, long id, Optional<String> name);
  }

  /**
   * The signed-in user of a GitHub or GitLab estate file: its {@code field} (login, username) by the rule, its id
   * and display name.
   */
  final <V> V user(Located<? extends AccountUserDto> located, String field, Located<String> handle,
      Function<String, Optional<String>> rule, UserOf<V> user) {
    AccountUserDto dto = located.value();
    String checkedHandle = checked("$.user." + field, handle, rule);
    String name = checked("$.user.name", dto.name, EstateFileRules::displayNameProblem);
    require(checkedHandle, "$.user." + field, located, "the user needs a " + field);
    require(dto.id, "$.user.id", located, "the user needs an id, the numeric " + platform().displayName()
        + " user id");
    return user.make(checkedHandle, dto.id.value(), Optional.ofNullable(name));
  }

  /**
   * A GitHub or GitLab estate file, its shared root fields read and checked, with its accounts (owners, groups).
   *
   * @param <V> the user
   * @param <D> an account as bound
   * @param <A> an account as read
   */
  record AccountFile<V, D, A>(TenantId tenantId, V user, Set<OrganizationName> onboardedElsewhere,
      List<Located<D>> bound, List<A> accounts) {}

  /**
   * Reads a GitHub or GitLab estate file: binds it into {@code type}, checks that it says its platform and has a
   * tenant, a user and its list of accounts (named {@code field}), then reads the user, the names of
   * {@code onboardedElsewhere} ({@code names} compare ignoring case) and each account.
   */
  final <U, V, D, A, F extends AccountEstateDto<U>> AccountFile<V, D, A> accountFile(EstateJson.Input input,
      Class<F> type, String field, Function<F, List<Located<D>>> list, Function<Located<U>, V> user, String names,
      BiFunction<String, Located<String>, OrganizationName> name, Element<D, A> account) {
    String platform = type.getAnnotation(OfPlatform.class).value().devOpsPlatform().displayName();
    String kind = "a " + platform + " estate file";
    Located<F> root = EstateJson.read(input, type, source, kind + " is a JSON object with platform, tenantId, user "
        + "and " + field);
    F file = root.value();
    require(file.platform, "$.platform", root, kind + " says \"platform\": \"" + file.platformOfFile().value + "\"");
    require(file.tenantId, "$.tenantId", root, kind + " needs tenantId, the Microsoft Entra tenant GUID");
    require(file.user, "$.user", root, kind + " needs user, the signed-in " + platform + " user");
    require(list.apply(file), "$." + field, root, kind + " needs " + field + ", the list of " + field + " (it may be "
        + "empty: [])");
    TenantId tenantId = tenantId("$.tenantId", file.tenantId);
    V signedIn = user.apply(file.user);
    Set<OrganizationName> elsewhere = names("$.onboardedElsewhere", file.onboardedElsewhere, field, names, name);
    List<A> accounts = each("$." + field, list.apply(file), EstateFiles.MAX_ORGANIZATIONS, field, kind, account);
    return new AccountFile<>(tenantId, signedIn, elsewhere, list.apply(file), accounts);
  }

  /** The value, when the rule finds nothing wrong with it; null when the file left it out. */
  final String checked(String path, Located<String> value, Function<String, Optional<String>> rule) {
    if (value == null) {
      return null;
    }
    Optional<String> problem = rule.apply(value.value());
    if (problem.isPresent()) {
      throw fail(path, value, problem.get());
    }
    return value.value();
  }

  final String guid(String path, Located<String> value, String what) {
    return checked(path, value, text -> EstateFileRules.guidProblem(what, text));
  }

  final TenantId tenantId(String path, Located<String> value) {
    try {
      return TenantId.parse(value.value());
    } catch (IllegalArgumentException e) {
      throw fail(path, value, e.getMessage());
    }
  }

  /** The platform whose rule names its top-level accounts. */
  final DevOpsPlatform platform() {
    return platform;
  }

  /** The name of a top-level account, by the rule of the reader's {@link #platform()}. */
  final OrganizationName organizationName(String path, Located<String> value) {
    Optional<String> problem = OrganizationName.problem(platform(), value.value());
    if (problem.isPresent()) {
      throw fail(path, value, problem.get());
    }
    return OrganizationName.parse(value.value());
  }

  /** The value named by the text, which must be one of {@code names}. */
  final <T> T oneOf(String path, Located<String> value, Optional<T> known, List<String> names) {
    return known.orElseThrow(() -> fail(path, value, quote(value.value()) + " is not one of "
        + String.join(", ", names)));
  }

  /** The keys that the elements of one list must not share, such as the names of an organization's projects. */
  final class Unique<K> {
    final Map<K, Integer> seen = new HashMap<>();
    private final String list;
    private final String what;
    private final String compared;

    /** For the list at {@code list}, whose elements' {@code what} (name, login) compare as {@code compared} says. */
    Unique(String list, String what, String compared) {
      this.list = list;
      this.what = what;
      this.compared = compared;
    }

    /** Notes the key of element {@code index}, given as {@code given}; fails at {@code path} if another has it. */
    K add(K key, int index, String path, Located<String> given) {
      Integer before = seen.putIfAbsent(key, index);
      if (before != null) {
        throw fail(path, given, quote(given.value()) + " is already the " + what + " of " + list + "[" + before
            + "] (" + compared + ")");
      }
      return key;
    }
  }

  /** What is read from one element of a list, given its path and index. */
  interface Element<D, T> {
    T read(String at, int index, Located<D> element);
  }

  /** Reads each element of a list that holds at most {@code max} of them. */
  final <D, T> List<T> each(String path, List<Located<D>> list, int max, String things, String holder,
      Element<D, T> element) {
    List<T> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      atMost(i + 1, max, at, list.get(i), things, holder);
      result.add(element.read(at, i, list.get(i)));
    }
    return result;
  }

  /**
   * A list of organization names or owner logins: at most {@link EstateFiles#MAX_ORGANIZATIONS}, none twice (names
   * compare ignoring case), each parsed by {@code parse}.
   */
  final Set<OrganizationName> names(String path, List<Located<String>> list, String things, String compared,
      BiFunction<String, Located<String>, OrganizationName> parse) {
    Map<OrganizationName, Integer> seen = new HashMap<>();
    return new LinkedHashSet<>(each(path, list, EstateFiles.MAX_ORGANIZATIONS, things, "the list", (at, i, text) -> {
      OrganizationName name = parse.apply(at, text);
      Integer before = seen.putIfAbsent(name, i);
      if (before != null) {
        throw fail(at, text, quote(name.value()) + " is listed twice (also at " + path + "[" + before + "]; "
            + compared + " compare ignoring case)");
      }
      return name;
    }));
  }

  /** Fails when {@code count} is over {@code max}: "more than 1,000 things; the holder holds at most 1,000". */
  final void atMost(long count, int max, String path, Located<?> at, String things, String holder) {
    if (count > max) {
      throw fail(path, at, "more than " + EstateFileRules.count(max) + " " + things + "; " + holder
          + " holds at most " + EstateFileRules.count(max));
    }
  }

  final void require(Object value, String path, Located<?> object, String why) {
    if (value == null) {
      throw fail(path, object, "is missing; " + why);
    }
  }

  final EstateFileException fail(String path, Located<?> at, String problem) {
    return new EstateFileException(path, problem, at == null ? -1 : at.line(), at == null ? -1 : at.column(), source);
  }
}
