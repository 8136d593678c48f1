package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The READMEs show what this project compiles and runs. Every code block preceded by
 * {@code <!-- consumer: <file> -->} must equal that file of the consumer projects: its lines between
 * {@code README:begin} and {@code README:end} markers, or else, for Java, everything after the package line.
 * Indentation common to all lines and trailing spaces do not count.
 */
class ReadmeInSyncTest {

  /** The repository root, seen from consumers/maven-classpath (the directory Maven runs the tests in). */
  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Pattern MARKER = Pattern.compile("^<!-- consumer: (\\S+) -->$");
  private static final List<String> READMES = List.of("README.md", "connector-testing/README.md");

  @TestFactory
  Stream<DynamicTest> everyMarkedBlockIsTheCodeTheConsumersBuild() throws IOException {
    return blocks().stream().map(block -> DynamicTest.dynamicTest(block.readme + " -> " + block.file, () -> {
      Path file = ROOT.resolve("consumers").resolve(block.file);
      assertThat(file).as("the file a README block names").isRegularFile();
      assertThat(normalized(region(file))).as("%s, the block at line %d, must equal %s", block.readme,
          block.line, file).isEqualTo(normalized(block.lines));
    }));
  }

  @Test
  void theReadmesMarkTheUseItBlockTheQuickStartsAndTheEstateFile() throws IOException {
    assertThat(blocks()).extracting(b -> b.file).contains(
        "maven-classpath/pom.xml",
        "maven-classpath/src/main/java/com/example/consumer/QuickStart.java",
        "maven-classpath/src/test/java/com/example/consumer/OnboardingTest.java",
        "maven-classpath/src/test/java/com/example/consumer/DiscoveryTest.java",
        "maven-classpath/src/test/java/com/example/consumer/VirtualTimeExampleTest.java",
        "maven-classpath/src/test/java/com/example/consumer/HelpersExampleTest.java",
        "maven-classpath/src/test/resources/estates/contoso.json");
  }

  private static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (String readme : READMES) {
      List<String> lines = Files.readAllLines(ROOT.resolve(readme), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher marker = MARKER.matcher(lines.get(i).trim());
        if (!marker.matches()) {
          continue;
        }
        int open = i + 1;
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
          throw new AssertionError(readme + " line " + (i + 1) + ": a consumer marker must precede a code block");
        }
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).startsWith("```")) {
          close++;
        }
        blocks.add(new Block(readme, open + 1, marker.group(1), lines.subList(open + 1, close)));
        i = close;
      }
    }
    return blocks;
  }

  private static List<String> region(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int begin = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("README:begin")) {
        begin = i;
      } else if (lines.get(i).contains("README:end")) {
        end = i;
      }
    }
    if (begin >= 0 && end > begin) {
      return lines.subList(begin + 1, end);
    }
    if (file.toString().endsWith(".java")) {
      int after = 0;
      while (after < lines.size() && !lines.get(after).startsWith("package ")) {
        after++;
      }
      return lines.subList(Math.min(after + 1, lines.size()), lines.size());
    }
    return lines;
  }

  private static String normalized(List<String> lines) {
    List<String> trimmed = lines.stream().map(String::stripTrailing).collect(Collectors.toList());
    while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
      trimmed.remove(0);
    }
    while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
      trimmed.remove(trimmed.size() - 1);
    }
    int indent = trimmed.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return trimmed.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).collect(Collectors.joining("\n"));
  }

  private static final class Block {
    final String readme;
    final int line;
    final String file;
    final List<String> lines;

    Block(String readme, int line, String file, List<String> lines) {
      this.readme = readme;
      this.line = line;
      this.file = file;
      this.lines = lines;
    }
  }
}
