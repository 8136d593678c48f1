package io.github.devopsconnector.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Enforces the line-coverage floors on the aggregated JaCoCo report of all library modules, and prints the
 * figures. Run by the build after {@code jacoco:report-aggregate}; fails when a floor is not met.
 *
 * <p>Arguments: the report path, then {@code <package-prefix>=<floor>} pairs, e.g.
 * {@code io/github/devopsconnector/core=0.85}.
 */
public final class CoverageGate {

  private CoverageGate() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws Exception {
    Path report = Path.of(args[0]);
    if (!Files.exists(report)) {
      throw new IllegalStateException("No aggregated coverage report at " + report);
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    Document document = factory.newDocumentBuilder().parse(report.toFile());

    Map<String, Double> floors = new LinkedHashMap<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      floors.put(pair[0], Double.parseDouble(pair[1]));
      totals.put(pair[0], new long[2]);
    }
    NodeList packages = document.getElementsByTagName("package");
    for (int i = 0; i < packages.getLength(); i++) {
      Element pkg = (Element) packages.item(i);
      long[] lines = lineCounter(pkg);
      String name = pkg.getAttribute("name");
      totals.forEach((prefix, total) -> {
        if (name.equals(prefix) || name.startsWith(prefix + "/")) {
          total[0] += lines[0];
          total[1] += lines[1];
        }
      });
    }
    boolean failed = false;
    for (Map.Entry<String, Double> floor : floors.entrySet()) {
      long[] counts = totals.get(floor.getKey());
      long lines = counts[0] + counts[1];
      double ratio = lines == 0 ? 0 : (double) counts[1] / lines;
      boolean ok = lines > 0 && ratio >= floor.getValue();
      failed |= !ok;
      System.out.printf("coverage: %s lines=%d covered=%.1f%% floor=%.0f%% %s%n", floor.getKey().replace('/', '.'),
          lines, ratio * 100, floor.getValue() * 100, ok ? "ok" : "BELOW FLOOR");
    }
    if (failed) {
      throw new IllegalStateException("Line coverage is below a floor; see the figures above.");
    }
  }

  /** Missed and covered lines of a package: its own {@code counter} children, not its classes'. */
  private static long[] lineCounter(Element pkg) {
    for (Node child = pkg.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element && "counter".equals(child.getNodeName())
          && "LINE".equals(((Element) child).getAttribute("type"))) {
        Element counter = (Element) child;
        return new long[] {Long.parseLong(counter.getAttribute("missed")), Long.parseLong(counter.getAttribute("covered"))};
      }
    }
    return new long[2];
  }
}
