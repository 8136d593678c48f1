package io.github.devopsconnector.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with a header row; cells are made {@link Printable} and columns padded to fit. */
final class TextTable {

  private final String[] headers;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = headers.clone();
    this.rightAligned = new boolean[headers.length];
  }

  /** Aligns these columns (0-based) to the right, for numbers. */
  TextTable alignRight(int... columns) {
    for (int column : columns) {
      rightAligned[column] = true;
    }
    return this;
  }

  TextTable row(String... cells) {
    String[] safe = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      safe[i] = i < cells.length ? Printable.line(cells[i]) : "";
    }
    rows.add(safe);
    return this;
  }

  void print(PrintStream out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println(format(headers, widths));
    rows.forEach(row -> out.println(format(row, widths)));
  }

  private String format(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean last = i == cells.length - 1;
      String padding = " ".repeat(widths[i] - cells[i].length());
      if (rightAligned[i]) {
        line.append(padding).append(cells[i]);
      } else {
        line.append(cells[i]).append(last ? "" : padding);
      }
      if (!last) {
        line.append("  ");
      }
    }
    return line.toString().stripTrailing();
  }

  @Override
  public String toString() {
    return "TextTable" + Arrays.toString(headers) + " with " + rows.size() + " rows";
  }
}
