package io.github.devopsconnector.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.examples.console.ProgressBar;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's text helpers: tables, wrapping, shortened ARM paths, the progress line. */
class TextOutputTest {

  @Test
  void tableAlignsColumnsAndRightAlignsNumbers() {
    String text = print(TextTable.of("NAME", "COUNT").framed().alignRight(1).row("fabrikam", 7).row("northwind", 12).separator()
        .row("total", 19));
    assertThat(text.lines()).containsExactly(
        "  NAME       COUNT",
        "  ---------  -----",
        "  fabrikam       7",
        "  northwind     12",
        "  ---------  -----",
        "  total         19");
  }

  @Test
  void wrapKeepsLinesWithinTheWidthAndIndentsContinuations() {
    String word = "word ";
    assertThat(Printer.wrap(word.repeat(60).trim(), "  ", "    ")).allSatisfy(line ->
        assertThat(line.length()).isLessThanOrEqualTo(Printer.WIDTH)).first().asString().startsWith("  word");
    assertThat(Printer.wrap(word.repeat(60).trim(), "  ", "    ")).element(1).asString().startsWith("    word");
    assertThat(Printer.wrap("short", "", "")).containsExactly("short");
  }

  @Test
  void armPathsAreShownRelativeToTheConnector() {
    String connector = "/subscriptions/8b090c71-cfba-494d-87a6-e10b321a0d98/resourceGroups/security-rg/providers/"
        + "Microsoft.Security/securityConnectors/ado-connector-demo";
    assertThat(WireTap.shorten(connector)).isEqualTo("{connector}");
    assertThat(WireTap.shorten(connector + "/devops/default/operationResults/13e2a8f7-1111-2222-3333-444455556666"))
        .isEqualTo("{connector}/devops/default/operationResults/13e2a8f7...");
  }

  @Test
  void progressLineFillsWithTheWorkDone() {
    assertThat(ProgressBar.detailedLine(0, 0, 5, 0, 0, 0, 0, 2)).startsWith("  [............] 0/5 orgs");
    assertThat(ProgressBar.detailedLine(0.5, 2, 5, 3, 7, 4, 2, 9)).startsWith("  [######......] 2/5 orgs, 3/7 projects");
    assertThat(ProgressBar.detailedLine(1, 5, 5, 7, 7, 13, 8, 19))
        .isEqualTo("  [############] 5/5 orgs, 7/7 projects, 13 repos, 8 pipelines, 19 requests");
  }

  private static String print(TextTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      table.print(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
