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

  EstateFileChecks(String source) {
    this.source = source;
  }

  /** The {@code platform} of each kind of estate file, with its name and the suffix of its reader in EstateFiles. */
  enum Platform {
    AZURE_DEVOPS(EstateFileReader.AZURE_DEVOPS, "Azure DevOps", ""),
    GITHUB(GitHubEstateFileReader.GITHUB, "GitHub", "GitHub"),
    GITLAB(GitLabEstateFileReader.GITLAB, "GitLab", "GitLab");

    final String value;
    final String display;
    final String reader;

    Platform(String value, String display, String reader) {
      this.value = value;
      this.display = display;
      this.reader = reader;
    }

    /** The platform of this {@code platform} value, if it is one. */
    static Optional<Platform> of(String value) {
      return java.util.Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }

    /** The public platform. */
    DevOpsPlatform devOpsPlatform() {
      return DevOpsPlatform.values()[ordinal()];
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
        throw new EstateJson.Refusal("this is " + (other.get() == AZURE_DEVOPS ? "an " : "a ") + other.get().display
            + " estate file; read it with EstateFiles.read" + other.get().reader + "(...) or EstateFiles.parse"
            + other.get().reader + "(...)", given);
      }
      throw new EstateJson.Refusal("the platform of " + (this == AZURE_DEVOPS ? "an " : "a ") + display
          + " estate file is \"" + value + "\"" + (this == AZURE_DEVOPS ? " (the default)" : "") + "; the platforms "
          + "are " + java.util.Arrays.stream(values()).map(p -> "\"" + p.value + "\"")
              .collect(java.util.stream.Collectors.joining(", ")) + ", not " + quote(given.value()), given);
    }
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

  /** The platform whose rule names its top-level accounts; Azure DevOps unless a reader says otherwise. */
  DevOpsPlatform platform() {
    return DevOpsPlatform.AZURE_DEVOPS;
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
