package io.github.devopsconnector.core.azuredevops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Git repository ({@code GitRepository}). Only Git repositories are listed; TFVC is not supported by Defender.
 *
 * <p>An immutable value, equal to another with the same attributes. Discovery holds one per repository of an
 * estate, so it is stored compactly and gives back exactly what it was built from: an id in the canonical
 * (lower-case) UUID form is kept as two numbers; the clone URL as the part up to its last {@code /}, shared with
 * the other repositories of the project, and the last segment only when it differs from the name; the project id,
 * project name and default branch as strings shared among the repositories one {@link Builder} builds.
 */
public abstract class AzureDevOpsRepository {

  AzureDevOpsRepository() {}

  /** The repository id. */
  public abstract String id();

  /** The repository name. */
  public abstract String name();

  /** The clone URL ({@code remoteUrl}). */
  public abstract String url();

  /** The default branch, such as {@code refs/heads/main}; empty for an empty repository. */
  public abstract Optional<String> defaultBranch();

  /** The id of the project the repository belongs to. */
  public abstract String projectId();

  /** The name of the project the repository belongs to. */
  public abstract String projectName();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link AzureDevOpsRepository} values. Set every attribute but the optional default branch, then
   * {@link #build()}. A builder may build several repositories one after the other (every attribute keeps its
   * value until it is set again); the repositories one builder builds share their equal project ids, project names,
   * default branches and URL prefixes. Not thread-safe.
   */
  public static final class Builder {
    private static final String MAIN = "refs/heads/main";
    private static final String MASTER = "refs/heads/master";

    private String id;
    private String name;
    private String url;
    /** The repository whose id and URL this builder copied with {@link #from}, until they are set again. */
    private Compact idFrom;
    private Compact urlFrom;
    private String defaultBranch;
    private String projectId;
    private String projectName;
    /** Strings already used by this builder's repositories, each kept once. */
    private Map<String, String> shared;
    /** The last URL prefix, project id and project name built: neighbours in a listing mostly repeat them. */
    private String lastHead;
    private String lastProjectId;
    private String lastProjectName;

    Builder() {}

    /**
     * Fills the builder with the attributes of a repository; an absent default branch leaves the builder's as it
     * is.
     *
     * @param instance the repository to copy
     * @return this builder
     * @throws NullPointerException if {@code instance} is null
     */
    public Builder from(AzureDevOpsRepository instance) {
      Objects.requireNonNull(instance, "instance");
      name(instance.name());
      if (instance instanceof Compact) {
        // Copy the stored forms rather than rebuild the strings and split them again.
        id = null;
        url = null;
        idFrom = (Compact) instance;
        urlFrom = (Compact) instance;
      } else {
        id(instance.id());
        url(instance.url());
      }
      instance.defaultBranch().ifPresent(this::defaultBranch);
      projectId(instance.projectId());
      projectName(instance.projectName());
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#id() id}.
     *
     * @param id the repository id
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      this.idFrom = null;
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#name() name}.
     *
     * @param name the repository name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#url() clone URL}.
     *
     * @param url the clone URL
     * @return this builder
     * @throws NullPointerException if {@code url} is null
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      this.urlFrom = null;
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#defaultBranch() default branch}.
     *
     * @param defaultBranch the default branch, such as {@code refs/heads/main}
     * @return this builder
     * @throws NullPointerException if {@code defaultBranch} is null
     */
    public Builder defaultBranch(String defaultBranch) {
      this.defaultBranch = Objects.requireNonNull(defaultBranch, "defaultBranch");
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#defaultBranch() default branch}, or none.
     *
     * @param defaultBranch the default branch, or empty for an empty repository
     * @return this builder
     * @throws NullPointerException if {@code defaultBranch} is null
     */
    public Builder defaultBranch(Optional<String> defaultBranch) {
      this.defaultBranch = defaultBranch.orElse(null);
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#projectId() project id}.
     *
     * @param projectId the id of the repository's project
     * @return this builder
     * @throws NullPointerException if {@code projectId} is null
     */
    public Builder projectId(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId");
      return this;
    }

    /**
     * Sets the {@link AzureDevOpsRepository#projectName() project name}.
     *
     * @param projectName the name of the repository's project
     * @return this builder
     * @throws NullPointerException if {@code projectName} is null
     */
    public Builder projectName(String projectName) {
      this.projectName = Objects.requireNonNull(projectName, "projectName");
      return this;
    }

    /**
     * A repository with the attributes set so far.
     *
     * @return the repository
     * @throws IllegalStateException if a required attribute is not set; the message names every one missing
     */
    public AzureDevOpsRepository build() {
      boolean noId = id == null && idFrom == null;
      boolean noUrl = url == null && urlFrom == null;
      if (noId || name == null || noUrl || projectId == null || projectName == null) {
        List<String> missing = new ArrayList<>();
        addIf(missing, noId, "id");
        addIf(missing, name == null, "name");
        addIf(missing, noUrl, "url");
        addIf(missing, projectId == null, "projectId");
        addIf(missing, projectName == null, "projectName");
        throw new IllegalStateException("Cannot build AzureDevOpsRepository, some of required attributes are not set "
            + missing);
      }
      long idHigh = 0;
      long idLow = 0;
      String idText = null;
      if (idFrom != null) {
        idHigh = idFrom.idHigh;
        idLow = idFrom.idLow;
        idText = idFrom.idText;
      } else if (isCanonicalUuid(id)) {
        idHigh = hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
        idLow = hex(id, 19, 23) << 48 | hex(id, 24, 36);
      } else {
        idText = id;
      }
      String urlHead;
      String urlTail;
      if (urlFrom != null) {
        urlHead = share(urlFrom.urlHead);
        String tail = urlFrom.urlTail != null ? urlFrom.urlTail : urlFrom.name;
        urlTail = tail.equals(name) ? null : tail;
      } else {
        int cut = url.lastIndexOf('/') + 1;
        urlHead = head(url, cut);
        urlTail = url.regionMatches(cut, name, 0, name.length()) && url.length() - cut == name.length()
            ? null : url.substring(cut);
      }
      if (!projectId.equals(lastProjectId)) {
        lastProjectId = share(projectId);
      }
      if (!projectName.equals(lastProjectName)) {
        lastProjectName = share(projectName);
      }
      return new Compact(idHigh, idLow, idText, name, urlHead, urlTail, branch(defaultBranch), lastProjectId,
          lastProjectName);
    }

    /** Whether {@code UUID.fromString(text).toString()} gives {@code text} back. */
    private static boolean isCanonicalUuid(String text) {
      if (text.length() != 36) {
        return false;
      }
      for (int i = 0; i < 36; i++) {
        char c = text.charAt(i);
        boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
            : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    /** The number the lower-case hex digits {@code text[from, to)} write. */
    private static long hex(String text, int from, int to) {
      long value = 0;
      for (int i = from; i < to; i++) {
        if (text.charAt(i) != '-') {
          value = value << 4 | Character.digit(text.charAt(i), 16);
        }
      }
      return value;
    }

    /** The URL up to {@code cut}: the previous repository's when it is the same, as it mostly is. */
    private String head(String url, int cut) {
      if (lastHead != null && lastHead.length() == cut && url.startsWith(lastHead)) {
        return lastHead;
      }
      lastHead = share(url.substring(0, cut));
      return lastHead;
    }

    private static void addIf(List<String> missing, boolean absent, String attribute) {
      if (absent) {
        missing.add(attribute);
      }
    }

    private String branch(String branch) {
      if (branch == null) {
        return null;
      }
      if (branch.equals(MAIN)) {
        return MAIN;
      }
      return branch.equals(MASTER) ? MASTER : share(branch);
    }

    private String share(String text) {
      if (shared == null) {
        shared = new HashMap<>();
      }
      String before = shared.putIfAbsent(text, text);
      return before != null ? before : text;
    }
  }

  /** The one implementation: what it stores, and how it gives the attributes back. */
  private static final class Compact extends AzureDevOpsRepository {
    /** The id's bits when {@link #idText} is null (the id is a canonical UUID). */
    private final long idHigh;
    private final long idLow;
    private final String idText;
    private final String name;
    private final String urlHead;
    /** The URL's last segment; null when it is the name. */
    private final String urlTail;
    private final String defaultBranch;
    private final String projectId;
    private final String projectName;

    Compact(long idHigh, long idLow, String idText, String name, String urlHead, String urlTail,
        String defaultBranch, String projectId, String projectName) {
      this.idHigh = idHigh;
      this.idLow = idLow;
      this.idText = idText;
      this.name = name;
      this.urlHead = urlHead;
      this.urlTail = urlTail;
      this.defaultBranch = defaultBranch;
      this.projectId = projectId;
      this.projectName = projectName;
    }

    @Override
    public String id() {
      return idText != null ? idText : new UUID(idHigh, idLow).toString();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String url() {
      return urlHead.concat(urlTail == null ? name : urlTail);
    }

    @Override
    public Optional<String> defaultBranch() {
      return Optional.ofNullable(defaultBranch);
    }

    @Override
    public String projectId() {
      return projectId;
    }

    @Override
    public String projectName() {
      return projectName;
    }

    @Override
    public boolean equals(Object another) {
      if (this == another) {
        return true;
      }
      if (!(another instanceof Compact)) {
        return false;
      }
      Compact other = (Compact) another;
      return idHigh == other.idHigh && idLow == other.idLow && Objects.equals(idText, other.idText)
          && name.equals(other.name) && url().equals(other.url())
          && Objects.equals(defaultBranch, other.defaultBranch) && projectId.equals(other.projectId)
          && projectName.equals(other.projectName);
    }

    @Override
    public int hashCode() {
      int h = 5381;
      h += (h << 5) + id().hashCode();
      h += (h << 5) + name.hashCode();
      h += (h << 5) + url().hashCode();
      h += (h << 5) + Objects.hashCode(defaultBranch);
      h += (h << 5) + projectId.hashCode();
      h += (h << 5) + projectName.hashCode();
      return h;
    }

    @Override
    public String toString() {
      return "AzureDevOpsRepository{id=" + id() + ", name=" + name + ", url=" + url()
          + (defaultBranch == null ? "" : ", defaultBranch=" + defaultBranch) + ", projectId=" + projectId
          + ", projectName=" + projectName + "}";
    }
  }
}
