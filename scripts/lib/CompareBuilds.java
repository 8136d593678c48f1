import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compares the published files of two builds of the same sources, byte for byte.
 *
 * <p>Usage: {@code java CompareBuilds.java <tree A> <tree B>}, where each tree is a source tree built with
 * {@code mvn package artifact:buildinfo}. The files compared are those maven-artifact-plugin's buildinfo lists
 * (every attached file of every module that is neither install- nor deploy-skipped: POMs, jars, sources and javadoc
 * jars, SBOMs); their checksums are computed anew from the files, so a file changed after the build counts too. For
 * a jar that differs, the entries that differ are named. Exit status 1 when anything differs.
 */
public final class CompareBuilds {

  private CompareBuilds() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CompareBuilds <tree A> <tree B>");
      System.exit(2);
    }
    Path treeA = Path.of(args[0]);
    Path treeB = Path.of(args[1]);
    Map<String, String> filesA = publishedFiles(treeA);
    Map<String, String> filesB = publishedFiles(treeB);

    List<String> problems = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(filesA.keySet());
    names.addAll(filesB.keySet());
    int identical = 0;
    for (String name : names) {
      if (!filesA.containsKey(name) || !filesB.containsKey(name)) {
        problems.add(name + ": only in build " + (filesA.containsKey(name) ? "A" : "B"));
        continue;
      }
      Path a = locate(treeA, filesA.get(name), name);
      Path b = locate(treeB, filesB.get(name), name);
      if (a == null || b == null) {
        problems.add(name + ": listed by the buildinfo but not found in build " + (a == null ? "A" : "B"));
        continue;
      }
      String shaA = sha512(a);
      String shaB = sha512(b);
      if (shaA.equals(shaB)) {
        identical++;
        System.out.println("  identical  " + name + "  sha512:" + shaA.substring(0, 16) + "…");
      } else {
        problems.add(name + ": differs\n      A: " + a + "\n      B: " + b + explainDifference(a, b));
      }
    }
    if (problems.isEmpty()) {
      System.out.println(identical + " published files, byte-identical in both builds");
      return;
    }
    System.err.println("NOT REPRODUCIBLE: " + problems.size() + " of " + names.size() + " published files differ:");
    problems.forEach(problem -> System.err.println("  " + problem));
    System.err.println("Something in the build depends on the time, the path, the machine or an unordered"
        + " collection. Compare the files with diffoscope, or unzip both and diff.");
    System.exit(1);
  }

  /** File name to module artifactId, for every file the buildinfo in the tree's target directory lists. */
  private static Map<String, String> publishedFiles(Path tree) throws IOException {
    // The buildinfo is written next to the reactor's last module's aggregate: target/ of the root, or of the one
    // module built.
    Path buildinfo;
    try (Stream<Path> files = Files.walk(tree, 3)) {
      buildinfo = files.filter(file -> file.toString().endsWith(".buildinfo")
              && file.getParent().getFileName().toString().equals("target"))
          .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()))
          .orElseThrow(() -> new IllegalStateException("no target/*.buildinfo in " + tree
              + ": was it built with artifact:buildinfo?"));
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(buildinfo)) {
      properties.load(in);
    }
    Map<String, String> result = new LinkedHashMap<>();
    // a build of one module lists its files as outputs.<file>.*, of several as outputs.<module>.<file>.*
    for (int file = 0; properties.containsKey("outputs." + file + ".filename"); file++) {
      result.put(properties.getProperty("outputs." + file + ".filename"), properties.getProperty("artifact-id"));
    }
    for (int module = 0; properties.containsKey("outputs." + module + ".coordinates"); module++) {
      String artifactId = properties.getProperty("outputs." + module + ".coordinates").split(":")[1];
      for (int file = 0; properties.containsKey("outputs." + module + "." + file + ".filename"); file++) {
        result.put(properties.getProperty("outputs." + module + "." + file + ".filename"), artifactId);
      }
    }
    if (result.isEmpty()) {
      throw new IllegalStateException(buildinfo + " lists no published file");
    }
    return result;
  }

  /** Where the build left a file: the module's target directory (the POM is the module's pom.xml). */
  private static Path locate(Path tree, String artifactId, String name) throws IOException {
    try (Stream<Path> paths = Files.walk(tree, 3)) {
      List<Path> candidates = paths
          .filter(path -> path.getFileName().toString().equals(name)
              && path.getParent().getFileName().toString().equals("target"))
          .toList();
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
    }
    if (name.endsWith(".pom")) {
      Path module = tree.resolve(artifactId).resolve("pom.xml");
      Path root = tree.resolve("pom.xml");
      return Files.isRegularFile(module) ? module : Files.isRegularFile(root) ? root : null;
    }
    return null;
  }

  private static String sha512(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
  }

  private static String explainDifference(Path a, Path b) {
    if (!a.toString().endsWith(".jar")) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    try (ZipFile zipA = new ZipFile(a.toFile()); ZipFile zipB = new ZipFile(b.toFile())) {
      Map<String, ZipEntry> entriesB = new LinkedHashMap<>();
      zipB.stream().forEach(entry -> entriesB.put(entry.getName(), entry));
      List<String> namesA = new ArrayList<>();
      zipA.stream().forEach(entry -> namesA.add(entry.getName()));
      List<String> namesB = new ArrayList<>(entriesB.keySet());
      if (!namesA.equals(namesB)) {
        out.append("\n      the entries or their order differ");
      }
      int shown = 0;
      for (ZipEntry entryA : zipA.stream().toList()) {
        ZipEntry entryB = entriesB.get(entryA.getName());
        String why = entryB == null ? "only in A"
            : entryA.getCrc() != entryB.getCrc() ? "content differs"
            : entryA.getTime() != entryB.getTime() ? "timestamp differs"
            : null;
        if (why != null && shown++ < 10) {
          out.append("\n      ").append(entryA.getName()).append(": ").append(why);
        }
      }
      for (String name : namesB) {
        if (zipA.getEntry(name) == null && shown++ < 10) {
          out.append("\n      ").append(name).append(": only in B");
        }
      }
      if (shown > 10) {
        out.append("\n      … and ").append(shown - 10).append(" more entries");
      }
      if (shown == 0 && namesA.equals(namesB)) {
        out.append("\n      the entries are equal: the difference is in the zip structure (comments, extra fields,"
            + " compression)");
      }
    } catch (IOException e) {
      out.append("\n      (cannot read as a zip: ").append(e.getMessage()).append(")");
    }
    return out.toString();
  }
}
