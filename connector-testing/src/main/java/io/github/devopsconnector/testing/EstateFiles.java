package io.github.devopsconnector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes estate files: an {@link Estate} as JSON, so a test world can live next to the tests in
 * {@code src/test/resources} and be shared between teams and tools. The format is documented field by field in the
 * module's README; in short:
 *
 * <pre>{@code
 * {"tenantId": "<guid>",
 *  "user": {"displayName": "Dana Adler", "email": "dana@contoso.com"},
 *  "onboardedElsewhere": ["adventureworks"],
 *  "organizations": [
 *    {"name": "fabrikam", "tenantId": "<guid>", "accessLevel": "stakeholder",
 *     "projects": [{"name": "web", "repositories": ["api", "ui"], "pipelines": ["ci"]}],
 *     "generate": {"projects": 200, "repositoriesPerProject": 20, "pipelinesPerProject": 2, "seed": 7}}]}
 * }</pre>
 *
 * <p>Reading is strict: unknown fields, wrong types, {@code null}, invalid GUIDs and names, duplicates and counts
 * beyond the limits below are all rejected with an {@link EstateFileException} that names the JSON path, the
 * problem, and the line and column. Ids left out are derived from names, so a file always yields the same estate.
 * Writing leaves out what reading derives, and writes generated projects out in full, so that reading a written
 * estate gives an equal one.
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class EstateFiles {

  /** At most this many organizations in an estate file (and in {@code onboardedElsewhere}). */
  public static final int MAX_ORGANIZATIONS = 1_000;

  /** At most this many projects in one organization, listed and generated together. */
  public static final int MAX_PROJECTS_PER_ORGANIZATION = 10_000;

  /** At most this many repositories in one project. */
  public static final int MAX_REPOSITORIES_PER_PROJECT = 1_000;

  /** At most this many pipelines in one project. */
  public static final int MAX_PIPELINES_PER_PROJECT = 1_000;

  /** At most this many repositories in a whole estate file, listed and generated together. */
  public static final int MAX_REPOSITORIES = 1_000_000;

  /** At most this many pipelines in a whole estate file, listed and generated together. */
  public static final int MAX_PIPELINES = 1_000_000;

  /** The default branch of a repository whose file entry does not give one: {@value}. */
  public static final String DEFAULT_BRANCH = "refs/heads/main";

  private EstateFiles() {}

  /**
   * Reads an estate file.
   *
   * @param file the file, UTF-8 JSON
   * @return the estate
   * @throws EstateFileException if the content is not a valid estate file; the message names the file too
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static Estate read(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the estate file " + file + ": " + e, e);
    }
    try (in) {
      return EstateFileReader.read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the estate file " + file + ": " + e, e);
    }
  }

  /**
   * Reads an estate file from a stream, such as a class-path resource. The stream is read to its end and not
   * closed.
   *
   * @param in the JSON content (UTF-8, or UTF-16/32 with a byte order mark)
   * @return the estate
   * @throws EstateFileException if the content is not a valid estate file
   * @throws UncheckedIOException if the stream cannot be read
   * @throws NullPointerException if {@code in} is null (for example a class-path resource that does not exist)
   */
  public static Estate read(InputStream in) {
    Objects.requireNonNull(in, "in must not be null (is the class-path resource missing?)");
    return EstateFileReader.read(new NonClosing(in), null);
  }

  /**
   * Parses the text of an estate file.
   *
   * @param json the JSON text
   * @return the estate
   * @throws EstateFileException if the text is not a valid estate file
   * @throws NullPointerException if {@code json} is null
   */
  public static Estate parse(String json) {
    Objects.requireNonNull(json, "json must not be null");
    return EstateFileReader.parse(json);
  }

  /**
   * The estate as the text of an estate file: two-space indentation, one project per line, {@code \n} line ends,
   * and the same text for equal estates. Reading it back with {@link #parse(String)} gives an equal estate.
   *
   * @param estate the estate
   * @return the JSON text
   * @throws EstateFileException if the estate breaks a rule of the file format (for example two projects whose
   *     names differ only in case, a name with a character the format refuses, or an id that is not a GUID), so
   *     that its file would not read back; the path names the offending element
   * @throws NullPointerException if {@code estate} is null
   */
  public static String toJson(Estate estate) {
    Objects.requireNonNull(estate, "estate must not be null");
    return EstateFileWriter.toJson(estate);
  }

  /**
   * Writes the estate to a file as {@link #toJson(Estate)} does, in UTF-8, replacing the file if it exists. Nothing
   * is written when the estate breaks a rule of the file format.
   *
   * @param estate the estate
   * @param file the file to write
   * @throws EstateFileException if the estate breaks a rule of the file format (see {@link #toJson(Estate)})
   * @throws UncheckedIOException if the file cannot be written
   * @throws NullPointerException if an argument is null
   */
  public static void write(Estate estate, Path file) {
    Objects.requireNonNull(estate, "estate must not be null");
    Objects.requireNonNull(file, "file must not be null");
    String json = EstateFileWriter.toJson(estate);
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the estate file " + file + ": " + e, e);
    }
  }

  /**
   * Reads a GitHub estate file ({@code "platform": "gitHub"}); the format is in the module's README:
   *
   * <pre>{@code
   * {"platform": "gitHub", "tenantId": "<guid>",
   *  "user": {"login": "octocat", "id": 583231, "name": "The Octocat"},
   *  "onboardedElsewhere": ["tailspin"],
   *  "owners": [
   *    {"login": "contoso", "type": "Organization", "role": "admin", "plan": "enterprise", "app": "selected",
   *     "repositories": [{"name": "api", "private": true, "archived": false, "appAccess": true}],
   *     "generate": {"repositories": 150, "seed": 7}}]}
   * }</pre>
   *
   * <p>As strict as {@link #read(Path)}: unknown fields, bad values and contradictions are {@link EstateFileException}s
   * with the JSON path, line and column.
   *
   * @param file the file, UTF-8 JSON
   * @return the estate
   * @throws EstateFileException if the content is not a valid GitHub estate file; the message names the file too
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static GitHubEstate readGitHub(Path file) {
    return readFile(file, (in, source) -> new GitHubEstateFileReader(source).read(f -> f.createParser(in)));
  }

  private static <T> T readFile(Path file, java.util.function.BiFunction<InputStream, String, T> reader) {
    Objects.requireNonNull(file, "file must not be null");
    try (InputStream in = Files.newInputStream(file)) {
      return reader.apply(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the estate file " + file + ": " + e, e);
    }
  }

  /**
   * Reads a GitHub estate file from a stream, such as a class-path resource; the stream is not closed.
   *
   * @param in the JSON content
   * @return the estate
   * @throws EstateFileException if the content is not a valid GitHub estate file
   * @throws NullPointerException if {@code in} is null
   */
  public static GitHubEstate readGitHub(InputStream in) {
    Objects.requireNonNull(in, "in must not be null (is the class-path resource missing?)");
    return new GitHubEstateFileReader(null).read(f -> f.createParser(new NonClosing(in)));
  }

  /**
   * Parses the text of a GitHub estate file.
   *
   * @param json the JSON text
   * @return the estate
   * @throws EstateFileException if the text is not a valid GitHub estate file
   * @throws NullPointerException if {@code json} is null
   */
  public static GitHubEstate parseGitHub(String json) {
    Objects.requireNonNull(json, "json must not be null");
    return new GitHubEstateFileReader(null).read(f -> f.createParser(json));
  }

  /**
   * Reads a GitLab estate file ({@code "platform": "gitLab"}); the format is in the module's README:
   *
   * <pre>{@code
   * {"platform": "gitLab", "tenantId": "<guid>",
   *  "user": {"username": "dana", "id": 4711, "name": "Dana Adler"},
   *  "onboardedElsewhere": ["tailspin"],
   *  "groups": [
   *    {"path": "contoso", "name": "Contoso", "accessLevel": "owner", "plan": "ultimate",
   *     "projects": [{"path": "api", "name": "API"}],
   *     "subgroups": [{"path": "web", "name": "Web", "projects": [{"path": "ui", "name": "UI"}], "subgroups": []}],
   *     "generate": {"projects": 150, "subgroups": 6, "depth": 3, "seed": 7}}]}
   * }</pre>
   *
   * <p>As strict as {@link #read(Path)}: unknown fields and bad values are {@link EstateFileException}s with the JSON
   * path, line and column.
   *
   * @param file the file, UTF-8 JSON
   * @return the estate
   * @throws EstateFileException if the content is not a valid GitLab estate file; the message names the file too
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static GitLabEstate readGitLab(Path file) {
    return readFile(file, (in, source) -> new GitLabEstateFileReader(source).read(f -> f.createParser(in)));
  }

  /**
   * Reads a GitLab estate file from a stream, such as a class-path resource; the stream is not closed.
   *
   * @param in the JSON content
   * @return the estate
   * @throws EstateFileException if the content is not a valid GitLab estate file
   * @throws NullPointerException if {@code in} is null
   */
  public static GitLabEstate readGitLab(InputStream in) {
    Objects.requireNonNull(in, "in must not be null (is the class-path resource missing?)");
    return new GitLabEstateFileReader(null).read(f -> f.createParser(new NonClosing(in)));
  }

  /**
   * Parses the text of a GitLab estate file.
   *
   * @param json the JSON text
   * @return the estate
   * @throws EstateFileException if the text is not a valid GitLab estate file
   * @throws NullPointerException if {@code json} is null
   */
  public static GitLabEstate parseGitLab(String json) {
    Objects.requireNonNull(json, "json must not be null");
    return new GitLabEstateFileReader(null).read(f -> f.createParser(json));
  }

  /**
   * The platform an estate file describes: {@link io.github.devopsconnector.core.DevOpsPlatform#GITHUB} for
   * {@code "platform": "gitHub"}, {@link io.github.devopsconnector.core.DevOpsPlatform#GITLAB} for
   * {@code "platform": "gitLab"}, otherwise {@link io.github.devopsconnector.core.DevOpsPlatform#AZURE_DEVOPS} (a
   * file without {@code platform} is an Azure DevOps estate). It does not check the file: read it for that.
   *
   * @param file the file
   * @return the platform
   * @throws UncheckedIOException if the file cannot be read
   */
  public static io.github.devopsconnector.core.DevOpsPlatform platformOf(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return EstateFileChecks.Platform.of(GitHubEstateFileReader.platformOf(text))
          .orElse(EstateFileChecks.Platform.AZURE_DEVOPS).devOpsPlatform();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the estate file " + file + ": " + e, e);
    }
  }

  /** Keeps the parser from closing a stream the caller owns. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The caller opened the stream and closes it.
    }
  }
}
