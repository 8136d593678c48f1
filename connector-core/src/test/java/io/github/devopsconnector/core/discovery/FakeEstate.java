package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A small Azure DevOps world for the discovery and preflight tests of core: the signed-in user, their
 * organizations with the facts a preflight reads, and each organization's projects, repositories and pipelines.
 * By default the user is a Basic Project Collection Administrator, the OAuth policy is on and every organization
 * belongs to the estate's tenant. Ids are name-based UUIDs ({@link #projectId}, {@link #repositoryId}); pipelines
 * are numbered 1, 2, 3... per organization in the order they are declared. (connector-testing's {@code Estate} is
 * the full fixture for integrators; core's tests cannot depend on it.)
 */
final class FakeEstate {

  static final String DEFAULT_TENANT = "6b1f3c4e-2d5a-4f7b-9c8e-0a1b2c3d4e5f";

  record User(String id, String displayName, String email) {}

  record Repository(String id, String name, Optional<String> defaultBranch) {}

  record Pipeline(long id, String name) {}

  record Project(String id, String name, List<Repository> repositories, List<Pipeline> pipelines) {}

  record Organization(String id, OrganizationName name, AccessLevel accessLevel,
      boolean projectCollectionAdministrator, OAuthAppAccess oauth, Optional<TenantId> tenant, boolean accessible,
      List<Project> projects) {}

  private final TenantId tenant;
  private final User user;
  private final List<Organization> organizations;
  private final Set<OrganizationName> onboardedElsewhere;

  private FakeEstate(Builder builder) {
    this.tenant = builder.tenant;
    this.user = builder.user;
    List<Organization> built = new ArrayList<>();
    builder.organizations.forEach(o -> built.add(o.build(builder.tenant)));
    this.organizations = List.copyOf(built);
    this.onboardedElsewhere = Set.copyOf(builder.onboardedElsewhere);
  }

  static Builder builder() {
    return new Builder();
  }

  /**
   * {@code organizations} organizations of {@code projects} projects each. Names mix case and order so that sorting
   * matters; every third project has no repository and every fifth no pipeline.
   */
  static FakeEstate grid(int organizations, int projects) {
    Builder estate = builder();
    for (int o = organizations - 1; o >= 0; o--) {
      estate.organization((o % 2 == 0 ? "Org-" : "org-") + String.format(Locale.ROOT, "%02d", o), org -> {
        for (int p = projects - 1; p >= 0; p--) {
          int n = p;
          org.project((n % 2 == 0 ? "Project " : "project ") + n, project -> {
            if (n % 3 != 0) {
              project.repositories("service-" + n, "Docs", "web-" + n);
            }
            if (n % 5 != 0) {
              project.pipelines("ci", "Release " + n);
            }
          });
        }
      });
    }
    return estate.build();
  }

  static String organizationId(String organization) {
    return nameId("organization:" + organization);
  }

  static String projectId(String organization, String project) {
    return nameId("project:" + organization + "/" + project);
  }

  static String repositoryId(String organization, String project, String repository) {
    return nameId("repository:" + organization + "/" + project + "/" + repository);
  }

  private static String nameId(String path) {
    return UUID.nameUUIDFromBytes(path.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
  }

  TenantId tenantId() {
    return tenant;
  }

  User user() {
    return user;
  }

  List<Organization> organizations() {
    return organizations;
  }

  Set<OrganizationName> onboardedElsewhere() {
    return onboardedElsewhere;
  }

  long projectCount() {
    return organizations.stream().mapToLong(o -> o.projects().size()).sum();
  }

  long repositoryCount() {
    return projects().mapToLong(p -> p.repositories().size()).sum();
  }

  long pipelineCount() {
    return projects().mapToLong(p -> p.pipelines().size()).sum();
  }

  private java.util.stream.Stream<Project> projects() {
    return organizations.stream().flatMap(o -> o.projects().stream());
  }

  static final class Builder {
    private TenantId tenant = TenantId.parse(DEFAULT_TENANT);
    private User user = new User("8d2e4f60-1a3b-4c5d-8e7f-9a0b1c2d3e4f", "Test User", "test.user@example.com");
    private final List<OrganizationSpec> organizations = new ArrayList<>();
    private final Set<OrganizationName> onboardedElsewhere = new LinkedHashSet<>();

    Builder tenant(String tenantId) {
      this.tenant = TenantId.parse(tenantId);
      return this;
    }

    Builder user(String id, String displayName, String email) {
      this.user = new User(id, displayName, email);
      return this;
    }

    Builder organization(String name) {
      return organization(name, o -> { });
    }

    Builder organization(String name, Consumer<OrganizationSpec> spec) {
      OrganizationSpec organization = new OrganizationSpec(name);
      spec.accept(organization);
      organizations.add(organization);
      return this;
    }

    /** Organizations another connector of the tenant already onboarded. */
    Builder onboardedElsewhere(String... names) {
      for (String name : names) {
        onboardedElsewhere.add(OrganizationName.parse(name));
      }
      return this;
    }

    FakeEstate build() {
      return new FakeEstate(this);
    }
  }

  static final class OrganizationSpec {
    private final String name;
    private AccessLevel accessLevel = AccessLevel.BASIC;
    private boolean administrator = true;
    private OAuthAppAccess oauth = OAuthAppAccess.ON;
    private Optional<TenantId> tenant = Optional.empty();
    private boolean tenantSet;
    private boolean accessible = true;
    private final List<ProjectSpec> projects = new ArrayList<>();

    private OrganizationSpec(String name) {
      this.name = name;
    }

    OrganizationSpec accessLevel(AccessLevel accessLevel) {
      this.accessLevel = accessLevel;
      return this;
    }

    OrganizationSpec projectCollectionAdministrator(boolean administrator) {
      this.administrator = administrator;
      return this;
    }

    /** Through a nested group: the port answers "administrator" all the same. */
    OrganizationSpec administratorThroughNestedGroup() {
      return projectCollectionAdministrator(true);
    }

    OrganizationSpec oauth(OAuthAppAccess oauth) {
      this.oauth = oauth;
      return this;
    }

    OrganizationSpec tenant(String tenantId) {
      this.tenant = Optional.of(TenantId.parse(tenantId));
      this.tenantSet = true;
      return this;
    }

    /** Connected to no Microsoft Entra tenant (backed by Microsoft accounts). */
    OrganizationSpec noTenant() {
      this.tenant = Optional.empty();
      this.tenantSet = true;
      return this;
    }

    /** Refuses the user: 401 (TF400813) to every call. */
    OrganizationSpec inaccessible() {
      this.accessible = false;
      return this;
    }

    OrganizationSpec project(String project, Consumer<ProjectSpec> spec) {
      ProjectSpec built = new ProjectSpec(name, project);
      spec.accept(built);
      projects.add(built);
      return this;
    }

    private Organization build(TenantId estateTenant) {
      long[] nextPipelineId = {1};
      List<Project> built = new ArrayList<>();
      projects.forEach(p -> built.add(p.build(nextPipelineId)));
      return new Organization(organizationId(name), OrganizationName.parse(name), accessLevel, administrator, oauth,
          tenantSet ? tenant : Optional.of(estateTenant), accessible, List.copyOf(built));
    }
  }

  static final class ProjectSpec {
    private final String organization;
    private final String name;
    private final List<Repository> repositories = new ArrayList<>();
    private final List<String> pipelines = new ArrayList<>();

    private ProjectSpec(String organization, String name) {
      this.organization = organization;
      this.name = name;
    }

    /** Git repositories whose default branch is {@code refs/heads/main}. */
    ProjectSpec repositories(String... names) {
      for (String repository : names) {
        repositories.add(new Repository(repositoryId(organization, name, repository), repository,
            Optional.of("refs/heads/main")));
      }
      return this;
    }

    /** A repository without commits, hence without a default branch. */
    ProjectSpec emptyRepository(String repository) {
      repositories.add(new Repository(repositoryId(organization, name, repository), repository, Optional.empty()));
      return this;
    }

    ProjectSpec pipelines(String... names) {
      pipelines.addAll(List.of(names));
      return this;
    }

    private Project build(long[] nextPipelineId) {
      List<Pipeline> numbered = new ArrayList<>();
      pipelines.forEach(p -> numbered.add(new Pipeline(nextPipelineId[0]++, p)));
      return new Project(projectId(organization, name), name, List.copyOf(repositories), List.copyOf(numbered));
    }
  }
}
