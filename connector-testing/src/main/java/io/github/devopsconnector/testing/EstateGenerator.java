package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates large synthetic estates, deterministically: the same settings and seed always give an equal
 * {@link Estate}, and another seed gives other names and ids. Meant for scale tests of discovery, paging and
 * preflight, for example 50 organizations of 200 projects of 20 repositories (200,000 repositories):
 *
 * <pre>{@code
 * Estate estate = EstateGenerator.builder()
 *     .seed(7)
 *     .organizations(50)
 *     .projectsPerOrganization(200)
 *     .repositoriesPerProject(20)
 *     .pipelinesPerProject(2)
 *     .build()
 *     .generate();
 * }</pre>
 *
 * <p>With the default settings the counts are exact: every organization has {@code projectsPerOrganization}
 * projects, every project {@code repositoriesPerProject} repositories with default branch {@code refs/heads/main}
 * and {@code pipelinesPerProject} pipelines. Two optional variations, off by default, make the estate less regular:
 * {@link Builder#repositoryCountVariation(int)} and {@link Builder#emptyRepositoryPercent(int)}.
 *
 * <p>Every organization is connected to the estate's tenant, and the user is a Basic Project Collection
 * Administrator with third-party OAuth access on; change what a test needs on the result. Ids are derived from
 * names the way {@link EstateFiles} derives them, so a generated estate written to a file reads back equal.
 * Instances are immutable and thread-safe.
 */
public final class EstateGenerator {

  private static final Optional<String> MAIN = Optional.of(EstateFiles.DEFAULT_BRANCH);

  private static final List<String> ADJECTIVES = List.of("amber", "azure", "bold", "brisk", "cedar", "coral",
      "crimson", "dusty", "ember", "fern", "frost", "golden", "granite", "harbor", "indigo", "ivory", "jade", "lunar",
      "maple", "misty", "noble", "olive", "onyx", "pine", "quartz", "rapid", "silver", "solar", "steady", "swift",
      "terra", "velvet");
  private static final List<String> NOUNS = List.of("badger", "beacon", "canyon", "comet", "crane", "delta",
      "falcon", "fjord", "glacier", "heron", "island", "lynx", "meadow", "mesa", "orbit", "otter", "panther", "peak",
      "prairie", "raven", "reef", "ridge", "river", "sparrow", "summit", "tundra", "valley", "vertex", "willow",
      "wolf", "yak", "zephyr");
  private static final List<String> DOMAINS = List.of("accounts", "analytics", "billing", "catalog", "checkout",
      "claims", "compliance", "customer", "data", "fleet", "identity", "inventory", "ledger", "logistics", "loyalty",
      "marketing", "mobile", "notifications", "onboarding", "orders", "payments", "platform", "pricing", "procurement",
      "reporting", "risk", "search", "security", "shipping", "support", "telemetry", "warehouse");
  private static final List<String> AREAS = List.of("apps", "backend", "core", "edge", "engine", "frontend",
      "gateway", "hub", "infra", "insights", "portal", "services", "suite", "tools", "web", "workflows");
  private static final List<String> COMPONENTS = List.of("admin", "audit", "auth", "batch", "cache", "cart",
      "config", "events", "export", "feeds", "forms", "import", "index", "invoice", "jobs", "ledger", "mailer",
      "media", "metrics", "orders", "profile", "quotes", "rates", "rules", "scheduler", "session", "sync", "tax",
      "tenant", "users", "vault", "wallet");
  private static final List<String> KINDS = List.of("api", "cli", "docs", "functions", "infra", "lib", "mobile",
      "sdk", "service", "tests", "ui", "web", "worker", "terraform", "helm", "contracts");
  private static final List<String> PIPELINE_KINDS = List.of("ci", "cd", "nightly", "release", "pr-validation",
      "security-scan", "deploy", "integration-tests");
  private static final List<String> FIRST_NAMES = List.of("Avery", "Blake", "Casey", "Dana", "Emery", "Finley",
      "Harper", "Jordan", "Kai", "Logan", "Morgan", "Noa", "Parker", "Quinn", "Riley", "Sasha");
  private static final List<String> LAST_NAMES = List.of("Adler", "Brooks", "Castillo", "Dubois", "Eriksen",
      "Fischer", "Gallo", "Hale", "Ito", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov");

  private final long seed;
  private final int organizations;
  private final int projectsPerOrganization;
  private final int repositoriesPerProject;
  private final int pipelinesPerProject;
  private final int repositoryCountVariation;
  private final int emptyRepositoryPercent;
  private final TenantId tenantId;
  private final boolean tokenForAllOrganizations;

  private EstateGenerator(Builder builder) {
    this.seed = builder.seed;
    this.organizations = builder.organizations;
    this.projectsPerOrganization = builder.projectsPerOrganization;
    this.repositoriesPerProject = builder.repositoriesPerProject;
    this.pipelinesPerProject = builder.pipelinesPerProject;
    this.repositoryCountVariation = builder.repositoryCountVariation;
    this.emptyRepositoryPercent = builder.emptyRepositoryPercent;
    this.tenantId = builder.tenantId;
    this.tokenForAllOrganizations = builder.tokenForAllOrganizations;
  }

  /** A builder with the defaults: seed 0, 1 organization, 10 projects, 5 repositories and 1 pipeline per project. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates the estate. The tenant id, the user and the organization names come from the seed (unless
   * {@link Builder#tenantId(TenantId)} was set); organization {@code i} gets its projects from
   * {@link #projects(OrganizationName, int, int, int, long)} with a seed drawn from the estate's seed.
   *
   * @return a new estate, equal to every other estate generated with the same settings
   */
  public Estate generate() {
    SplittableRandom random = new SplittableRandom(seed);
    TenantId tenant = tenantId != null ? tenantId : TenantId.parse(EstateFileIds.uuid("tenant:" + seed));
    String first = pick(random, FIRST_NAMES);
    String last = pick(random, LAST_NAMES);
    EstateUser user = EstateUser.of(EstateFileIds.uuid("user:seed:" + seed), first + " " + last,
        EstateFileRules.lower(first + "." + last) + "@example.com");
    int width = Math.max(3, Integer.toString(organizations).length());
    List<EstateOrganization> orgs = new ArrayList<>(organizations);
    for (int o = 0; o < organizations; o++) {
      String name = pick(random, ADJECTIVES) + "-" + pick(random, NOUNS) + "-" + pad(o + 1, width);
      long organizationSeed = random.nextLong();
      orgs.add(EstateOrganization.builder()
          .name(OrganizationName.parse(name))
          .tenantId(tenant)
          .addAllProjects(projects(name, projectsPerOrganization, repositoriesPerProject, pipelinesPerProject,
              organizationSeed, repositoryCountVariation, emptyRepositoryPercent, new HashSet<>(), 1))
          .build());
    }
    return ImmutableEstate.builder().tenantId(tenant).user(user).addAllOrganizations(orgs)
        .tokenForAllOrganizations(tokenForAllOrganizations).build();
  }

  /**
   * Generates the projects of one organization, deterministically: {@code count} projects, each with exactly
   * {@code repositoriesPerProject} repositories (default branch {@code refs/heads/main}) and
   * {@code pipelinesPerProject} pipelines. Project names are unique ignoring case and end in their 1-based number
   * ({@code payments-portal-0001}); repository and pipeline names are unique within their project; pipeline ids run
   * from 1 in order; project and repository ids are derived from the names as in {@link EstateFiles}.
   *
   * @param organization the organization the projects belong to (their ids depend on it)
   * @param count how many projects, 0 to {@link EstateFiles#MAX_PROJECTS_PER_ORGANIZATION}
   * @param repositoriesPerProject repositories in each project, 0 to {@link EstateFiles#MAX_REPOSITORIES_PER_PROJECT}
   * @param pipelinesPerProject pipelines in each project, 0 to {@link EstateFiles#MAX_PIPELINES_PER_PROJECT}
   * @param seed the seed; the same arguments always give equal projects
   * @return the projects, in order
   * @throws IllegalArgumentException if a count is negative or above its limit, or the total of repositories or
   *     pipelines is above {@link EstateFiles#MAX_REPOSITORIES} or {@link EstateFiles#MAX_PIPELINES}
   * @throws NullPointerException if {@code organization} is null
   */
  public static List<EstateProject> projects(OrganizationName organization, int count, int repositoriesPerProject,
      int pipelinesPerProject, long seed) {
    Objects.requireNonNull(organization, "organization must not be null");
    checkRange("count", count, EstateFiles.MAX_PROJECTS_PER_ORGANIZATION);
    checkRange("repositoriesPerProject", repositoriesPerProject, EstateFiles.MAX_REPOSITORIES_PER_PROJECT);
    checkRange("pipelinesPerProject", pipelinesPerProject, EstateFiles.MAX_PIPELINES_PER_PROJECT);
    checkTotal((long) count * repositoriesPerProject, EstateFiles.MAX_REPOSITORIES, "repositories",
        IllegalArgumentException::new);
    checkTotal((long) count * pipelinesPerProject, EstateFiles.MAX_PIPELINES, "pipelines",
        IllegalArgumentException::new);
    return projects(organization.value(), count, repositoriesPerProject, pipelinesPerProject, seed, 0, 0,
        new HashSet<>(), 1);
  }

  /**
   * The generator itself. {@code taken} holds the lower-cased project names already used in the organization and
   * receives the new ones; pipeline ids start at {@code firstPipelineId}. Counts must already be within limits.
   */
  static List<EstateProject> projects(String organization, int count, int repositoriesPerProject,
      int pipelinesPerProject, long seed, int variationPercent, int emptyPercent, Set<String> taken,
      long firstPipelineId) {
    SplittableRandom random = new SplittableRandom(seed);
    EstateFileIds ids = new EstateFileIds();
    List<EstateProject> projects = new ArrayList<>(count);
    int width = Math.max(4, Integer.toString(count).length());
    long pipelineId = firstPipelineId;
    for (int p = 0; p < count; p++) {
      String base = pick(random, DOMAINS) + "-" + pick(random, AREAS) + "-" + pad(p + 1, width);
      String name = base;
      for (int k = 2; !taken.add(EstateFileRules.lower(name)); k++) {
        name = base + "-" + k;
      }
      int repositoryCount = repositoriesPerProject;
      if (variationPercent > 0 && repositoriesPerProject > 0) {
        int delta = repositoriesPerProject * variationPercent / 100;
        repositoryCount = Math.min(EstateFiles.MAX_REPOSITORIES_PER_PROJECT,
            Math.max(0, repositoriesPerProject - delta + random.nextInt(2 * delta + 1)));
      }
      List<EstateRepository> repositories = new ArrayList<>(repositoryCount);
      Set<String> repositoryNames = new HashSet<>();
      for (int r = 0; r < repositoryCount; r++) {
        String repositoryName = pick(random, COMPONENTS) + "-" + pick(random, KINDS);
        // Base names never end in a number, so the numbered fallback cannot meet another name.
        if (!repositoryNames.add(repositoryName)) {
          repositoryName = repositoryName + "-" + (r + 1);
          repositoryNames.add(repositoryName);
        }
        Optional<String> branch = emptyPercent > 0 && random.nextInt(100) < emptyPercent ? Optional.empty() : MAIN;
        repositories.add(EstateRepository.of(ids.repository(organization, name, repositoryName),
            repositoryName, branch));
      }
      List<EstatePipeline> pipelines = new ArrayList<>(pipelinesPerProject);
      int offset = pipelinesPerProject > 0 ? random.nextInt(PIPELINE_KINDS.size()) : 0;
      for (int i = 0; i < pipelinesPerProject; i++) {
        String kind = PIPELINE_KINDS.get((offset + i) % PIPELINE_KINDS.size());
        int round = i / PIPELINE_KINDS.size();
        pipelines.add(EstatePipeline.of(pipelineId++, round == 0 ? kind : kind + "-" + (round + 1)));
      }
      projects.add(EstateProject.builder()
          .id(ids.project(organization, name))
          .name(name)
          .addAllRepositories(repositories)
          .addAllPipelines(pipelines)
          .build());
    }
    return projects;
  }

  private static String pick(SplittableRandom random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private static String pad(int number, int width) {
    String digits = Integer.toString(number);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static int checkRange(String what, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " must be between 0 and " + EstateFileRules.count(max) + "; it is "
          + EstateFileRules.count(value) + ".");
    }
    return value;
  }

  private static void checkTotal(long total, long max, String what,
      java.util.function.Function<String, RuntimeException> failure) {
    if (total > max) {
      throw failure.apply("That would generate " + EstateFileRules.count(total) + " " + what + "; an estate holds at "
          + "most " + EstateFileRules.count(max) + ".");
    }
  }

  @Override
  public String toString() {
    return "EstateGenerator{seed=" + seed + ", organizations=" + organizations + ", projectsPerOrganization="
        + projectsPerOrganization + ", repositoriesPerProject=" + repositoriesPerProject + ", pipelinesPerProject="
        + pipelinesPerProject + ", repositoryCountVariation=" + repositoryCountVariation + ", emptyRepositoryPercent="
        + emptyRepositoryPercent + ", tenantId=" + (tenantId == null ? "from seed" : tenantId) + "}";
  }

  /** Builds an {@link EstateGenerator}. Setters reject out-of-range values at once. */
  public static final class Builder {
    private long seed;
    private int organizations = 1;
    private int projectsPerOrganization = 10;
    private int repositoriesPerProject = 5;
    private int pipelinesPerProject = 1;
    private int repositoryCountVariation;
    private int emptyRepositoryPercent;
    private TenantId tenantId;
    private boolean tokenForAllOrganizations;

    Builder() {}

    /**
     * The seed (default 0). The same seed and settings always generate an equal estate.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Gives the user a personal access token created for "All accessible organizations", which may list the
     * organizations (see {@link Estate#tokenForAllOrganizations()}). Default: a token scoped to the estate's
     * organizations.
     *
     * @return this builder
     */
    public Builder tokenForAllOrganizations() {
      this.tokenForAllOrganizations = true;
      return this;
    }

    /**
     * How many organizations (default 1).
     *
     * @param organizations how many organizations
     * @return this builder
     * @throws IllegalArgumentException unless 0 to {@link EstateFiles#MAX_ORGANIZATIONS}
     */
    public Builder organizations(int organizations) {
      this.organizations = checkRange("organizations", organizations, EstateFiles.MAX_ORGANIZATIONS);
      return this;
    }

    /**
     * How many projects each organization has (default 10).
     *
     * @param projects how many projects per organization
     * @return this builder
     * @throws IllegalArgumentException unless 0 to {@link EstateFiles#MAX_PROJECTS_PER_ORGANIZATION}
     */
    public Builder projectsPerOrganization(int projects) {
      this.projectsPerOrganization =
          checkRange("projectsPerOrganization", projects, EstateFiles.MAX_PROJECTS_PER_ORGANIZATION);
      return this;
    }

    /**
     * How many repositories each project has (default 5); exact unless {@link #repositoryCountVariation(int)} is set.
     *
     * @param repositories how many repositories per project
     * @return this builder
     * @throws IllegalArgumentException unless 0 to {@link EstateFiles#MAX_REPOSITORIES_PER_PROJECT}
     */
    public Builder repositoriesPerProject(int repositories) {
      this.repositoriesPerProject =
          checkRange("repositoriesPerProject", repositories, EstateFiles.MAX_REPOSITORIES_PER_PROJECT);
      return this;
    }

    /**
     * How many pipelines each project has (default 1).
     *
     * @param pipelines how many pipelines per project
     * @return this builder
     * @throws IllegalArgumentException unless 0 to {@link EstateFiles#MAX_PIPELINES_PER_PROJECT}
     */
    public Builder pipelinesPerProject(int pipelines) {
      this.pipelinesPerProject = checkRange("pipelinesPerProject", pipelines, EstateFiles.MAX_PIPELINES_PER_PROJECT);
      return this;
    }

    /**
     * Varies the number of repositories per project by up to this percentage either way, drawn from the seed
     * (default 0: exact). With 20 repositories and 25 %, each project has 15 to 25. Totals are then no longer exact,
     * and the same seed with and without variation gives different names.
     *
     * @param percent the largest deviation, in percent
     * @return this builder
     * @throws IllegalArgumentException unless 0 to 100
     */
    public Builder repositoryCountVariation(int percent) {
      this.repositoryCountVariation = checkRange("repositoryCountVariation", percent, 100);
      return this;
    }

    /**
     * Makes about this percentage of repositories empty (no commits, so no default branch), drawn from the seed
     * (default 0: every repository has {@code refs/heads/main}).
     *
     * @param percent the share of empty repositories, in percent
     * @return this builder
     * @throws IllegalArgumentException unless 0 to 100
     */
    public Builder emptyRepositoryPercent(int percent) {
      this.emptyRepositoryPercent = checkRange("emptyRepositoryPercent", percent, 100);
      return this;
    }

    /**
     * The estate's tenant, which every organization is connected to (default: a tenant id derived from the seed).
     *
     * @param tenantId the tenant
     * @return this builder
     * @throws NullPointerException if {@code tenantId} is null
     */
    public Builder tenantId(TenantId tenantId) {
      this.tenantId = Objects.requireNonNull(tenantId, "tenantId must not be null");
      return this;
    }

    /**
     * The generator.
     *
     * @return a generator with these settings
     * @throws IllegalStateException if the estate would exceed {@link EstateFiles#MAX_REPOSITORIES} repositories or
     *     {@link EstateFiles#MAX_PIPELINES} pipelines in total
     */
    public EstateGenerator build() {
      long projects = (long) organizations * projectsPerOrganization;
      long mostRepositories = Math.min(EstateFiles.MAX_REPOSITORIES_PER_PROJECT,
          repositoriesPerProject + repositoriesPerProject * repositoryCountVariation / 100);
      checkTotal(projects * mostRepositories, EstateFiles.MAX_REPOSITORIES, "repositories (at most)",
          IllegalStateException::new);
      checkTotal(projects * pipelinesPerProject, EstateFiles.MAX_PIPELINES, "pipelines", IllegalStateException::new);
      return new EstateGenerator(this);
    }
  }
}
