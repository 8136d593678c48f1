package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected declaration in the library modules' exported packages has a javadoc comment. (The
 * javadoc build runs doclint for syntax and references; this checks that nothing public is left undocumented.)
 */
class PublicApiDocumentationTest {

  private static final List<String> LIBRARY_MODULES =
      List.of("connector-core", "connector-testing", "connector-ado-client", "connector-arm-client",
          "connector-testing-junit5");
  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s*(public|protected)\\s+(?!.*\\s=\\s)(static\\s+|final\\s+|abstract\\s+|default\\s+|sealed\\s+|synchronized\\s+)*"
          + "[\\w<>\\[\\],.? ]+[\\s(].*");

  @Test
  void everyPublicDeclarationIsDocumented() {
    List<String> undocumented = new ArrayList<>();
    int declarations = 0;
    for (Path source : librarySources()) {
      List<String> lines = read(source);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!DECLARATION.matcher(line).matches() || isInsideMethodBody(line)) {
          continue;
        }
        declarations++;
        if (!hasJavadocAbove(lines, i)) {
          undocumented.add(source.getFileName() + ":" + (i + 1) + ": " + line.trim());
        }
      }
    }
    System.out.println("javadoc: public declarations=" + declarations + " undocumented=" + undocumented.size());
    assertThat(declarations).as("declarations found").isGreaterThan(500);
    assertThat(undocumented).as("public declarations without javadoc").isEmpty();
  }

  /** Walks up over annotations (and their continuation lines) to the comment that must end right above. */
  private static boolean hasJavadocAbove(List<String> lines, int index) {
    int i = index - 1;
    while (i >= 0) {
      String above = lines.get(i).trim();
      if (above.startsWith("@") || above.endsWith(")") && !above.endsWith("*/") && !above.endsWith(";")) {
        if (above.startsWith("@Override")) {
          return true; // inherits the documentation of what it overrides
        }
        i--;
        continue;
      }
      return above.endsWith("*/") && javadocStartsAbove(lines, i);
    }
    return false;
  }

  private static boolean javadocStartsAbove(List<String> lines, int end) {
    for (int i = end; i >= 0; i--) {
      String text = lines.get(i).trim();
      if (text.startsWith("/**")) {
        return true;
      }
      if (text.startsWith("/*")) {
        return false;
      }
    }
    return false;
  }

  private static boolean isInsideMethodBody(String line) {
    return line.startsWith("        "); // declarations are at class or nested-class level, never this deep
  }

  private static List<Path> librarySources() {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> sources = new ArrayList<>();
    for (String module : LIBRARY_MODULES) {
      Path main = root.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(main)) {
        sources.addAll(files.filter(p -> p.toString().endsWith(".java"))
            .filter(p -> !p.toString().contains("/internal/") && !p.toString().contains("/implementation/"))
            .filter(p -> !p.getFileName().toString().equals("module-info.java"))
            .collect(Collectors.toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + main, e);
      }
    }
    return sources;
  }

  private static List<String> read(Path source) {
    try {
      return Files.readAllLines(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
