package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.lower;
import static io.github.devopsconnector.testing.EstateFileRules.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an estate file with Jackson's streaming parser, so that every problem is reported with its JSON path and
 * the line and column of the token, and nothing is ever skipped: unknown fields are errors.
 */
final class EstateFileReader extends EstateJsonCursor {


  /** The {@code tokenScope} of a personal access token created for "All accessible organizations". */
  static final String TOKEN_FOR_ALL = "allOrganizations";
  static final List<String> ESTATE_FIELDS = List.of("platform", "tenantId", "user", "onboardedElsewhere",
      "tokenScope", "organizations");
  /** The {@code platform} of an Azure DevOps estate file, which is also what a file without one is. */
  static final String AZURE_DEVOPS = "azureDevOps";
  static final List<String> USER_FIELDS = List.of("id", "displayName", "email", "servicePrincipal");
  static final List<String> ORGANIZATION_FIELDS = List.of("name", "id", "tenantId", "accessLevel",
      "projectCollectionAdministrator", "administratorThroughNestedGroup", "oauthThirdPartyAccess", "accessible",
      "projects", "generate");
  static final List<String> PROJECT_FIELDS = List.of("name", "id", "repositories", "pipelines");
  static final List<String> REPOSITORY_FIELDS = List.of("name", "id", "defaultBranch", "empty");
  static final List<String> PIPELINE_FIELDS = List.of("name", "id");
  static final List<String> GENERATE_FIELDS = List.of("projects", "repositoriesPerProject", "pipelinesPerProject",
      "seed");


  private final Set<String> organizationIds = new HashSet<>();
  private final Set<String> projectIds = new HashSet<>();
  private final Set<String> repositoryIds = new HashSet<>();
  private final EstateFileIds ids = new EstateFileIds();
  private long repositories;
  private long pipelines;

  private EstateFileReader(JsonParser parser, String source) {
    super(parser, source);
  }

  static Estate read(InputStream in, String source) {
    try (JsonParser parser = factory().createParser(in)) {
      return new EstateFileReader(parser, source).run();
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  static Estate parse(String json) {
    try (JsonParser parser = factory().createParser(json)) {
      return new EstateFileReader(parser, null).run();
    } catch (IOException e) {
      throw unreadable(null, e);
    }
  }

  private Estate run() throws IOException {
    return guarded(this::estate);
  }

  // ---------------------------------------------------------------------------------------------- the estate

  private Estate estate() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw failAt(parser.currentLocation(),
          "the file is empty; an estate file is a JSON object with tenantId, user and organizations");
    }
    if (first != JsonToken.START_OBJECT) {
      throw fail("an estate file is a JSON object with tenantId, user and organizations, but this file holds "
          + found());
    }
    JsonLocation start = parser.currentTokenLocation();
    TenantId tenantId = null;
    EstateUser user = null;
    Set<OrganizationName> elsewhere = Set.of();
    boolean tokenForAll = false;
    Set<OrganizationName> tokenOrganizations = Set.of();
    List<EstateOrganization> organizations = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "platform":
          String platform = string("the platform, \"" + AZURE_DEVOPS + "\" or \"" + GitHubEstateFileReader.GITHUB
              + "\"");
          if (platform.equals(GitHubEstateFileReader.GITHUB)) {
            throw fail("this is a GitHub estate file; read it with EstateFiles.readGitHub(...) or "
                + "EstateFiles.parseGitHub(...)");
          }
          if (!platform.equals(AZURE_DEVOPS)) {
            throw fail("the platform is \"" + AZURE_DEVOPS + "\" (the default) or \"" + GitHubEstateFileReader.GITHUB
                + "\", not " + quote(platform));
          }
          break;
        case "tenantId":
          tenantId = tenantId("the tenant of the subscription the connector is created in");
          break;
        case "user":
          user = user();
          break;
        case "onboardedElsewhere":
          elsewhere = onboardedElsewhere();
          break;
        case "tokenScope":
          if (parser.currentToken() == JsonToken.VALUE_STRING) {
            if (!parser.getText().equals(TOKEN_FOR_ALL)) {
              throw fail("the token scope is \"" + TOKEN_FOR_ALL + "\" or a list of organization names, not "
                  + quote(parser.getText()));
            }
            tokenForAll = true;
          } else {
            tokenOrganizations = onboardedElsewhere();
          }
          break;
        case "organizations":
          organizations = organizations();
          break;
        default:
          throw unknownField("an estate file", ESTATE_FIELDS);
      }
      pop();
    }
    require(tenantId, "tenantId", start, "an estate file needs tenantId, the Microsoft Entra tenant GUID");
    require(user, "user", start, "an estate file needs user, the signed-in user");
    require(organizations, "organizations", start,
        "an estate file needs organizations, the list of organizations (it may be empty: [])");
    if (parser.nextToken() != null) {
      throw fail("there is more after the estate object; a file holds exactly one JSON object");
    }
    return ImmutableEstate.builder()
        .tenantId(tenantId)
        .user(user)
        .onboardedElsewhere(elsewhere)
        .tokenForAllOrganizations(tokenForAll)
        .tokenOrganizations(tokenOrganizations)
        .addAllOrganizations(organizations)
        .build();
  }

  private EstateUser user() throws IOException {
    JsonLocation start = expectObject("the user: an object with displayName, email and optionally id");
    String id = null;
    String displayName = null;
    String email = null;
    boolean servicePrincipal = false;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "id":
          id = guid("the user's profile id");
          break;
        case "servicePrincipal":
          servicePrincipal = bool();
          break;
        case "displayName":
          displayName = checked(string("the display name"), EstateFileRules.displayNameProblem(parser.getText()));
          break;
        case "email":
          email = checked(string("the e-mail address"), EstateFileRules.emailProblem(parser.getText()));
          break;
        default:
          throw unknownField("the user", USER_FIELDS);
      }
      pop();
    }
    require(displayName, "displayName", start, "the user needs a displayName");
    require(email, "email", start, "the user needs an email");
    return ImmutableEstateUser.builder().id(id != null ? id : EstateFileIds.user(email)).displayName(displayName)
        .email(email).servicePrincipal(servicePrincipal).build();
  }

  private Set<OrganizationName> onboardedElsewhere() throws IOException {
    expectArray("a list of organization names");
    Map<OrganizationName, Integer> names = new HashMap<>();
    Set<OrganizationName> result = new LinkedHashSet<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_ORGANIZATIONS) {
        throw fail("more than " + count(EstateFiles.MAX_ORGANIZATIONS) + " organizations; the list holds at most "
            + count(EstateFiles.MAX_ORGANIZATIONS));
      }
      OrganizationName name = organizationName(string("an organization name"));
      Integer before = names.putIfAbsent(name, i);
      if (before != null) {
        throw fail(quote(name.value()) + " is listed twice (also at " + sibling(before)
            + "; organization names compare ignoring case)");
      }
      result.add(name);
      pop();
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------- organizations

  private List<EstateOrganization> organizations() throws IOException {
    expectArray("a list of organization objects");
    Map<OrganizationName, Integer> names = new HashMap<>();
    List<EstateOrganization> result = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_ORGANIZATIONS) {
        throw fail("more than " + count(EstateFiles.MAX_ORGANIZATIONS) + " organizations; an estate file holds at most "
            + count(EstateFiles.MAX_ORGANIZATIONS));
      }
      result.add(organization(i, names));
      pop();
    }
    return result;
  }

  private EstateOrganization organization(int index, Map<OrganizationName, Integer> names) throws IOException {
    JsonLocation start = expectObject("an organization: an object with at least a name");
    OrganizationState state = new OrganizationState();
    OrganizationName name = null;
    String id = null;
    TenantId tenantId = null;
    AccessLevel accessLevel = AccessLevel.BASIC;
    boolean administrator = true;
    boolean nested = false;
    JsonLocation nestedLocation = null;
    OAuthAppAccess oauth = OAuthAppAccess.ON;
    boolean accessible = true;
    List<ProjectDraft> drafts = List.of();
    Generate generate = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "name":
          name = organizationName(string("the organization name"));
          Integer before = names.putIfAbsent(name, index);
          if (before != null) {
            throw fail(quote(name.value()) + " is already the name of $.organizations[" + before
                + "] (organization names compare ignoring case)");
          }
          break;
        case "id":
          id = guid("the organization id");
          if (!organizationIds.add(lower(id))) {
            throw fail(quote(id) + " is already the id of another organization");
          }
          break;
        case "tenantId":
          tenantId = tenantId("the tenant the organization is connected to (leave it out for none)");
          break;
        case "accessLevel":
          String level = string("the access level, one of " + String.join(", ", EstateFileRules.ACCESS_LEVELS));
          accessLevel = EstateFileRules.accessLevel(level).orElseThrow(() -> fail(quote(level) + " is not one of "
              + String.join(", ", EstateFileRules.ACCESS_LEVELS)));
          break;
        case "projectCollectionAdministrator":
          administrator = bool();
          break;
        case "administratorThroughNestedGroup":
          nested = bool();
          nestedLocation = parser.currentTokenLocation();
          break;
        case "oauthThirdPartyAccess":
          String policy = string("the OAuth policy, one of " + String.join(", ", EstateFileRules.OAUTH_STATES));
          oauth = EstateFileRules.oauth(policy).orElseThrow(() -> fail(quote(policy) + " is not one of "
              + String.join(", ", EstateFileRules.OAUTH_STATES)));
          break;
        case "accessible":
          accessible = bool();
          break;
        case "projects":
          drafts = projects(state);
          break;
        case "generate":
          generate = generate();
          break;
        default:
          throw unknownField("an organization", ORGANIZATION_FIELDS);
      }
      pop();
    }
    require(name, "name", start, "every organization needs a name");
    if (nested && !administrator) {
      path.add("administratorThroughNestedGroup");
      throw failAt(nestedLocation, "is true but projectCollectionAdministrator is false; a membership through a "
          + "nested group makes the user an administrator, so set projectCollectionAdministrator to true too");
    }
    String organization = name.value();
    if (id == null) {
      id = EstateFileIds.organization(organization);
      if (!organizationIds.add(id)) {
        throw failAt(start, "the id derived from the name, " + id + ", is already the id of another organization; "
            + "give this one an explicit id");
      }
    }
    List<EstateProject> projects = new ArrayList<>(drafts.size() + (generate == null ? 0 : generate.projects));
    for (int p = 0; p < drafts.size(); p++) {
      projects.add(drafts.get(p).build(organization, p));
    }
    if (generate != null) {
      projects.addAll(generated(organization, generate, state));
    }
    return EstateOrganization.builder()
        .name(name)
        .id(id)
        .tenantId(Optional.ofNullable(tenantId))
        .accessLevel(accessLevel)
        .projectCollectionAdministrator(administrator)
        .administratorThroughNestedGroup(nested)
        .oauthThirdPartyAccess(oauth)
        .accessible(accessible)
        .addAllProjects(projects)
        .build();
  }

  private List<EstateProject> generated(String organization, Generate generate, OrganizationState state) {
    path.add("generate");
    if (state.projectNames.size() + (long) generate.projects > EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) {
      path.add("projects");
      throw failAt(generate.projectsLocation, count(state.projectNames.size()) + " listed and "
          + count(generate.projects) + " generated projects make more than "
          + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) + "; an organization holds at most "
          + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) + " projects");
    }
    long newRepositories = (long) generate.projects * generate.repositoriesPerProject;
    if (repositories + newRepositories > EstateFiles.MAX_REPOSITORIES) {
      throw failAt(generate.location, "would bring the estate to " + count(repositories + newRepositories)
          + " repositories; an estate file holds at most " + count(EstateFiles.MAX_REPOSITORIES));
    }
    long newPipelines = (long) generate.projects * generate.pipelinesPerProject;
    if (pipelines + newPipelines > EstateFiles.MAX_PIPELINES) {
      throw failAt(generate.location, "would bring the estate to " + count(pipelines + newPipelines)
          + " pipelines; an estate file holds at most " + count(EstateFiles.MAX_PIPELINES));
    }
    if (state.maxPipelineId + newPipelines > EstateFileRules.MAX_PIPELINE_ID) {
      throw failAt(generate.location, "the generated pipelines would get ids above "
          + count(EstateFileRules.MAX_PIPELINE_ID) + ", after the highest listed pipeline id, "
          + count(state.maxPipelineId) + "; give the listed pipelines lower ids");
    }
    repositories += newRepositories;
    pipelines += newPipelines;
    Set<String> taken = new HashSet<>(state.projectNames.keySet());
    List<EstateProject> projects = EstateGenerator.projects(organization, generate.projects,
        generate.repositoriesPerProject, generate.pipelinesPerProject, generate.seed, 0, 0, taken,
        state.maxPipelineId + 1);
    for (EstateProject project : projects) {
      if (!projectIds.add(project.id())) {
        throw failAt(generate.location, "the generated project " + quote(project.name()) + " has the id "
            + project.id() + ", which is already the explicit id of another project");
      }
      for (EstateRepository repository : project.repositories()) {
        if (!repositoryIds.add(repository.id())) {
          throw failAt(generate.location, "the generated repository " + quote(project.name() + "/"
              + repository.name()) + " has the id " + repository.id()
              + ", which is already the explicit id of another repository");
        }
      }
    }
    pop();
    return projects;
  }

  private Generate generate() throws IOException {
    Generate generate = new Generate();
    generate.location = expectObject("an object with projects, and optionally repositoriesPerProject, "
        + "pipelinesPerProject and seed");
    boolean hasProjects = false;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "projects":
          generate.projects = (int) integer(0, EstateFiles.MAX_PROJECTS_PER_ORGANIZATION,
              "the limit of projects per organization");
          generate.projectsLocation = parser.currentTokenLocation();
          hasProjects = true;
          break;
        case "repositoriesPerProject":
          generate.repositoriesPerProject = (int) integer(0, EstateFiles.MAX_REPOSITORIES_PER_PROJECT,
              "the limit of repositories per project");
          break;
        case "pipelinesPerProject":
          generate.pipelinesPerProject = (int) integer(0, EstateFiles.MAX_PIPELINES_PER_PROJECT,
              "the limit of pipelines per project");
          break;
        case "seed":
          generate.seed = integer(Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
          break;
        default:
          throw unknownField("the generate block", GENERATE_FIELDS);
      }
      pop();
    }
    require(hasProjects ? Boolean.TRUE : null, "projects", generate.location,
        "the generate block needs projects, how many projects to generate");
    return generate;
  }

  // ---------------------------------------------------------------------------------------------- projects

  private List<ProjectDraft> projects(OrganizationState state) throws IOException {
    expectArray("a list of project objects");
    List<ProjectDraft> result = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) {
        throw fail("more than " + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION)
            + " projects; an organization holds at most " + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION));
      }
      result.add(project(i, state));
      pop();
    }
    return result;
  }

  private ProjectDraft project(int index, OrganizationState state) throws IOException {
    JsonLocation start = expectObject("a project: an object with at least a name");
    ProjectDraft draft = new ProjectDraft();
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "name":
          draft.name = checked(string("the project name"), EstateFileRules.projectNameProblem(parser.getText()));
          Integer before = state.projectNames.putIfAbsent(lower(draft.name), index);
          if (before != null) {
            throw fail(quote(draft.name) + " is already the name of " + cousin(1, before)
                + " (project names compare ignoring case)");
          }
          break;
        case "id":
          draft.id = guid("the project id");
          if (!projectIds.add(lower(draft.id))) {
            throw fail(quote(draft.id) + " is already the id of another project");
          }
          break;
        case "repositories":
          draft.repositories = repositories();
          break;
        case "pipelines":
          draft.pipelines = pipelines(state);
          break;
        default:
          throw unknownField("a project", PROJECT_FIELDS);
      }
      pop();
    }
    require(draft.name, "name", start, "every project needs a name");
    return draft;
  }

  private List<RepositoryDraft> repositories() throws IOException {
    expectArray("a list of repositories (names, or objects with a name)");
    List<RepositoryDraft> result = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_REPOSITORIES_PER_PROJECT) {
        throw fail("more than " + count(EstateFiles.MAX_REPOSITORIES_PER_PROJECT)
            + " repositories; a project holds at most " + count(EstateFiles.MAX_REPOSITORIES_PER_PROJECT));
      }
      if (++repositories > EstateFiles.MAX_REPOSITORIES) {
        throw fail("more than " + count(EstateFiles.MAX_REPOSITORIES) + " repositories; an estate file holds at most "
            + count(EstateFiles.MAX_REPOSITORIES));
      }
      RepositoryDraft draft = parser.currentToken() == JsonToken.VALUE_STRING
          ? new RepositoryDraft(checked(parser.getText(), EstateFileRules.repositoryNameProblem(parser.getText())))
          : repository();
      Integer before = names.putIfAbsent(lower(draft.name), i);
      if (before != null) {
        if (draft.nameLocation != null) {
          path.add("name");
        }
        throw failAt(draft.nameLocation != null ? draft.nameLocation : parser.currentTokenLocation(),
            quote(draft.name) + " is already the name of " + cousin(draft.nameLocation != null ? 1 : 0, before)
                + " (repository names compare ignoring case within a project)");
      }
      result.add(draft);
      pop();
    }
    return result;
  }

  private RepositoryDraft repository() throws IOException {
    JsonLocation start = expectObject("a repository: a name, or an object with a name");
    String name = null;
    JsonLocation nameLocation = null;
    String id = null;
    String branch = null;
    boolean empty = false;
    JsonLocation emptyLocation = null;
    Set<String> seen = new HashSet<>();
    for (String field = nextField(seen); field != null; field = nextField(seen)) {
      switch (field) {
        case "name":
          name = checked(string("the repository name"), EstateFileRules.repositoryNameProblem(parser.getText()));
          nameLocation = parser.currentTokenLocation();
          break;
        case "id":
          id = guid("the repository id");
          if (!repositoryIds.add(lower(id))) {
            throw fail(quote(id) + " is already the id of another repository");
          }
          break;
        case "defaultBranch":
          branch = checked(string("the default branch, such as refs/heads/main"),
              EstateFileRules.branchProblem(parser.getText()));
          break;
        case "empty":
          empty = bool();
          emptyLocation = parser.currentTokenLocation();
          break;
        default:
          throw unknownField("a repository", REPOSITORY_FIELDS);
      }
      pop();
    }
    require(name, "name", start, "every repository needs a name");
    if (empty && branch != null) {
      path.add("empty");
      throw failAt(emptyLocation, "is true but defaultBranch is set; an empty repository has no default branch");
    }
    RepositoryDraft draft = new RepositoryDraft(name);
    draft.nameLocation = nameLocation;
    draft.id = id;
    draft.branch = empty ? Optional.empty() : branch == null ? EstateFileWriter.MAIN : Optional.of(branch);
    return draft;
  }

  private List<EstatePipeline> pipelines(OrganizationState state) throws IOException {
    expectArray("a list of pipelines (names, or objects with a name)");
    List<EstatePipeline> result = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      path.add(i);
      if (i >= EstateFiles.MAX_PIPELINES_PER_PROJECT) {
        throw fail("more than " + count(EstateFiles.MAX_PIPELINES_PER_PROJECT)
            + " pipelines; a project holds at most " + count(EstateFiles.MAX_PIPELINES_PER_PROJECT));
      }
      if (++pipelines > EstateFiles.MAX_PIPELINES) {
        throw fail("more than " + count(EstateFiles.MAX_PIPELINES) + " pipelines; an estate file holds at most "
            + count(EstateFiles.MAX_PIPELINES));
      }
      long position = ++state.pipelinePosition;
      String name;
      long id;
      JsonLocation nameLocation = null;
      JsonLocation idLocation = null;
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        name = checked(parser.getText(), EstateFileRules.pipelineNameProblem(parser.getText()));
        id = position;
      } else {
        JsonLocation start = expectObject("a pipeline: a name, or an object with a name and an id");
        name = null;
        id = position;
        Set<String> seen = new HashSet<>();
        for (String field = nextField(seen); field != null; field = nextField(seen)) {
          switch (field) {
            case "name":
              name = checked(string("the pipeline name"), EstateFileRules.pipelineNameProblem(parser.getText()));
              nameLocation = parser.currentTokenLocation();
              break;
            case "id":
              id = integer(1, EstateFileRules.MAX_PIPELINE_ID, "a pipeline id");
              idLocation = parser.currentTokenLocation();
              break;
            default:
              throw unknownField("a pipeline", PIPELINE_FIELDS);
          }
          pop();
        }
        require(name, "name", start, "every pipeline needs a name");
      }
      Integer before = names.putIfAbsent(lower(name), i);
      if (before != null) {
        if (nameLocation != null) {
          path.add("name");
        }
        throw failAt(nameLocation != null ? nameLocation : parser.currentTokenLocation(), quote(name)
            + " is already the name of " + cousin(nameLocation != null ? 1 : 0, before)
            + " (pipeline names compare ignoring case within a project)");
      }
      if (!state.pipelineIds.add(id)) {
        if (idLocation != null) {
          path.add("id");
          throw failAt(idLocation, id + " is already the id of another pipeline in this organization");
        }
        throw fail("this pipeline has no id, so it gets its position among the organization's pipelines, " + id
            + ", but another pipeline already has the id " + id + "; give this one an id");
      }
      state.maxPipelineId = Math.max(state.maxPipelineId, id);
      result.add(EstatePipeline.of(id, name));
      pop();
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------- drafts

  private static final class OrganizationState {
    final Map<String, Integer> projectNames = new HashMap<>();
    final Set<Long> pipelineIds = new HashSet<>();
    long pipelinePosition;
    long maxPipelineId;
  }

  private static final class Generate {
    JsonLocation location;
    JsonLocation projectsLocation;
    int projects;
    int repositoriesPerProject;
    int pipelinesPerProject;
    long seed;
  }

  private final class ProjectDraft {
    String name;
    String id;
    List<RepositoryDraft> repositories = List.of();
    List<EstatePipeline> pipelines = List.of();

    /** The project, with the ids the file left out derived from the names. */
    EstateProject build(String organization, int index) {
      String projectId = id;
      if (projectId == null) {
        projectId = ids.project(organization, name);
        if (!projectIds.add(projectId)) {
          path.add("projects");
          path.add(index);
          throw failAt(null, "the id derived from the project's path, " + projectId
              + ", is already the explicit id of another project; give this one an explicit id");
        }
      }
      List<EstateRepository> built = new ArrayList<>(repositories.size());
      for (int r = 0; r < repositories.size(); r++) {
        RepositoryDraft repository = repositories.get(r);
        String repositoryId = repository.id;
        if (repositoryId == null) {
          repositoryId = ids.repository(organization, name, repository.name);
          if (!repositoryIds.add(repositoryId)) {
            path.add("projects");
            path.add(index);
            path.add("repositories");
            path.add(r);
            throw failAt(null, "the id derived from the repository's path, " + repositoryId
                + ", is already the explicit id of another repository; give this one an explicit id");
          }
        }
        built.add(EstateRepository.of(repositoryId, repository.name, repository.branch));
      }
      return EstateProject.builder()
          .id(projectId)
          .name(name)
          .addAllRepositories(built)
          .addAllPipelines(pipelines)
          .build();
    }
  }

  private static final class RepositoryDraft {
    final String name;
    JsonLocation nameLocation;
    String id;
    Optional<String> branch = EstateFileWriter.MAIN;

    RepositoryDraft(String name) {
      this.name = name;
    }
  }
}
