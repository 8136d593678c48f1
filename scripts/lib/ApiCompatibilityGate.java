import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Fails the build when a module's public API changed incompatibly since its API baseline and the version does not
 * allow it. Reads the XML report of japicmp (which compared the module's jar with the baseline jar); an incompatible
 * change is one that japicmp marks binary or source incompatible. Semantic versioning decides what is allowed: a new
 * major version may break the API; while the major version is 0, a new minor version may too.
 *
 * <p>Usage: {@code java ApiCompatibilityGate.java <artifactId> <version> <baseline version> <japicmp xml report>}.
 * Run by the root pom's api-compatibility profile; exit status 1 on an incompatible change that is not allowed.
 */
public final class ApiCompatibilityGate {

  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

  private ApiCompatibilityGate() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: ApiCompatibilityGate <artifactId> <version> <baseline version> <japicmp xml report>");
      System.exit(2);
    }
    String artifactId = args[0];
    String version = args[1];
    String baselineVersion = args[2];
    File report = new File(args[3]);
    if (!report.isFile()) {
      System.err.println("[api] " + artifactId + ": no japicmp report at " + report + "; did japicmp run?");
      System.exit(2);
    }

    List<String> incompatible = incompatibleChanges(report);
    if (incompatible.isEmpty()) {
      System.out.println("[api] " + artifactId + " " + version + ": API compatible with the baseline "
          + baselineVersion + " (binary and source)");
      return;
    }
    if (breakingChangeAllowed(version, baselineVersion)) {
      System.out.println("[api] " + artifactId + " " + version + ": " + incompatible.size()
          + " incompatible API change(s) since " + baselineVersion + ", allowed by the new version:");
      incompatible.forEach(change -> System.out.println("[api]   " + change));
      return;
    }
    System.err.println("[api] " + artifactId + " " + version + ": " + incompatible.size()
        + " incompatible API change(s) since the API baseline " + baselineVersion + ":");
    incompatible.forEach(change -> System.err.println("[api]   " + change));
    System.err.println("[api] Users compiled against " + baselineVersion + " would break. Either keep the API"
        + " compatible (add instead of change or remove; deprecate first), or, if the change is deliberate:");
    System.err.println("[api]   - after a release, raise the version's "
        + (major(baselineVersion) == 0 ? "minor (while 0.x)" : "major") + " number;");
    System.err.println("[api]   - before the first release, or for a change that is already versioned, record"
        + " the API anew: scripts/update-api-baseline, then commit */api-baseline and pom.xml;");
    System.err.println("[api]   and record the change in CHANGELOG.md under \"### Changed\" or \"### Removed\".");
    System.err.println("[api] Full report: " + report.getParent());
    System.exit(1);
  }

  /** A new major version may break the API; while the major version is 0, a new minor version may too. */
  static boolean breakingChangeAllowed(String version, String baselineVersion) {
    int major = major(version);
    int baselineMajor = major(baselineVersion);
    if (major < 0 || baselineMajor < 0) {
      return false;
    }
    if (major != baselineMajor) {
      return major > baselineMajor;
    }
    return major == 0 && minor(version) > minor(baselineVersion);
  }

  private static int major(String version) {
    Matcher matcher = MAJOR_MINOR.matcher(version);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static int minor(String version) {
    Matcher matcher = MAJOR_MINOR.matcher(version);
    return matcher.find() ? Integer.parseInt(matcher.group(2)) : -1;
  }

  /** Every change japicmp marks binary or source incompatible, with the class and member it is about. */
  static List<String> incompatibleChanges(File report) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(report).getDocumentElement();
    NodeList changes = root.getElementsByTagName("compatibilityChange");
    List<String> result = new ArrayList<>();
    for (int i = 0; i < changes.getLength(); i++) {
      Element change = (Element) changes.item(i);
      boolean binary = !"false".equals(change.getAttribute("binaryCompatible"));
      boolean source = !"false".equals(change.getAttribute("sourceCompatible"));
      if (binary && source) {
        continue;
      }
      String breaks = !binary && !source ? "binary and source incompatible"
          : !binary ? "binary incompatible" : "source incompatible";
      result.add(location(change) + ": " + change.getAttribute("type") + " (" + breaks + ")");
    }
    return result;
  }

  private static String location(Element change) {
    String member = null;
    for (Node node = change.getParentNode(); node instanceof Element; node = node.getParentNode()) {
      Element element = (Element) node;
      switch (element.getTagName()) {
        case "method":
        case "field":
        case "constructor":
        case "annotation":
          if (member == null) {
            member = element.getTagName() + " " + element.getAttribute(
                element.hasAttribute("fullyQualifiedName") ? "fullyQualifiedName" : "name");
          }
          break;
        case "class":
          String type = element.getAttribute("fullyQualifiedName");
          return member == null ? type : type + " " + member;
        default:
          break;
      }
    }
    return member == null ? "?" : member;
  }
}
