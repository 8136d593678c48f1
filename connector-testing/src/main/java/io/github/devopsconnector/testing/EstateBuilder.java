package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes an {@link Estate} fluently; start with {@link Estates#builder()}. Everything has a default, so
 * {@code Estates.builder().organization("fabrikam").build()} is a valid estate: the default tenant and user, and
 * one organization where the user is a Basic Project Collection Administrator, the OAuth policy is on and the
 * organization belongs to the estate's tenant.
 *
 * <p>Ids are deterministic: organizations, projects and repositories get name-based UUIDs (see
 * {@link Estates#projectId(String, String)}), and pipelines are numbered 1, 2, 3… per organization in the order
 * they are declared. Names are validated when they are given; duplicates (ignoring case) are refused with an
 * {@link IllegalArgumentException}. A builder is not thread-safe; the estate it builds is immutable.
 */
public final class EstateBuilder {

  /** The tenant of an estate that names none. */
  public static final String DEFAULT_TENANT = "6b1f3c4e-2d5a-4f7b-9c8e-0a1b2c3d4e5f";

  /** The user id of an estate that names no user. */
  public static final String DEFAULT_USER_ID = "8d2e4f60-1a3b-4c5d-8e7f-9a0b1c2d3e4f";

  private TenantId tenant = TenantId.parse(DEFAULT_TENANT);
  private EstateUser user = EstateUser.of(DEFAULT_USER_ID, "Test User", "test.user@example.com");
  private final List<OrganizationBuilder> organizations = new ArrayList<>();
  private final Set<OrganizationName> onboardedElsewhere = new LinkedHashSet<>();
  private final Set<OrganizationName> tokenOrganizations = new LinkedHashSet<>();
  private boolean tokenForAllOrganizations;

  EstateBuilder() {}

  /**
   * The Microsoft Entra tenant of the connector's subscription; also the tenant of every organization that names
   * none.
   *
   * @throws IllegalArgumentException if it is not a GUID
   */
  public EstateBuilder tenant(String tenantId) {
    this.tenant = TenantId.parse(tenantId);
    return this;
  }

  /**
   * The signed-in user.
   *
   * @throws IllegalArgumentException if a value is blank
   */
  public EstateBuilder user(String id, String displayName, String email) {
    this.user = EstateUser.of(text(id, "user id"), text(displayName, "user display name"), text(email, "user email"));
    return this;
  }

  /**
   * The signed-in identity is a Microsoft Entra service principal (or managed identity): it has a service principal
   * entitlement instead of a user entitlement.
   *
   * @throws IllegalArgumentException if a value is blank
   */
  public EstateBuilder servicePrincipal(String id, String displayName) {
    this.user = ImmutableEstateUser.builder().id(text(id, "service principal id"))
        .displayName(text(displayName, "service principal display name"))
        .email(id + "@service-principal.invalid").servicePrincipal(true).build();
    return this;
  }

  /**
   * Adds an organization with the defaults and no projects.
   *
   * @throws IllegalArgumentException if the name is not a valid organization name, or already used
   */
  public EstateBuilder organization(String name) {
    return organization(name, org -> { });
  }

  /**
   * Adds an organization, described by {@code spec}.
   *
   * @throws IllegalArgumentException if the name is not a valid organization name, or already used
   */
  public EstateBuilder organization(String name, Consumer<OrganizationBuilder> spec) {
    OrganizationName.problem(DevOpsPlatform.AZURE_DEVOPS, name).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    OrganizationName parsed = OrganizationName.parse(name);
    if (organizations.stream().anyMatch(o -> o.name.equals(parsed))) {
      throw new IllegalArgumentException("The estate already has an organization named " + name + ".");
    }
    OrganizationBuilder organization = new OrganizationBuilder(parsed);
    Objects.requireNonNull(spec, "spec").accept(organization);
    organizations.add(organization);
    return this;
  }

  /**
   * Records organizations as already onboarded by another connector of the tenant.
   *
   * @throws IllegalArgumentException if a name is not a valid organization name
   */
  public EstateBuilder onboardedElsewhere(String... names) {
    for (String name : names) {
      onboardedElsewhere.add(OrganizationName.parse(name));
    }
    return this;
  }

  /**
   * Gives the user a personal access token created for "All accessible organizations", which may also read the
   * profile and the list of organizations. Without this call the token is scoped to organizations (see
   * {@link #tokenScopedTo(String...)}) and gets {@code 401} from the profile and accounts APIs.
   */
  public EstateBuilder tokenForAllOrganizations() {
    this.tokenForAllOrganizations = true;
    return this;
  }

  /**
   * Scopes the user's personal access token to these organizations: elsewhere, and on the profile and accounts
   * APIs, it gets {@code 401}. Without this call (and without {@link #tokenForAllOrganizations()}) the token works
   * in every organization of the estate and still not on the profile and accounts APIs.
   *
   * @throws IllegalArgumentException if a name is not a valid organization name
   */
  public EstateBuilder tokenScopedTo(String... organizations) {
    this.tokenForAllOrganizations = false;
    tokenOrganizations.clear();
    for (String name : organizations) {
      tokenOrganizations.add(OrganizationName.parse(name));
    }
    return this;
  }

  /** The estate. */
  public Estate build() {
    ImmutableEstate.Builder estate = ImmutableEstate.builder()
        .tenantId(tenant)
        .user(user)
        .onboardedElsewhere(onboardedElsewhere)
        .tokenForAllOrganizations(tokenForAllOrganizations)
        .tokenOrganizations(tokenOrganizations);
    organizations.forEach(o -> estate.addOrganizations(o.build(tenant)));
    return estate.build();
  }

  private static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + what + " must not be blank.");
    }
    return value;
  }

  /** Describes one organization and the signed-in user's standing in it. */
  public static final class OrganizationBuilder {
    private final OrganizationName name;
    private AccessLevel accessLevel = AccessLevel.BASIC;
    private boolean administrator = true;
    private boolean nestedAdministrator;
    private OAuthAppAccess oauth = OAuthAppAccess.ON;
    private Optional<TenantId> tenant;
    private boolean tenantSet;
    private boolean accessible = true;
    private final List<ProjectBuilder> projects = new ArrayList<>();

    private OrganizationBuilder(OrganizationName name) {
      this.name = name;
    }

    /** The user's access level; default Basic. */
    public OrganizationBuilder accessLevel(AccessLevel accessLevel) {
      this.accessLevel = Objects.requireNonNull(accessLevel, "accessLevel");
      return this;
    }

    /** Whether the user is a Project Collection Administrator; default yes. */
    public OrganizationBuilder projectCollectionAdministrator(boolean administrator) {
      this.administrator = administrator;
      return this;
    }

    /** Makes the user a Project Collection Administrator through a nested group rather than directly. */
    public OrganizationBuilder administratorThroughNestedGroup() {
      this.administrator = true;
      this.nestedAdministrator = true;
      return this;
    }

    /** The "Third-party application access via OAuth" policy; default on. */
    public OrganizationBuilder oauth(OAuthAppAccess oauth) {
      this.oauth = Objects.requireNonNull(oauth, "oauth");
      return this;
    }

    /**
     * The organization's Microsoft Entra tenant; default the estate's.
     *
     * @throws IllegalArgumentException if it is not a GUID
     */
    public OrganizationBuilder tenant(String tenantId) {
      this.tenant = Optional.of(TenantId.parse(tenantId));
      this.tenantSet = true;
      return this;
    }

    /** Makes the organization one that is connected to no tenant (backed by Microsoft accounts). */
    public OrganizationBuilder noTenant() {
      this.tenant = Optional.empty();
      this.tenantSet = true;
      return this;
    }

    /** Makes the organization refuse the user: it answers 401 (TF400813) to every call. */
    public OrganizationBuilder inaccessible() {
      this.accessible = false;
      return this;
    }

    /**
     * Adds a project without repositories or pipelines.
     *
     * @throws IllegalArgumentException if the name is blank or already used in the organization
     */
    public OrganizationBuilder project(String name) {
      return project(name, p -> { });
    }

    /**
     * Adds a project, described by {@code spec}.
     *
     * @throws IllegalArgumentException if the name is blank or already used in the organization
     */
    public OrganizationBuilder project(String name, Consumer<ProjectBuilder> spec) {
      String projectName = text(name, "project name");
      if (projects.stream().anyMatch(p -> p.name.equalsIgnoreCase(projectName))) {
        throw new IllegalArgumentException("The organization " + this.name + " already has a project named "
            + projectName + ".");
      }
      ProjectBuilder project = new ProjectBuilder(this.name.value(), projectName);
      Objects.requireNonNull(spec, "spec").accept(project);
      projects.add(project);
      return this;
    }

    /**
     * Adds projects without repositories or pipelines.
     *
     * @throws IllegalArgumentException if a name is blank or already used in the organization
     */
    public OrganizationBuilder projects(String... names) {
      for (String projectName : names) {
        project(projectName);
      }
      return this;
    }

    private EstateOrganization build(TenantId estateTenant) {
      long[] nextPipelineId = {1};
      EstateOrganization.Builder organization = EstateOrganization.builder();
      organization.name(name)
          .tenantId(tenantSet ? tenant : Optional.of(estateTenant))
          .accessLevel(accessLevel)
          .projectCollectionAdministrator(administrator)
          .administratorThroughNestedGroup(nestedAdministrator)
          .oauthThirdPartyAccess(oauth)
          .accessible(accessible);
      projects.forEach(p -> organization.addProjects(p.build(nextPipelineId)));
      return organization.build();
    }
  }

  /** Describes one project: its repositories and pipelines. */
  public static final class ProjectBuilder {
    /** The default branch of repositories that name none. */
    public static final String DEFAULT_BRANCH = "refs/heads/main";

    private final String organization;
    private final String name;
    private final List<EstateRepository> repositories = new ArrayList<>();
    private final Set<String> repositoryNames = new HashSet<>();
    private final List<String> pipelines = new ArrayList<>();
    private final Set<String> pipelineNames = new HashSet<>();

    private ProjectBuilder(String organization, String name) {
      this.organization = organization;
      this.name = name;
    }

    /**
     * Adds Git repositories whose default branch is {@value #DEFAULT_BRANCH}.
     *
     * @throws IllegalArgumentException if a name is blank or already used in the project
     */
    public ProjectBuilder repositories(String... names) {
      for (String repository : names) {
        repository(repository, DEFAULT_BRANCH);
      }
      return this;
    }

    /**
     * Adds a Git repository with this default branch.
     *
     * @throws IllegalArgumentException if the name or branch is blank, or the name already used in the project
     */
    public ProjectBuilder repository(String name, String defaultBranch) {
      addRepository(name, Optional.of(text(defaultBranch, "default branch")));
      return this;
    }

    /**
     * Adds an empty Git repository: one without commits, hence without a default branch.
     *
     * @throws IllegalArgumentException if the name is blank or already used in the project
     */
    public ProjectBuilder emptyRepository(String name) {
      addRepository(name, Optional.empty());
      return this;
    }

    /**
     * Adds pipelines.
     *
     * @throws IllegalArgumentException if a name is blank or already used in the project
     */
    public ProjectBuilder pipelines(String... names) {
      for (String pipeline : names) {
        String pipelineName = text(pipeline, "pipeline name");
        if (!pipelineNames.add(pipelineName.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("The project " + name + " already has a pipeline named " + pipelineName
              + ".");
        }
        pipelines.add(pipelineName);
      }
      return this;
    }

    private void addRepository(String repository, Optional<String> defaultBranch) {
      String repositoryName = text(repository, "repository name");
      if (!repositoryNames.add(repositoryName.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("The project " + name + " already has a repository named "
            + repositoryName + ".");
      }
      repositories.add(EstateRepository.of(Estates.repositoryId(organization, name, repositoryName), repositoryName,
          defaultBranch));
    }

    private EstateProject build(long[] nextPipelineId) {
      EstateProject.Builder project = EstateProject.builder()
          .id(Estates.projectId(organization, name))
          .name(name)
          .repositories(repositories);
      pipelines.forEach(p -> project.addPipelines(EstatePipeline.of(nextPipelineId[0]++, p)));
      return project.build();
    }
  }
}
