package io.github.devopsconnector.testing;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when an estate file is not valid, or when an {@link Estate} cannot be written as one. The message names
 * the JSON path of the offending field, what is wrong with it, and where the parser saw it, for example:
 *
 * <pre>{@code
 * $.organizations[2].accessLevel: "admin" is not one of basic, basicPlusTestPlans, visualStudioSubscriber,
 * stakeholder, none (line 7, column 22)
 * }</pre>
 *
 * <p>The parts are also available one by one, for tools that point at the place in an editor.
 *
 * @see EstateFiles
 */
public final class EstateFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;
  private final int line;
  private final int column;
  private final String source;

  EstateFileException(String path, String problem, int line, int column, String source) {
    super(message(path, problem, line, column, source));
    this.path = path;
    this.problem = problem;
    this.line = line;
    this.column = column;
    this.source = source;
  }

  /**
   * The JSON path of the offending field or element, such as {@code $.organizations[2].accessLevel}; {@code $} is the
   * whole file.
   */
  public String path() {
    return path;
  }

  /** What is wrong, without the path and the position. */
  public String problem() {
    return problem;
  }

  /** The 1-based line where the parser saw the problem; empty when unknown (for example when writing). */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The 1-based column where the parser saw the problem; empty when unknown (for example when writing). */
  public OptionalInt column() {
    return column > 0 && line > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /** The file that was read, when the estate came from a file. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  private static String message(String path, String problem, int line, int column, String source) {
    StringBuilder where = new StringBuilder();
    if (source != null) {
      where.append(source);
    }
    if (line > 0) {
      if (where.length() > 0) {
        where.append(", ");
      }
      where.append("line ").append(line);
      if (column > 0) {
        where.append(", column ").append(column);
      }
    }
    return path + ": " + problem + (where.length() > 0 ? " (" + where + ")" : "");
  }
}
