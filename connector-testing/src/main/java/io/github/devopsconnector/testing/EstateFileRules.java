package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.internal.MessageText;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The value rules of estate files, shared by reading (which reports them with a position) and writing (which refuses
 * an estate that would not read back). Each rule returns what is wrong, or nothing.
 */
final class EstateFileRules {

  static final int MAX_PROJECT_NAME = 64;
  static final int MAX_REPOSITORY_NAME = 64;
  static final int MAX_PIPELINE_NAME = 255;
  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_EMAIL = 256;
  static final int MAX_BRANCH = 255;
  static final long MAX_PIPELINE_ID = Integer.MAX_VALUE;

  static final List<String> ACCESS_LEVELS =
      List.of("basic", "basicPlusTestPlans", "visualStudioSubscriber", "stakeholder", "none");
  static final List<String> OAUTH_STATES = List.of("on", "off", "unknown");


  private EstateFileRules() {}

  static String accessLevelName(AccessLevel level) {
    switch (level) {
      case BASIC:
        return "basic";
      case BASIC_PLUS_TEST_PLANS:
        return "basicPlusTestPlans";
      case VISUAL_STUDIO_SUBSCRIBER:
        return "visualStudioSubscriber";
      case STAKEHOLDER:
        return "stakeholder";
      default:
        return "none";
    }
  }

  static Optional<AccessLevel> accessLevel(String text) {
    for (AccessLevel level : AccessLevel.values()) {
      if (accessLevelName(level).equals(text)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  static String oauthName(OAuthAppAccess access) {
    return access.name().toLowerCase(Locale.ROOT);
  }

  static Optional<OAuthAppAccess> oauth(String text) {
    for (OAuthAppAccess access : OAuthAppAccess.values()) {
      if (oauthName(access).equals(text)) {
        return Optional.of(access);
      }
    }
    return Optional.empty();
  }

  /** A GUID: 8-4-4-4-12 hexadecimal digits. */
  static Optional<String> guidProblem(String what, String text) {
    boolean ok = text.length() == 36;
    for (int i = 0; ok && i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      ok = dash ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    return ok
        ? Optional.empty()
        : Optional.of(quote(text) + " is not a GUID; " + what + " looks like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx "
            + "(hexadecimal digits)");
  }

  static Optional<String> projectNameProblem(String name) {
    return nameProblem("a project name", name, MAX_PROJECT_NAME);
  }

  static Optional<String> repositoryNameProblem(String name) {
    return nameProblem("a repository name", name, MAX_REPOSITORY_NAME);
  }

  static Optional<String> pipelineNameProblem(String name) {
    return nameProblem("a pipeline name", name, MAX_PIPELINE_NAME);
  }

  /**
   * The names the REST API accepts for projects, repositories and pipelines. Microsoft's naming-restrictions page
   * (learn.microsoft.com/azure/devops/organizations/settings/naming-restrictions) lists more rules (no
   * {@code \\ / : * ? " < > ; # $ { } , + = [ ] |}, no leading underscore, no leading or trailing period), but
   * says "When you use the Azure DevOps APIs rather than the user interface (UI), you can directly specify a name
   * that might include characters restricted in the UI": those are the UI's rules, and real estates hold names that
   * break them, such as a pipeline named {@code nightly #2}. What applies to every name, through the API too, is the
   * page's general rule ("ASCII control characters 1-31 and surrogate combinations aren't allowed") and its length
   * limits (64 characters for projects and repositories, 255 for pipelines); a name also has to be there.
   */
  private static Optional<String> nameProblem(String what, String name, int max) {
    if (name.isEmpty()) {
      return Optional.of("is empty; " + what + " has 1 to " + max + " characters");
    }
    if (name.length() > max) {
      return Optional.of(quote(name) + " is too long: " + what + " has at most " + max + " characters");
    }
    if (name.isBlank()) {
      return Optional.of(quote(name) + " is only white space; " + what + " needs a visible character");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        return Optional.of(quote(name) + " has a character " + what + " may not have at position " + (i + 1)
            + " (Azure DevOps refuses control characters and surrogate pairs in names)");
      }
    }
    return Optional.empty();
  }

  static Optional<String> displayNameProblem(String name) {
    if (name.isBlank()) {
      return Optional.of("is empty; the display name has 1 to " + MAX_DISPLAY_NAME + " characters");
    }
    if (name.length() > MAX_DISPLAY_NAME) {
      return Optional.of(quote(name) + " is too long: the display name has at most " + MAX_DISPLAY_NAME + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return Optional.of(quote(name) + " has a control character at position " + (i + 1));
      }
    }
    return Optional.empty();
  }

  static Optional<String> emailProblem(String email) {
    if (email.length() > MAX_EMAIL) {
      return Optional.of(quote(email) + " is too long: an e-mail address has at most " + MAX_EMAIL + " characters");
    }
    int at = email.indexOf('@');
    boolean ok = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
    for (int i = 0; ok && i < email.length(); i++) {
      char c = email.charAt(i);
      ok = c > 0x20 && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c);
    }
    return ok
        ? Optional.empty()
        : Optional.of(quote(email) + " is not an e-mail address (name@domain, no spaces)");
  }

  /** A Git branch ref under {@code refs/heads/}, with the characters Git refuses in ref names left out. */
  static Optional<String> branchProblem(String ref) {
    if (ref.equals(EstateFiles.DEFAULT_BRANCH)) {
      return Optional.empty();
    }
    String prefix = "refs/heads/";
    if (!ref.startsWith(prefix) || ref.length() == prefix.length()) {
      return Optional.of(quote(ref) + " is not a branch ref; write it in full, such as \"refs/heads/main\"");
    }
    if (ref.length() > MAX_BRANCH) {
      return Optional.of(quote(ref) + " is too long: a branch ref has at most " + MAX_BRANCH + " characters");
    }
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c <= 0x20 || c == 0x7f || Character.isISOControl(c) || "~^:?*[\\".indexOf(c) >= 0) {
        return Optional.of(quote(ref) + " has a character Git does not allow in a ref at position " + (i + 1));
      }
    }
    if (ref.contains("..") || ref.contains("//") || ref.endsWith("/") || ref.endsWith(".") || ref.endsWith(".lock")
        || ref.contains("@{")) {
      return Optional.of(quote(ref) + " is not a valid Git ref name");
    }
    return Optional.empty();
  }

  /** The input in quotes, for messages; see {@link MessageText#quote(String)}. */
  static String quote(String raw) {
    return MessageText.quote(raw);
  }

  /** The known name closest to an unknown one, when it is close enough to be a typo. */
  static Optional<String> suggestion(String unknown, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = candidate.equalsIgnoreCase(unknown) ? 0 : distance(unknown, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= 2 && unknown.length() < 100 ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** A count for messages, with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
