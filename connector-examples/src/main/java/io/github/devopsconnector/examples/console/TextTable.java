package io.github.devopsconnector.examples.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: a header row, then the rows, each column padded to its widest cell (numbers aligned right
 * where {@link #alignRight(int...)} says so) and two spaces between columns; trailing spaces are dropped. Cells are
 * made {@link Printable}, so that a name or a server's message cannot break the layout or the terminal.
 * {@link #framed()} gives the demo's look: indented by two spaces, with a rule under the header.
 */
public final class TextTable {

  private static final String GAP = "  ";

  private final String[] headers;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> rulesBefore = new ArrayList<>();
  private String indent = "";
  private boolean ruledHeader;

  private TextTable(String[] headers) {
    this.headers = headers.clone();
    this.rightAligned = new boolean[headers.length];
  }

  /** A table with these column headers. */
  public static TextTable of(String... headers) {
    return new TextTable(headers);
  }

  /** Indents the table by two spaces and draws a rule under the header. */
  public TextTable framed() {
    this.indent = "  ";
    this.ruledHeader = true;
    return this;
  }

  /** Aligns these columns (0-based) to the right, for numbers. */
  public TextTable alignRight(int... columns) {
    for (int column : columns) {
      rightAligned[column] = true;
    }
    return this;
  }

  /** Adds a row; missing and {@code null} cells are empty, others are printed as {@link String#valueOf(Object)}. */
  public TextTable row(Object... cells) {
    String[] row = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      row[i] = i < cells.length && cells[i] != null ? Printable.line(String.valueOf(cells[i])) : "";
    }
    rows.add(row);
    return this;
  }

  /** Draws a rule under the rows so far (before a totals row, say). */
  public TextTable separator() {
    rulesBefore.add(rows.size());
    return this;
  }

  /** Prints the table. */
  public void print(PrintStream out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println(line(headers, widths));
    if (ruledHeader) {
      out.println(rule(widths));
    }
    for (int r = 0; r < rows.size(); r++) {
      if (rulesBefore.contains(r)) {
        out.println(rule(widths));
      }
      out.println(line(rows.get(r), widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder(indent);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(GAP);
      }
      String padding = " ".repeat(widths[i] - cells[i].length());
      text.append(rightAligned[i] ? padding + cells[i] : cells[i] + padding);
    }
    return text.toString().stripTrailing();
  }

  private String rule(int[] widths) {
    StringBuilder text = new StringBuilder(indent);
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        text.append(GAP);
      }
      text.append("-".repeat(widths[i]));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "TextTable" + Arrays.toString(headers) + " with " + rows.size() + " rows";
  }
}
