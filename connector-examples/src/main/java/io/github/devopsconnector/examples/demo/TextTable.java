package io.github.devopsconnector.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with aligned columns; columns whose header starts with {@code #} are right-aligned numbers. */
final class TextTable {

  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> separatorsBefore = new ArrayList<>();

  private TextTable(String... headers) {
    this.headers = new String[headers.length];
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith("#");
      this.headers[i] = right[i] ? headers[i].substring(1) : headers[i];
    }
  }

  /** A table with these column headers; a header starting with {@code #} marks a right-aligned column. */
  static TextTable of(String... headers) {
    return new TextTable(headers);
  }

  /** Adds a row; missing cells are empty, {@code null} cells too. */
  TextTable row(Object... cells) {
    String[] row = new String[headers.length];
    Arrays.fill(row, "");
    for (int i = 0; i < Math.min(cells.length, row.length); i++) {
      row[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  /** Draws a line under the rows so far (before a totals row, say). */
  TextTable separator() {
    separatorsBefore.add(rows.size());
    return this;
  }

  /** Prints the table, indented by two spaces. */
  void print(PrintStream out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println(line(headers, widths));
    out.println(rule(widths));
    for (int r = 0; r < rows.size(); r++) {
      if (separatorsBefore.contains(r)) {
        out.println(rule(widths));
      }
      out.println(line(rows.get(r), widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder(INDENT);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append(GAP);
      }
      String cell = cells[i];
      String pad = " ".repeat(widths[i] - cell.length());
      text.append(right[i] ? pad + cell : cell + pad);
    }
    return text.toString().stripTrailing();
  }

  private static String rule(int[] widths) {
    StringBuilder text = new StringBuilder(INDENT);
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        text.append(GAP);
      }
      text.append("-".repeat(widths[i]));
    }
    return text.toString();
  }
}
