package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.lower;
import static io.github.devopsconnector.testing.EstateFileRules.quote;

import io.github.devopsconnector.core.OrganizationName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an estate as an estate file: first checks that the file would read back as an equal estate (the model
 * accepts more than the file format does), then writes it with one project per line. Values equal to what reading
 * derives (ids from names, positional pipeline ids, the default branch) are left out.
 */
final class EstateFileWriter {

  static final Optional<String> MAIN = Optional.of(EstateFiles.DEFAULT_BRANCH);

  private EstateFileWriter() {}

  static String toJson(Estate estate) {
    check(estate);
    StringBuilder out = new StringBuilder(4096);
    out.append("{\n");
    out.append("  \"tenantId\": ");
    string(out, estate.tenantId().value());
    out.append(",\n  \"user\": {");
    EstateUser user = estate.user();
    if (!user.id().equals(EstateFileIds.user(user.email()))) {
      out.append("\"id\": ");
      string(out, user.id());
      out.append(", ");
    }
    out.append("\"displayName\": ");
    string(out, user.displayName());
    out.append(", \"email\": ");
    string(out, user.email());
    if (user.servicePrincipal()) {
      out.append(", \"servicePrincipal\": true");
    }
    out.append("},\n  \"onboardedElsewhere\": [");
    boolean first = true;
    for (OrganizationName name : estate.onboardedElsewhere()) {
      out.append(first ? "" : ", ");
      string(out, name.value());
      first = false;
    }
    out.append("],\n");
    if (estate.tokenForAllOrganizations()) {
      out.append("  \"tokenScope\": \"" + EstateFileReader.TOKEN_FOR_ALL + "\",\n");
    } else if (!estate.tokenOrganizations().isEmpty()) {
      out.append("  \"tokenScope\": [");
      boolean firstScope = true;
      for (OrganizationName name : estate.tokenOrganizations()) {
        out.append(firstScope ? "" : ", ");
        string(out, name.value());
        firstScope = false;
      }
      out.append("],\n");
    }
    out.append("  \"organizations\": [");
    List<EstateOrganization> organizations = estate.organizations();
    EstateFileIds ids = new EstateFileIds();
    for (int i = 0; i < organizations.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      organization(out, organizations.get(i), ids);
    }
    out.append(organizations.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  private static void organization(StringBuilder out, EstateOrganization organization, EstateFileIds ids) {
    String name = organization.name().value();
    out.append("    {\n      \"name\": ");
    string(out, name);
    if (!organization.id().equals(EstateFileIds.organization(name))) {
      out.append(",\n      \"id\": ");
      string(out, organization.id());
    }
    if (organization.tenantId().isPresent()) {
      out.append(",\n      \"tenantId\": ");
      string(out, organization.tenantId().get().value());
    }
    out.append(",\n      \"accessLevel\": ");
    string(out, EstateFileRules.accessLevelName(organization.accessLevel()));
    out.append(",\n      \"projectCollectionAdministrator\": ").append(organization.projectCollectionAdministrator());
    out.append(",\n      \"administratorThroughNestedGroup\": ")
        .append(organization.administratorThroughNestedGroup());
    out.append(",\n      \"oauthThirdPartyAccess\": ");
    string(out, EstateFileRules.oauthName(organization.oauthThirdPartyAccess()));
    out.append(",\n      \"accessible\": ").append(organization.accessible());
    out.append(",\n      \"projects\": [");
    long position = 0;
    List<EstateProject> projects = organization.projects();
    for (int p = 0; p < projects.size(); p++) {
      EstateProject project = projects.get(p);
      out.append(p == 0 ? "\n        {\"name\": " : ",\n        {\"name\": ");
      string(out, project.name());
      if (!project.id().equals(ids.project(name, project.name()))) {
        out.append(", \"id\": ");
        string(out, project.id());
      }
      out.append(", \"repositories\": [");
      List<EstateRepository> repositories = project.repositories();
      for (int r = 0; r < repositories.size(); r++) {
        EstateRepository repository = repositories.get(r);
        out.append(r == 0 ? "" : ", ");
        boolean derivedId = repository.id().equals(ids.repository(name, project.name(), repository.name()));
        boolean mainBranch = repository.defaultBranch().equals(MAIN);
        if (derivedId && mainBranch) {
          string(out, repository.name());
          continue;
        }
        out.append("{\"name\": ");
        string(out, repository.name());
        if (!derivedId) {
          out.append(", \"id\": ");
          string(out, repository.id());
        }
        if (repository.defaultBranch().isEmpty()) {
          out.append(", \"empty\": true");
        } else if (!mainBranch) {
          out.append(", \"defaultBranch\": ");
          string(out, repository.defaultBranch().get());
        }
        out.append('}');
      }
      out.append("], \"pipelines\": [");
      List<EstatePipeline> pipelines = project.pipelines();
      for (int i = 0; i < pipelines.size(); i++) {
        EstatePipeline pipeline = pipelines.get(i);
        out.append(i == 0 ? "" : ", ");
        if (pipeline.id() == ++position) {
          string(out, pipeline.name());
        } else {
          out.append("{\"name\": ");
          string(out, pipeline.name());
          out.append(", \"id\": ").append(pipeline.id()).append('}');
        }
      }
      out.append("]}");
    }
    out.append(projects.isEmpty() ? "]\n    }" : "\n      ]\n    }");
  }

  /** A JSON string literal. */
  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  // ---------------------------------------------------------------------------------------------- checks

  /** Refuses an estate whose file would not read back equal, naming the path of the first problem. */
  static void check(Estate estate) {
    EstateUser user = estate.user();
    EstateFileRules.guidProblem("the user's profile id", user.id()).ifPresent(p -> refuse("$.user.id", p));
    EstateFileRules.displayNameProblem(user.displayName()).ifPresent(p -> refuse("$.user.displayName", p));
    EstateFileRules.emailProblem(user.email()).ifPresent(p -> refuse("$.user.email", p));
    if (estate.onboardedElsewhere().size() > EstateFiles.MAX_ORGANIZATIONS) {
      refuse("$.onboardedElsewhere", "lists more than " + count(EstateFiles.MAX_ORGANIZATIONS) + " organizations");
    }
    List<EstateOrganization> organizations = estate.organizations();
    if (organizations.size() > EstateFiles.MAX_ORGANIZATIONS) {
      refuse("$.organizations", "has " + count(organizations.size()) + " organizations; an estate file holds at most "
          + count(EstateFiles.MAX_ORGANIZATIONS));
    }
    Set<String> organizationIds = new HashSet<>();
    Set<String> projectIds = new HashSet<>();
    Set<String> repositoryIds = new HashSet<>();
    long repositories = 0;
    long pipelines = 0;
    for (int o = 0; o < organizations.size(); o++) {
      EstateOrganization organization = organizations.get(o);
      String at = "$.organizations[" + o + "]";
      EstateFileRules.guidProblem("the organization id", organization.id()).ifPresent(p -> refuse(at + ".id", p));
      if (!organizationIds.add(lower(organization.id()))) {
        refuse(at + ".id", quote(organization.id()) + " is already the id of another organization");
      }
      if (organization.administratorThroughNestedGroup() && !organization.projectCollectionAdministrator()) {
        refuse(at + ".administratorThroughNestedGroup",
            "is true but projectCollectionAdministrator is false, which an estate file does not allow");
      }
      List<EstateProject> projects = organization.projects();
      if (projects.size() > EstateFiles.MAX_PROJECTS_PER_ORGANIZATION) {
        refuse(at + ".projects", "has " + count(projects.size()) + " projects; an organization holds at most "
            + count(EstateFiles.MAX_PROJECTS_PER_ORGANIZATION));
      }
      Map<String, Integer> projectNames = new HashMap<>();
      Set<Long> pipelineIds = new HashSet<>();
      for (int p = 0; p < projects.size(); p++) {
        EstateProject project = projects.get(p);
        String projectAt = at + ".projects[" + p + "]";
        EstateFileRules.projectNameProblem(project.name()).ifPresent(problem -> refuse(projectAt + ".name", problem));
        Integer before = projectNames.putIfAbsent(lower(project.name()), p);
        if (before != null) {
          refuse(projectAt + ".name", quote(project.name()) + " is already the name of " + at + ".projects[" + before
              + "] (project names compare ignoring case)");
        }
        EstateFileRules.guidProblem("the project id", project.id()).ifPresent(problem -> refuse(projectAt + ".id",
            problem));
        if (!projectIds.add(lower(project.id()))) {
          refuse(projectAt + ".id", quote(project.id()) + " is already the id of another project");
        }
        List<EstateRepository> projectRepositories = project.repositories();
        if (projectRepositories.size() > EstateFiles.MAX_REPOSITORIES_PER_PROJECT) {
          refuse(projectAt + ".repositories", "has " + count(projectRepositories.size())
              + " repositories; a project holds at most " + count(EstateFiles.MAX_REPOSITORIES_PER_PROJECT));
        }
        repositories += projectRepositories.size();
        Map<String, Integer> repositoryNames = new HashMap<>();
        for (int r = 0; r < projectRepositories.size(); r++) {
          EstateRepository repository = projectRepositories.get(r);
          String repositoryAt = projectAt + ".repositories[" + r + "]";
          EstateFileRules.repositoryNameProblem(repository.name())
              .ifPresent(problem -> refuse(repositoryAt + ".name", problem));
          Integer sameName = repositoryNames.putIfAbsent(lower(repository.name()), r);
          if (sameName != null) {
            refuse(repositoryAt + ".name", quote(repository.name()) + " is already the name of " + projectAt
                + ".repositories[" + sameName + "] (repository names compare ignoring case within a project)");
          }
          EstateFileRules.guidProblem("the repository id", repository.id())
              .ifPresent(problem -> refuse(repositoryAt + ".id", problem));
          if (!repositoryIds.add(lower(repository.id()))) {
            refuse(repositoryAt + ".id", quote(repository.id()) + " is already the id of another repository");
          }
          repository.defaultBranch().flatMap(EstateFileRules::branchProblem)
              .ifPresent(problem -> refuse(repositoryAt + ".defaultBranch", problem));
        }
        List<EstatePipeline> projectPipelines = project.pipelines();
        if (projectPipelines.size() > EstateFiles.MAX_PIPELINES_PER_PROJECT) {
          refuse(projectAt + ".pipelines", "has " + count(projectPipelines.size())
              + " pipelines; a project holds at most " + count(EstateFiles.MAX_PIPELINES_PER_PROJECT));
        }
        pipelines += projectPipelines.size();
        Map<String, Integer> pipelineNames = new HashMap<>();
        for (int i = 0; i < projectPipelines.size(); i++) {
          EstatePipeline pipeline = projectPipelines.get(i);
          String pipelineAt = projectAt + ".pipelines[" + i + "]";
          EstateFileRules.pipelineNameProblem(pipeline.name())
              .ifPresent(problem -> refuse(pipelineAt + ".name", problem));
          Integer sameName = pipelineNames.putIfAbsent(lower(pipeline.name()), i);
          if (sameName != null) {
            refuse(pipelineAt + ".name", quote(pipeline.name()) + " is already the name of " + projectAt
                + ".pipelines[" + sameName + "] (pipeline names compare ignoring case within a project)");
          }
          if (pipeline.id() < 1 || pipeline.id() > EstateFileRules.MAX_PIPELINE_ID) {
            refuse(pipelineAt + ".id", pipeline.id() + " is not a pipeline id from 1 to "
                + count(EstateFileRules.MAX_PIPELINE_ID));
          }
          if (!pipelineIds.add(pipeline.id())) {
            refuse(pipelineAt + ".id", pipeline.id() + " is already the id of another pipeline in this organization");
          }
        }
      }
    }
    if (repositories > EstateFiles.MAX_REPOSITORIES) {
      refuse("$.organizations", "hold " + count(repositories) + " repositories; an estate file holds at most "
          + count(EstateFiles.MAX_REPOSITORIES));
    }
    if (pipelines > EstateFiles.MAX_PIPELINES) {
      refuse("$.organizations", "hold " + count(pipelines) + " pipelines; an estate file holds at most "
          + count(EstateFiles.MAX_PIPELINES));
    }
  }

  private static void refuse(String path, String problem) {
    throw new EstateFileException(path, "cannot be written to an estate file: " + problem, -1, -1, null);
  }
}
