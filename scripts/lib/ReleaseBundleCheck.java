import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks that a staged release bundle holds what Maven Central requires for every module the build publishes
 * (https://central.sonatype.org/publish/requirements/): for each file, .md5 and .sha1 checksums that match (and
 * .sha256/.sha512 if present), and an .asc signature when signing is expected; for a jar, its sources and javadoc
 * jars; a POM with groupId, artifactId, version, name, description, url, licenses, developers and scm (inherited
 * from a parent that is in the bundle too); and this project's own rules: a CycloneDX SBOM (JSON and XML) per
 * module whose components all have a version and a license, every staged file byte-identical to what the build
 * produced, and every artifact a BOM manages staged as well.
 *
 * <p>Usage: {@code java ReleaseBundleCheck.java <buildinfo> <staging directory> [--signed]}. The modules and their
 * files come from the build's buildinfo (maven-artifact-plugin): the modules that are neither install- nor
 * deploy-skipped. Exit status 1 when anything is missing or wrong.
 */
public final class ReleaseBundleCheck {

  private final Path staging;
  private final boolean signed;
  private final List<String> problems = new ArrayList<>();

  private ReleaseBundleCheck(Path staging, boolean signed) {
    this.staging = staging;
    this.signed = signed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--signed"))) {
      System.err.println("usage: ReleaseBundleCheck <buildinfo> <staging directory> [--signed]");
      System.exit(2);
    }
    Properties buildinfo = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      buildinfo.load(in);
    }
    ReleaseBundleCheck check = new ReleaseBundleCheck(Path.of(args[1]), args.length == 3);
    check.run(buildinfo);
    if (!check.problems.isEmpty()) {
      System.err.println("RELEASE BUNDLE INCOMPLETE: " + check.problems.size() + " problem(s) in " + args[1] + ":");
      check.problems.forEach(problem -> System.err.println("  " + problem));
      System.exit(1);
    }
    System.out.println("release bundle complete: " + args[1]);
  }

  private void run(Properties buildinfo) throws Exception {
    String groupId = buildinfo.getProperty("group-id");
    String version = buildinfo.getProperty("version");
    if (version.endsWith("-SNAPSHOT")) {
      problems.add("version " + version + " is a SNAPSHOT: Maven Central publishes releases only");
    }
    Map<String, Map<String, String>> modules = new LinkedHashMap<>();
    // a build of one module lists its files as outputs.<file>.*, of several as outputs.<module>.<file>.*
    Map<String, String> single = new LinkedHashMap<>();
    for (int f = 0; buildinfo.containsKey("outputs." + f + ".filename"); f++) {
      single.put(buildinfo.getProperty("outputs." + f + ".filename"),
          buildinfo.getProperty("outputs." + f + ".checksums.sha512"));
    }
    if (!single.isEmpty()) {
      modules.put(buildinfo.getProperty("artifact-id"), single);
    }
    for (int m = 0; buildinfo.containsKey("outputs." + m + ".coordinates"); m++) {
      String artifactId = buildinfo.getProperty("outputs." + m + ".coordinates").split(":")[1];
      Map<String, String> files = new LinkedHashMap<>();
      for (int f = 0; buildinfo.containsKey("outputs." + m + "." + f + ".filename"); f++) {
        files.put(buildinfo.getProperty("outputs." + m + "." + f + ".filename"),
            buildinfo.getProperty("outputs." + m + "." + f + ".checksums.sha512"));
      }
      modules.put(artifactId, files);
    }
    if (modules.isEmpty()) {
      problems.add("the buildinfo lists no published module");
    }
    for (Map.Entry<String, Map<String, String>> module : modules.entrySet()) {
      checkModule(groupId, module.getKey(), version, module.getValue());
    }
    checkBoms(groupId, version, modules);
  }

  private Path moduleDir(String groupId, String artifactId, String version) {
    return staging.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
  }

  private void checkModule(String groupId, String artifactId, String version, Map<String, String> built)
      throws Exception {
    Path dir = moduleDir(groupId, artifactId, version);
    String base = artifactId + "-" + version;
    List<String> kinds = new ArrayList<>();
    int before = problems.size();

    for (Map.Entry<String, String> file : built.entrySet()) {
      Path staged = dir.resolve(file.getKey());
      if (!Files.isRegularFile(staged)) {
        problems.add(artifactId + ": " + file.getKey() + " missing from " + dir);
        continue;
      }
      byte[] content = Files.readAllBytes(staged);
      if (!hex("SHA-512", content).equals(file.getValue())) {
        problems.add(artifactId + ": " + file.getKey() + " is not the file the build produced (sha512 differs)");
      }
      checkChecksums(artifactId, staged, content);
      if (signed && !Files.isRegularFile(dir.resolve(file.getKey() + ".asc"))) {
        problems.add(artifactId + ": " + file.getKey() + ".asc (signature) missing");
      }
      kinds.add(file.getKey().substring(base.length()).replaceFirst("^-", ""));
    }

    Path pom = dir.resolve(base + ".pom");
    if (!built.containsKey(base + ".pom")) {
      problems.add(artifactId + ": the build publishes no POM " + base + ".pom");
    } else if (Files.isRegularFile(pom)) {
      checkPom(groupId, artifactId, version, pom);
    }
    // Central: a jar comes with its sources and javadoc jars.
    if (built.containsKey(base + ".jar")) {
      checkJar(artifactId, dir.resolve(base + "-sources.jar"), ".java", "sources jar");
      checkJar(artifactId, dir.resolve(base + "-javadoc.jar"), "index.html", "javadoc jar");
    }
    // This project: an SBOM per published module.
    for (String format : List.of("json", "xml")) {
      if (!built.containsKey(base + "-cyclonedx." + format)) {
        problems.add(artifactId + ": no CycloneDX SBOM " + base + "-cyclonedx." + format);
      }
    }
    Path sbom = dir.resolve(base + "-cyclonedx.xml");
    if (Files.isRegularFile(sbom)) {
      checkSbom(artifactId, sbom);
    }
    if (problems.size() == before) {
      System.out.println("  " + groupId + ":" + artifactId + ":" + version + "  " + String.join(", ", kinds)
          + "  (checksums md5, sha1" + (signed ? ", signatures" : "") + "; POM metadata complete)");
    }
  }

  private void checkChecksums(String artifactId, Path file, byte[] content) throws Exception {
    Map<String, String> algorithms = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");
    for (Map.Entry<String, String> algorithm : algorithms.entrySet()) {
      Path checksum = Path.of(file + "." + algorithm.getKey());
      boolean required = algorithm.getKey().equals("md5") || algorithm.getKey().equals("sha1");
      if (!Files.isRegularFile(checksum)) {
        if (required) {
          problems.add(artifactId + ": " + checksum.getFileName() + " (checksum) missing");
        }
        continue;
      }
      String recorded = Files.readString(checksum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
      if (!recorded.equalsIgnoreCase(hex(algorithm.getValue(), content))) {
        problems.add(artifactId + ": " + checksum.getFileName() + " does not match the file");
      }
    }
  }

  private void checkJar(String artifactId, Path jar, String expectedEntry, String what) {
    if (!Files.isRegularFile(jar)) {
      problems.add(artifactId + ": " + what + " " + jar.getFileName() + " missing (Maven Central requires it)");
      return;
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.stream().noneMatch(entry -> entry.getName().endsWith(expectedEntry))) {
        problems.add(artifactId + ": " + what + " " + jar.getFileName() + " has no " + expectedEntry);
      }
    } catch (IOException e) {
      problems.add(artifactId + ": " + what + " " + jar.getFileName() + " is not a readable jar: " + e.getMessage());
    }
  }

  /** The POM elements Central requires, each either in the POM or inherited from a parent staged in the bundle. */
  private void checkPom(String groupId, String artifactId, String version, Path pom) throws Exception {
    List<Element> lineage = new ArrayList<>();
    Element project = parse(pom);
    lineage.add(project);
    for (Element parent = child(project, "parent"); parent != null; ) {
      Path parentPom = moduleDir(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"))
          .resolve(text(parent, "artifactId") + "-" + text(parent, "version") + ".pom");
      if (!Files.isRegularFile(parentPom)) {
        problems.add(artifactId + ": parent POM " + parentPom.getFileName() + " is not in the bundle");
        break;
      }
      Element parentProject = parse(parentPom);
      lineage.add(parentProject);
      parent = child(parentProject, "parent");
    }
    String pomGroupId = firstText(lineage, "groupId", true);
    if (!groupId.equals(pomGroupId) || !artifactId.equals(text(project, "artifactId"))
        || !version.equals(firstText(lineage, "version", true))) {
      problems.add(artifactId + ": the POM's coordinates " + pomGroupId + ":" + text(project, "artifactId") + ":"
          + firstText(lineage, "version", true) + " do not match where it is staged");
    }
    // Each module names and describes itself; the project URL may come from the parent.
    for (String element : List.of("name", "description")) {
      if (blank(text(project, element))) {
        problems.add(artifactId + ": POM has no <" + element + ">");
      }
    }
    String url = firstText(lineage, "url", false);
    if (blank(url) || url.contains("${")) {
      problems.add(artifactId + ": POM has no <url> (or an uninterpolated one: " + url + ")");
    }
    Element licenses = firstChild(lineage, "licenses");
    if (licenses == null || children(licenses, "license").isEmpty()) {
      problems.add(artifactId + ": POM has no <licenses>");
    } else {
      for (Element license : children(licenses, "license")) {
        if (blank(text(license, "name")) || blank(text(license, "url"))) {
          problems.add(artifactId + ": a <license> lacks its <name> or <url>");
        }
      }
    }
    Element developers = firstChild(lineage, "developers");
    if (developers == null || children(developers, "developer").isEmpty()) {
      problems.add(artifactId + ": POM has no <developers>");
    } else {
      for (Element developer : children(developers, "developer")) {
        if (blank(text(developer, "name"))) {
          problems.add(artifactId + ": a <developer> lacks its <name>");
        }
      }
    }
    Element scm = firstChild(lineage, "scm");
    if (scm == null || blank(text(scm, "url")) || blank(text(scm, "connection"))) {
      problems.add(artifactId + ": POM has no <scm> with <url> and <connection>");
    }
  }

  /** Every component of the SBOM has a version and at least one license. */
  private void checkSbom(String artifactId, Path sbom) throws Exception {
    Element bom = parse(sbom);
    Element components = child(bom, "components");
    if (components == null) {
      return; // a module without dependencies
    }
    for (Element component : children(components, "component")) {
      String name = text(component, "group") + ":" + text(component, "name");
      if (blank(text(component, "version"))) {
        problems.add(artifactId + ": SBOM component " + name + " has no version");
      }
      Element licenses = child(component, "licenses");
      if (licenses == null || licenses.getElementsByTagNameNS("*", "license").getLength() == 0
          && licenses.getElementsByTagNameNS("*", "expression").getLength() == 0) {
        problems.add(artifactId + ": SBOM component " + name + " has no license");
      }
    }
  }

  /** Every artifact of this group that a staged BOM (an artifact named *-bom) manages is in the bundle. */
  private void checkBoms(String groupId, String version, Map<String, Map<String, String>> modules) throws Exception {
    for (String artifactId : modules.keySet()) {
      if (!artifactId.endsWith("-bom")) {
        continue;
      }
      Path pom = moduleDir(groupId, artifactId, version).resolve(artifactId + "-" + version + ".pom");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      Element management = child(parse(pom), "dependencyManagement");
      Element dependencies = management == null ? null : child(management, "dependencies");
      if (dependencies == null) {
        continue;
      }
      for (Element dependency : children(dependencies, "dependency")) {
        String managed = text(dependency, "artifactId");
        if (groupId.equals(text(dependency, "groupId")) && !modules.containsKey(managed)) {
          problems.add(artifactId + " manages " + groupId + ":" + managed + ", which the bundle does not contain");
        }
      }
    }
  }

  private static Element parse(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new File(xml.toString())).getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element && name.equals(node.getLocalName())) {
        result.add((Element) node);
      }
    }
    return result;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  private static Element firstChild(List<Element> lineage, String name) {
    for (Element project : lineage) {
      Element found = child(project, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String firstText(List<Element> lineage, String name, boolean orParentReference) {
    for (Element project : lineage) {
      String found = text(project, name);
      if (!blank(found)) {
        return found;
      }
      Element parent = child(project, "parent");
      if (orParentReference && parent != null && !blank(text(parent, name))) {
        return text(parent, name);
      }
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String hex(String algorithm, byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
  }
}
