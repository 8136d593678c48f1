package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.core.discovery.FakeEstate.Organization;
import io.github.devopsconnector.core.discovery.FakeEstate.Project;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link AzureDevOpsClient} port over a {@link FakeEstate}, answering as Azure DevOps does where discovery and
 * preflight care: projects in pages with integer-offset continuation tokens, pipelines in pages with opaque tokens,
 * 401 ({@code TF400813}) from an organization that refuses the user, 404 ({@code TF200016}) for one the estate does
 * not have. Faults: failing organizations, throttling (429, {@code TF400733}, {@code Retry-After}), latency, a
 * projects listing that repeats its continuation token, and an OAuth policy that answers 403. Counts requests per
 * operation and per organization, and the most in flight at once. Thread-safe.
 */
final class FakeAzureDevOpsClient implements AzureDevOpsClient {

  /** The calls of the port, for the request counters. */
  enum Operation {
    SIGNED_IN_USER, ORGANIZATIONS, PROJECTS, ORGANIZATION_REPOSITORIES, PROJECT_REPOSITORIES, PIPELINES,
    ACCESS_LEVEL, PROJECT_COLLECTION_ADMINISTRATOR, OAUTH_APP_ACCESS, ORGANIZATION_TENANT
  }

  private final FakeEstate estate;
  private final Map<OrganizationName, Organization> organizations = new HashMap<>();
  private final Builder faults;

  private final AtomicLong requests = new AtomicLong();
  private final Map<Operation, AtomicLong> perOperation = new EnumMap<>(Operation.class);
  private final Map<OrganizationName, AtomicLong> perOrganization = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  private FakeAzureDevOpsClient(Builder builder) {
    this.estate = builder.estate;
    this.faults = builder;
    estate.organizations().forEach(o -> organizations.put(o.name(), o));
    for (Operation operation : Operation.values()) {
      perOperation.put(operation, new AtomicLong());
    }
  }

  static FakeAzureDevOpsClient of(FakeEstate estate) {
    return builder(estate).build();
  }

  static Builder builder(FakeEstate estate) {
    return new Builder(estate);
  }

  long requestCount() {
    return requests.get();
  }

  long requestCount(Operation operation) {
    return perOperation.get(operation).get();
  }

  long requestCount(String organization) {
    AtomicLong count = perOrganization.get(OrganizationName.parse(organization));
    return count == null ? 0 : count.get();
  }

  int peakConcurrentRequests() {
    return peakInFlight.get();
  }

  // ---- the port

  @Override
  public AzureDevOpsUser signedInUser() {
    return call(Operation.SIGNED_IN_USER, null,
        o -> AzureDevOpsUser.of(estate.user().id(), estate.user().displayName(), Optional.of(estate.user().email())));
  }

  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    return call(Operation.ORGANIZATIONS, null, o -> {
      List<AzureDevOpsOrganization> result = new ArrayList<>();
      for (Organization organization : estate.organizations()) {
        String name = organization.name().value();
        result.add(AzureDevOpsOrganization.of(organization.id(), organization.name(), "https://dev.azure.com/" + name,
            "https://vssps.dev.azure.com/" + name + "/"));
      }
      return result;
    });
  }

  @Override
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return call(Operation.PROJECTS, organization, o -> {
      List<AzureDevOpsProject> all = new ArrayList<>();
      o.projects().forEach(p -> all.add(AzureDevOpsProject.of(p.id(), p.name())));
      int offset = continuationToken.map(Integer::parseInt).orElse(0);
      int end = Math.min(offset + faults.pageSize, all.size());
      Optional<String> next = end < all.size() ? Optional.of(String.valueOf(end)) : Optional.empty();
      if (faults.repeatingTokens.contains(organization)) {
        // A broken server keeps handing back the token it was given.
        next = Optional.of(continuationToken.orElse(String.valueOf(faults.pageSize)));
      }
      return ResultPage.of(offset >= all.size() ? List.of() : all.subList(offset, end), next);
    });
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return call(Operation.ORGANIZATION_REPOSITORIES, organization, o -> {
      List<AzureDevOpsRepository> all = new ArrayList<>();
      o.projects().forEach(p -> all.addAll(repositories(o, p)));
      return all;
    });
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    return call(Operation.PROJECT_REPOSITORIES, organization, o -> repositories(o, project(o, project)));
  }

  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    return call(Operation.PIPELINES, organization, o -> {
      List<AzureDevOpsPipeline> all = new ArrayList<>();
      project(o, project).pipelines().forEach(p -> all.add(AzureDevOpsPipeline.of(p.id(), p.name(), "\\")));
      int offset = continuationToken.map(t -> Integer.parseInt(t.substring("after-".length()))).orElse(0);
      int end = Math.min(offset + faults.pipelinePageSize, all.size());
      return ResultPage.of(all.subList(Math.min(offset, end), end),
          end < all.size() ? Optional.of("after-" + end) : Optional.empty());
    });
  }

  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return call(Operation.ACCESS_LEVEL, organization, Organization::accessLevel);
  }

  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return call(Operation.PROJECT_COLLECTION_ADMINISTRATOR, organization,
        Organization::projectCollectionAdministrator);
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    return call(Operation.OAUTH_APP_ACCESS, organization, o -> {
      if (faults.oauthPolicyForbidden) {
        throw ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED, "Forbidden").statusCode(403).build();
      }
      return o.oauth() == OAuthAppAccess.UNKNOWN
          ? OAuthAppAccessStatus.of(o.oauth(), "the organization policy API answered 405 (Method Not Allowed)")
          : OAuthAppAccessStatus.of(o.oauth(), "read from the organization policy");
    });
  }

  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return call(Operation.ORGANIZATION_TENANT, organization, Organization::tenant);
  }

  private static List<AzureDevOpsRepository> repositories(Organization organization, Project project) {
    String base = "https://dev.azure.com/" + segment(organization.name().value()) + "/" + segment(project.name());
    List<AzureDevOpsRepository> result = new ArrayList<>();
    project.repositories().forEach(r -> result.add(AzureDevOpsRepository.builder().id(r.id()).name(r.name())
        .url(base + "/_git/" + segment(r.name())).defaultBranch(r.defaultBranch())
        .projectId(project.id()).projectName(project.name()).build()));
    return result;
  }

  private static Project project(Organization organization, String key) {
    return organization.projects().stream()
        .filter(p -> p.id().equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key)).findFirst()
        .orElseThrow(() -> notFound("TF200016: The following project does not exist: " + key + "."));
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- what every call does: count, wait, apply the faults, find the organization

  private <T> T call(Operation operation, OrganizationName name, Function<Organization, T> answer) {
    long scheduled = requests.incrementAndGet();
    perOperation.get(operation).incrementAndGet();
    long forOrganization = name == null ? 0
        : perOrganization.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      pause();
      if (faults.throttleEvery > 0 && scheduled % faults.throttleEvery == 0
          || name != null && forOrganization <= faults.throttleFirst.getOrDefault(name, 0)) {
        throw throttled();
      }
      if (name == null) {
        return answer.apply(null);
      }
      ServiceException.Kind failure = faults.failingOrganizations.get(name);
      if (failure != null) {
        throw failure == ServiceException.Kind.NOT_FOUND
            ? notFound("TF200016: The organization '" + name.value() + "' does not exist.")
            : ServiceException.builder(failure, "Azure DevOps is unavailable (HTTP 503).").statusCode(503).build();
      }
      Organization organization = organizations.get(name);
      if (organization == null) {
        throw notFound("TF200016: The organization '" + name.value()
            + "' does not exist, or the signed-in user cannot see it.");
      }
      if (!organization.accessible()) {
        throw error(ServiceException.Kind.NOT_AUTHORIZED, 401, "TF400813",
            () -> "TF400813: The user '" + estate.user().id() + "' is not authorized to access this resource.");
      }
      return answer.apply(organization);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void pause() {
    if (faults.latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(faults.latency.toMillis(), faults.latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.builder(ServiceException.Kind.TRANSIENT, "The request was interrupted.").build();
    }
  }

  private ServiceException throttled() {
    return ServiceException.builder(ServiceException.Kind.THROTTLED,
            "TF400733: Request was blocked due to exceeding usage of resource 'Global' in namespace 'User'.")
        .statusCode(429).serviceErrorCode("TF400733").retryAfter(faults.retryAfter).build();
  }

  private static ServiceException notFound(String message) {
    return error(ServiceException.Kind.NOT_FOUND, 404, "TF200016", () -> message);
  }

  private static ServiceException error(ServiceException.Kind kind, int status, String code, Supplier<String> message) {
    return ServiceException.builder(kind, message.get()).statusCode(status).serviceErrorCode(code).build();
  }

  /** The faults and page sizes of a client; default none and 100. */
  static final class Builder {
    private final FakeEstate estate;
    private int pageSize = 100;
    private int pipelinePageSize = 100;
    private Duration latency = Duration.ZERO;
    private Duration retryAfter = Duration.ofMillis(10);
    private int throttleEvery;
    private boolean oauthPolicyForbidden;
    private final Map<OrganizationName, ServiceException.Kind> failingOrganizations = new HashMap<>();
    private final Map<OrganizationName, Integer> throttleFirst = new HashMap<>();
    private final Set<OrganizationName> repeatingTokens = new HashSet<>();

    private Builder(FakeEstate estate) {
      this.estate = estate;
    }

    Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    Builder pipelinePageSize(int pipelinePageSize) {
      this.pipelinePageSize = pipelinePageSize;
      return this;
    }

    Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /** Every call about the organization fails: {@code NOT_FOUND} as 404, any other kind as 503. */
    Builder failOrganization(String organization, ServiceException.Kind kind) {
      failingOrganizations.put(OrganizationName.parse(organization), kind);
      return this;
    }

    /** Throttles the {@code n}th, {@code 2n}th... request, counted over all calls. */
    Builder throttleEvery(int n) {
      this.throttleEvery = n;
      return this;
    }

    Builder throttleFirst(String organization, int n) {
      throttleFirst.put(OrganizationName.parse(organization), n);
      return this;
    }

    Builder throttleRetryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    Builder repeatContinuationToken(String organization) {
      repeatingTokens.add(OrganizationName.parse(organization));
      return this;
    }

    /** The OAuth policy call answers 403, as some organizations answer the undocumented policy API. */
    Builder oauthPolicyForbidden() {
      this.oauthPolicyForbidden = true;
      return this;
    }

    FakeAzureDevOpsClient build() {
      return new FakeAzureDevOpsClient(this);
    }
  }
}
