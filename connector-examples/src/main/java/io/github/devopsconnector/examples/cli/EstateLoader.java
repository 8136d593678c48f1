package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an estate file named on the command line; every problem with it is a usage error. */
final class EstateLoader {

  private EstateLoader() {}

  /**
   * The estate in the file.
   *
   * @throws UsageException if the file is missing, not a regular file or unreadable
   * @throws io.github.devopsconnector.testing.EstateFileException if it is not a valid estate file (also a usage
   *     error; its message names the JSON path, the problem and the line)
   */
  static Estate read(String option, Path file) {
    return read(option, file, EstateFiles::read);
  }

  /**
   * The GitHub estate in the file; as {@link #read(String, Path)}.
   *
   * @throws UsageException if the file is missing, not a regular file or unreadable
   */
  static io.github.devopsconnector.testing.GitHubEstate readGitHub(String option, Path file) {
    return read(option, file, EstateFiles::readGitHub);
  }

  /**
   * The GitLab estate in the file; as {@link #read(String, Path)}.
   *
   * @throws UsageException if the file is missing, not a regular file or unreadable
   */
  static io.github.devopsconnector.testing.GitLabEstate readGitLab(String option, Path file) {
    return read(option, file, EstateFiles::readGitLab);
  }

  private static <T> T read(String option, Path file, java.util.function.Function<Path, T> reader) {
    check(option, file);
    try {
      return reader.apply(file);
    } catch (UncheckedIOException e) {
      throw new UsageException("The estate file " + file + " given to " + option + " cannot be read ("
          + e.getCause().getMessage() + ").", e);
    }
  }

  /** Whether the file can be read at all; a usage error otherwise. */
  static void check(String option, Path file) {
    if (!Files.exists(file)) {
      throw new UsageException("The estate file " + file + " given to " + option + " does not exist.");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("The estate file " + file + " given to " + option + " is not a regular file.");
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("The estate file " + file + " given to " + option + " cannot be read.");
    }
  }
}
