package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.lower;
import static io.github.devopsconnector.testing.EstateFileRules.quote;
import static io.github.devopsconnector.testing.EstateJson.valueOr;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.EstateJson.Expect;
import io.github.devopsconnector.testing.EstateJson.Located;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an Azure DevOps estate file: Jackson binds it strictly into the DTOs below (see {@link EstateJson}), then
 * the value rules and the rules across elements are checked, each problem reported with its JSON path and the line
 * and column of the value.
 */
final class EstateFileReader extends EstateFileChecks {

  /** The {@code tokenScope} of a personal access token created for "All accessible organizations". */
  static final String TOKEN_FOR_ALL = "allOrganizations";
  /** The {@code platform} of an Azure DevOps estate file, which is also what a file without one is. */
  static final String AZURE_DEVOPS = "azureDevOps";

  private static final String ORGANIZATION_NAMES = "a list of organization names";
  private static final String ORGANIZATION_NAME = "a string (an organization name)";

  @JsonClassDescription("an estate file")
  static final class EstateDto {
    @Expect("a string (the platform, \"azureDevOps\", \"gitHub\" or \"gitLab\")") Located<String> platform;
    @Expect("a string (a GUID: the tenant of the subscription the connector is created in)") Located<String> tenantId;
    @Expect("the user: an object with displayName, email and optionally id") Located<UserDto> user;
    @Expect(value = ORGANIZATION_NAMES, element = ORGANIZATION_NAME)
    List<Located<String>> onboardedElsewhere = List.of();
    @Expect(value = ORGANIZATION_NAMES, element = ORGANIZATION_NAME) Located<TokenScopeDto> tokenScope;
    @Expect(value = "a list of organization objects", element = "an organization: an object with at least a name")
    List<Located<OrganizationDto>> organizations;

    /** Refuses another platform before the fields of that platform fail to bind. */
    @JsonProperty("platform")
    void platform(Located<String> platform) {
      this.platform = Platform.AZURE_DEVOPS.require(platform);
    }
  }

  @JsonClassDescription("the user")
  static final class UserDto {
    @Expect("a string (a GUID: the user's profile id)") Located<String> id;
    @Expect("a string (the display name)") Located<String> displayName;
    @Expect("a string (the e-mail address)") Located<String> email;
    @Expect("true or false") Boolean servicePrincipal = false;
  }

  /** {@code "allOrganizations"}, or a list of organization names. */
  static final class TokenScopeDto {
    String all;
    List<Located<String>> organizations = List.of();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TokenScopeDto valueOf(String all) {
      TokenScopeDto scope = new TokenScopeDto();
      scope.all = all;
      return scope;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TokenScopeDto of(List<Located<String>> organizations) {
      TokenScopeDto scope = new TokenScopeDto();
      scope.organizations = organizations;
      return scope;
    }
  }

  @JsonClassDescription("an organization")
  static final class OrganizationDto {
    @Expect("a string (the organization name)") Located<String> name;
    @Expect("a string (a GUID: the organization id)") Located<String> id;
    @Expect("a string (a GUID: the tenant the organization is connected to (leave it out for none))")
    Located<String> tenantId;
    @Expect("a string (the access level, one of basic, basicPlusTestPlans, visualStudioSubscriber, stakeholder, none)")
    Located<String> accessLevel;
    @Expect("true or false") Boolean projectCollectionAdministrator = true;
    @Expect("true or false") Located<Boolean> administratorThroughNestedGroup;
    @Expect("a string (the OAuth policy, one of on, off, unknown)") Located<String> oauthThirdPartyAccess;
    @Expect("true or false") Boolean accessible = true;
    @Expect(value = "a list of project objects", element = "a project: an object with at least a name")
    List<Located<ProjectDto>> projects = List.of();
    @Expect("an object with projects, and optionally repositoriesPerProject, pipelinesPerProject and seed")
    Located<GenerateDto> generate;
  }

  @JsonClassDescription("the generate block")
  static final class GenerateDto {
    @Expect(value = "the limit of projects per organization", min = 0,
        max = EstateFiles.MAX_PROJECTS_PER_ORGANIZATION)
    Located<Long> projects;
    @Expect(value = "the limit of repositories per project", min = 0, max = EstateFiles.MAX_REPOSITORIES_PER_PROJECT)
    Located<Long> repositoriesPerProject;
    @Expect(value = "the limit of pipelines per project", min = 0, max = EstateFiles.MAX_PIPELINES_PER_PROJECT)
    Located<Long> pipelinesPerProject;
    @Expect("a 64-bit integer") Located<Long> seed;
  }

  @JsonClassDescription("a project")
  static final class ProjectDto {
    @Expect("a string (the project name)") Located<String> name;
    @Expect("a string (a GUID: the project id)") Located<String> id;
    @Expect(value = "a list of repositories (names, or objects with a name)",
        element = "a repository: a name, or an object with a name")
    List<Located<RepositoryDto>> repositories = List.of();
    @Expect(value = "a list of pipelines (names, or objects with a name)",
        element = "a pipeline: a name, or an object with a name and an id")
    List<Located<PipelineDto>> pipelines = List.of();
  }

  @JsonClassDescription("a repository")
  static final class RepositoryDto {
    @Expect("a string (the repository name)") Located<String> name;
    @Expect("a string (a GUID: the repository id)") Located<String> id;
    @Expect("a string (the default branch, such as refs/heads/main)") Located<String> defaultBranch;
    @Expect("true or false") Located<Boolean> empty;

    RepositoryDto() {}

    /** A repository given by its name alone. */
    RepositoryDto(String name) {
      this.name = Located.unplaced(name);
    }
  }

  @JsonClassDescription("a pipeline")
  static final class PipelineDto {
    @Expect("a string (the pipeline name)") Located<String> name;
    @Expect(value = "a pipeline id", min = 1, max = EstateFileRules.MAX_PIPELINE_ID) Located<Long> id;

    PipelineDto() {}

    /** A pipeline given by its name alone, which gets its position as its id. */
    PipelineDto(String name) {
      this.name = Located.unplaced(name);
    }
  }

  private static final String WHAT = "an estate file is a JSON object with tenantId, user and organizations";

  private final Unique<OrganizationName> organizationNames = new Unique<>("$.organizations", "name",
      "organization names compare ignoring case");
  private final Set<String> organizationIds = new HashSet<>();
  private final Set<String> projectIds = new HashSet<>();
  private final Set<String> repositoryIds = new HashSet<>();
  private final EstateFileIds ids = new EstateFileIds();
  private long repositories;
  private long pipelines;

  private EstateFileReader(String source) {
    super(source);
  }

  static Estate read(InputStream in, String source) {
    return new EstateFileReader(source).estate(EstateJson.read(f -> f.createParser(in), EstateDto.class, source, WHAT));
  }

  static Estate parse(String json) {
    return new EstateFileReader(null).estate(EstateJson.read(f -> f.createParser(json), EstateDto.class, null, WHAT));
  }

  private Estate estate(Located<EstateDto> root) {
    EstateDto file = root.value();
    TenantId tenantId = file.tenantId == null ? null : tenantId("$.tenantId", file.tenantId);
    EstateUser user = file.user == null ? null : user(file.user);
    Set<OrganizationName> elsewhere = organizationNames("$.onboardedElsewhere", file.onboardedElsewhere);
    boolean tokenForAll = false;
    Set<OrganizationName> tokenOrganizations = Set.of();
    if (file.tokenScope != null) {
      TokenScopeDto scope = file.tokenScope.value();
      if (scope.all != null && !scope.all.equals(TOKEN_FOR_ALL)) {
        throw fail("$.tokenScope", file.tokenScope, "the token scope is \"" + TOKEN_FOR_ALL
            + "\" or a list of organization names, not " + quote(scope.all));
      }
      tokenForAll = scope.all != null;
      tokenOrganizations = organizationNames("$.tokenScope", scope.organizations);
    }
    List<EstateOrganization> organizations = file.organizations == null ? null : each("$.organizations",
        file.organizations, EstateFiles.MAX_ORGANIZATIONS, "organizations", "an estate file", this::organization);
    require(tenantId, "$.tenantId", root, "an estate file needs tenantId, the Microsoft Entra tenant GUID");
    require(user, "$.user", root, "an estate file needs user, the signed-in user");
    require(organizations, "$.organizations", root,
        "an estate file needs organizations, the list of organizations (it may be empty: [])");
    return ImmutableEstate.builder()
        .tenantId(tenantId)
        .user(user)
        .onboardedElsewhere(elsewhere)
        .tokenForAllOrganizations(tokenForAll)
        .tokenOrganizations(tokenOrganizations)
        .addAllOrganizations(organizations)
        .build();
  }

  private EstateUser user(Located<UserDto> located) {
    UserDto user = located.value();
    String id = user.id == null ? null : guid("$.user.id", user.id, "the user's profile id");
    String displayName = checked("$.user.displayName", user.displayName, EstateFileRules::displayNameProblem);
    String email = checked("$.user.email", user.email, EstateFileRules::emailProblem);
    require(displayName, "$.user.displayName", located, "the user needs a displayName");
    require(email, "$.user.email", located, "the user needs an email");
    return ImmutableEstateUser.builder().id(id != null ? id : EstateFileIds.user(email)).displayName(displayName)
        .email(email).servicePrincipal(user.servicePrincipal).build();
  }

  private Set<OrganizationName> organizationNames(String path, List<Located<String>> list) {
    return names(path, list, "organizations", "organization names", this::organizationName);
  }

  // ---------------------------------------------------------------------------------------------- organizations

  private EstateOrganization organization(String at, int index, Located<OrganizationDto> located) {
    OrganizationDto dto = located.value();
    OrganizationName name = dto.name == null ? null
        : organizationNames.add(organizationName(at + ".name", dto.name), index, at + ".name", dto.name);
    String id = null;
    if (dto.id != null) {
      id = guid(at + ".id", dto.id, "the organization id");
      if (!organizationIds.add(lower(id))) {
        throw fail(at + ".id", dto.id, quote(id) + " is already the id of another organization");
      }
    }
    TenantId tenantId = dto.tenantId == null ? null : tenantId(at + ".tenantId", dto.tenantId);
    AccessLevel accessLevel = dto.accessLevel == null ? AccessLevel.BASIC
        : oneOf(at + ".accessLevel", dto.accessLevel, EstateFileRules.accessLevel(dto.accessLevel.value()),
            EstateFileRules.ACCESS_LEVELS);
    OAuthAppAccess oauth = dto.oauthThirdPartyAccess == null ? OAuthAppAccess.ON
        : oneOf(at + ".oauthThirdPartyAccess", dto.oauthThirdPartyAccess,
            EstateFileRules.oauth(dto.oauthThirdPartyAccess.value()), EstateFileRules.OAUTH_STATES);
    OrganizationState state = new OrganizationState(
        new Unique<>(at + ".projects", "name", "project names compare ignoring case"));
    List<ProjectDraft> drafts = each(at + ".projects", dto.projects, EstateFiles.MAX_PROJECTS_PER_ORGANIZATION,
        "projects", "an organization", (projectAt, p, project) -> project(projectAt, p, project, state));
    if (dto.generate != null) {
      require(dto.generate.value().projects, at + ".generate.projects", dto.generate,
          "the generate block needs projects, how many projects to generate");
    }
    require(name, at + ".name", located, "every organization needs a name");
    boolean nested = valueOr(dto.administratorThroughNestedGroup, false);
    if (nested && !dto.projectCollectionAdministrator) {
      throw fail(at + ".administratorThroughNestedGroup", dto.administratorThroughNestedGroup, "is true but "
          + "projectCollectionAdministrator is false; a membership through a nested group makes the user an "
          + "administrator, so set projectCollectionAdministrator to true too");
    }
    String organization = name.value();
    if (id == null) {
      id = EstateFileIds.organization(organization);
      if (!organizationIds.add(id)) {
        throw fail(at, located, "the id derived from the name, " + id + ", is already the id of another "
            + "organization; give this one an explicit id");
      }
    }
    List<EstateProject> projects = new ArrayList<>();
    for (int p = 0; p < drafts.size(); p++) {
      projects.add(project(at + ".projects[" + p + "]", organization, drafts.get(p)));
    }
    if (dto.generate != null) {
      projects.addAll(generated(at + ".generate", organization, dto.generate, state));
    }
    return EstateOrganization.builder()
        .name(name)
        .id(id)
        .tenantId(Optional.ofNullable(tenantId))
        .accessLevel(accessLevel)
        .projectCollectionAdministrator(dto.projectCollectionAdministrator)
        .administratorThroughNestedGroup(nested)
        .oauthThirdPartyAccess(oauth)
        .accessible(dto.accessible)
        .addAllProjects(projects)
        .build();
  }

  private List<EstateProject> generated(String at, String organization, Located<GenerateDto> located,
      OrganizationState state) {
    GenerateDto generate = located.value();
    long wanted = generate.projects.value();
    long repositoriesPerProject = valueOr(generate.repositoriesPerProject, 0L);
    long pipelinesPerProject = valueOr(generate.pipelinesPerProject, 0L);
    if (state.projectNames.seen.size() + wanted > EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) {
      throw fail(at + ".projects", generate.projects, count(state.projectNames.seen.size()) + " listed and "
          + count(wanted) + " generated projects make more than " + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION)
          + "; an organization holds at most " + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) + " projects");
    }
    long newRepositories = wanted * repositoriesPerProject;
    if (repositories + newRepositories > EstateFiles.MAX_REPOSITORIES) {
      throw fail(at, located, "would bring the estate to " + count(repositories + newRepositories)
          + " repositories; an estate file holds at most " + count(EstateFiles.MAX_REPOSITORIES));
    }
    long newPipelines = wanted * pipelinesPerProject;
    if (pipelines + newPipelines > EstateFiles.MAX_PIPELINES) {
      throw fail(at, located, "would bring the estate to " + count(pipelines + newPipelines)
          + " pipelines; an estate file holds at most " + count(EstateFiles.MAX_PIPELINES));
    }
    if (state.maxPipelineId + newPipelines > EstateFileRules.MAX_PIPELINE_ID) {
      throw fail(at, located, "the generated pipelines would get ids above " + count(EstateFileRules.MAX_PIPELINE_ID)
          + ", after the highest listed pipeline id, " + count(state.maxPipelineId)
          + "; give the listed pipelines lower ids");
    }
    repositories += newRepositories;
    pipelines += newPipelines;
    Set<String> taken = new HashSet<>(state.projectNames.seen.keySet());
    List<EstateProject> projects = EstateGenerator.projects(organization, (int) wanted, (int) repositoriesPerProject,
        (int) pipelinesPerProject, valueOr(generate.seed, 0L), 0, 0, taken, state.maxPipelineId + 1);
    for (EstateProject project : projects) {
      if (!projectIds.add(project.id())) {
        throw fail(at, located, "the generated project " + quote(project.name()) + " has the id " + project.id()
            + ", which is already the explicit id of another project");
      }
      for (EstateRepository repository : project.repositories()) {
        if (!repositoryIds.add(repository.id())) {
          throw fail(at, located, "the generated repository " + quote(project.name() + "/" + repository.name())
              + " has the id " + repository.id() + ", which is already the explicit id of another repository");
        }
      }
    }
    return projects;
  }

  // ---------------------------------------------------------------------------------------------- projects

  private ProjectDraft project(String at, int index, Located<ProjectDto> located, OrganizationState state) {
    ProjectDto dto = located.value();
    String name = checked(at + ".name", dto.name, EstateFileRules::projectNameProblem);
    if (name != null) {
      state.projectNames.add(lower(name), index, at + ".name", dto.name);
    }
    String id = dto.id == null ? null : guid(at + ".id", dto.id, "the project id");
    if (id != null && !projectIds.add(lower(id))) {
      throw fail(at + ".id", dto.id, quote(id) + " is already the id of another project");
    }
    List<RepositoryDraft> repositories = repositories(at + ".repositories", dto.repositories);
    List<EstatePipeline> pipelines = pipelines(at + ".pipelines", dto.pipelines, state);
    require(name, at + ".name", located, "every project needs a name");
    return new ProjectDraft(name, id, repositories, pipelines);
  }

  private List<RepositoryDraft> repositories(String path, List<Located<RepositoryDto>> list) {
    Unique<String> names = new Unique<>(path, "name", "repository names compare ignoring case within a project");
    return each(path, list, EstateFiles.MAX_REPOSITORIES_PER_PROJECT, "repositories", "a project",
        (at, i, located) -> repository(at, i, located, names));
  }

  private RepositoryDraft repository(String at, int i, Located<RepositoryDto> located,
      Unique<String> names) {
    atMost(++repositories, EstateFiles.MAX_REPOSITORIES, at, located, "repositories", "an estate file");
    RepositoryDto dto = located.value();
    // A name given alone is the element: its problems are reported there.
    boolean byName = dto.name != null && !dto.name.placed();
    String nameAt = byName ? at : at + ".name";
    Located<String> nameValue = byName ? located.with(dto.name.value()) : dto.name;
    String name = checked(nameAt, nameValue, EstateFileRules::repositoryNameProblem);
    String id = dto.id == null ? null : guid(at + ".id", dto.id, "the repository id");
    if (id != null && !repositoryIds.add(lower(id))) {
      throw fail(at + ".id", dto.id, quote(id) + " is already the id of another repository");
    }
    String branch = checked(at + ".defaultBranch", dto.defaultBranch, EstateFileRules::branchProblem);
    require(name, at + ".name", located, "every repository needs a name");
    boolean empty = valueOr(dto.empty, false);
    if (empty && branch != null) {
      throw fail(at + ".empty", dto.empty, "is true but defaultBranch is set; an empty repository has no default "
          + "branch");
    }
    names.add(lower(name), i, nameAt, nameValue);
    return new RepositoryDraft(name, id,
        empty ? Optional.empty() : branch == null ? EstateFileWriter.MAIN : Optional.of(branch));
  }

  private List<EstatePipeline> pipelines(String path, List<Located<PipelineDto>> list, OrganizationState state) {
    Unique<String> names = new Unique<>(path, "name", "pipeline names compare ignoring case within a project");
    return each(path, list, EstateFiles.MAX_PIPELINES_PER_PROJECT, "pipelines", "a project",
        (at, i, located) -> pipeline(at, i, located, names, state));
  }

  private EstatePipeline pipeline(String at, int i, Located<PipelineDto> located,
      Unique<String> names, OrganizationState state) {
    atMost(++pipelines, EstateFiles.MAX_PIPELINES, at, located, "pipelines", "an estate file");
    long position = ++state.pipelinePosition;
    PipelineDto dto = located.value();
    // A name given alone is the element: its problems are reported there.
    boolean byName = dto.name != null && !dto.name.placed();
    String nameAt = byName ? at : at + ".name";
    Located<String> nameValue = byName ? located.with(dto.name.value()) : dto.name;
    String name = checked(nameAt, nameValue, EstateFileRules::pipelineNameProblem);
    require(name, at + ".name", located, "every pipeline needs a name");
    long id = valueOr(dto.id, position);
    names.add(lower(name), i, nameAt, nameValue);
    if (!state.pipelineIds.add(id)) {
      if (dto.id != null) {
        throw fail(at + ".id", dto.id, id + " is already the id of another pipeline in this organization");
      }
      throw fail(at, located, "this pipeline has no id, so it gets its position among the organization's "
          + "pipelines, " + id + ", but another pipeline already has the id " + id + "; give this one an id");
    }
    state.maxPipelineId = Math.max(state.maxPipelineId, id);
    return EstatePipeline.of(id, name);
  }

  /** The project, with the ids the file left out derived from the names. */
  private EstateProject project(String at, String organization, ProjectDraft draft) {
    String projectId = draft.id();
    if (projectId == null) {
      projectId = ids.project(organization, draft.name());
      if (!projectIds.add(projectId)) {
        throw fail(at, null, "the id derived from the project's path, " + projectId
            + ", is already the explicit id of another project; give this one an explicit id");
      }
    }
    List<EstateRepository> built = new ArrayList<>(draft.repositories().size());
    for (int r = 0; r < draft.repositories().size(); r++) {
      RepositoryDraft repository = draft.repositories().get(r);
      String repositoryId = repository.id();
      if (repositoryId == null) {
        repositoryId = ids.repository(organization, draft.name(), repository.name());
        if (!repositoryIds.add(repositoryId)) {
          throw fail(at + ".repositories[" + r + "]", null, "the id derived from the repository's path, "
              + repositoryId + ", is already the explicit id of another repository; give this one an explicit id");
        }
      }
      built.add(EstateRepository.of(repositoryId, repository.name(), repository.branch()));
    }
    return EstateProject.builder().id(projectId).name(draft.name()).addAllRepositories(built)
        .addAllPipelines(draft.pipelines()).build();
  }


  private static final class OrganizationState {
    final Unique<String> projectNames;
    final Set<Long> pipelineIds = new HashSet<>();
    long pipelinePosition;
    long maxPipelineId;

    OrganizationState(Unique<String> projectNames) {
      this.projectNames = projectNames;
    }
  }

  private record ProjectDraft(String name, String id, List<RepositoryDraft> repositories,
      List<EstatePipeline> pipelines) {}

  private record RepositoryDraft(String name, String id, Optional<String> branch) {}
}
