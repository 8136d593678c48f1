package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An {@link AzureDevOpsClient} that serves an {@link Estate} from memory, behaving like Azure DevOps: projects and
 * pipelines come in pages with continuation tokens (an integer offset for projects, an opaque string for
 * pipelines), an organization that refuses the user answers {@code NOT_AUTHORIZED} (401, {@code TF400813}) to every
 * call, and an organization the estate does not have answers {@code NOT_FOUND} (404, {@code TF200016}).
 *
 * <p>For tests of code that must cope with a real service, the {@link Builder} injects faults: organizations that
 * fail, throttling ({@code THROTTLED}, 429, {@code TF400733}, with a {@code Retry-After}), latency, and a projects
 * listing that repeats its continuation token. Counters tell how many requests were made, per operation and per
 * organization, and the most that ran at once.
 *
 * <pre>{@code
 * InMemoryAzureDevOpsClient client = InMemoryAzureDevOpsClient.builder(estate)
 *     .pageSize(7)
 *     .failOrganization("contoso", ServiceException.Kind.TRANSIENT)
 *     .throttleEvery(10)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe: the estate is immutable and the counters are atomic.
 */
public final class InMemoryAzureDevOpsClient implements AzureDevOpsClient {

  /** The page size of projects and pipelines unless the builder sets another, as in Azure DevOps. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The {@code Retry-After} of injected throttling unless the builder sets another. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMillis(10);

  /** The calls of the port, for the request counters. */
  public enum Operation {
    /** {@link AzureDevOpsClient#signedInUser()}. */
    SIGNED_IN_USER,
    /** {@link AzureDevOpsClient#organizations(AzureDevOpsUser)}. */
    ORGANIZATIONS,
    /** {@link AzureDevOpsClient#projects(OrganizationName, Optional)}. */
    PROJECTS,
    /** {@link AzureDevOpsClient#repositories(OrganizationName)}. */
    ORGANIZATION_REPOSITORIES,
    /** {@link AzureDevOpsClient#repositories(OrganizationName, String)}. */
    PROJECT_REPOSITORIES,
    /** {@link AzureDevOpsClient#pipelines(OrganizationName, String, Optional)}. */
    PIPELINES,
    /** {@link AzureDevOpsClient#accessLevel(OrganizationName)}. */
    ACCESS_LEVEL,
    /** {@link AzureDevOpsClient#isProjectCollectionAdministrator(OrganizationName)}. */
    PROJECT_COLLECTION_ADMINISTRATOR,
    /** {@link AzureDevOpsClient#oauthAppAccess(OrganizationName)}. */
    OAUTH_APP_ACCESS,
    /** {@link AzureDevOpsClient#organizationTenant(OrganizationName)}. */
    ORGANIZATION_TENANT
  }

  private static final String PIPELINE_TOKEN_PREFIX = "pipelines:";

  private final Estate estate;
  private final int pageSize;
  private final int pipelinePageSize;
  private final Duration latency;
  private final Map<OrganizationName, ServiceException.Kind> failingOrganizations;
  private final int throttleEvery;
  private final Map<OrganizationName, Integer> throttleFirst;
  private final Duration retryAfter;
  private final Set<OrganizationName> repeatingTokens;
  private final Map<OrganizationName, OrgData> organizations;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLongArray requestsPerOperation = new AtomicLongArray(Operation.values().length);
  private final Map<OrganizationName, AtomicLong> requestsPerOrganization = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  // Fault schedules count separately, so that resetting the statistics does not restart them.
  private final AtomicLong scheduledRequests = new AtomicLong();
  private final Map<OrganizationName, AtomicLong> scheduledPerOrganization = new ConcurrentHashMap<>();

  private InMemoryAzureDevOpsClient(Builder builder) {
    this.estate = builder.estate;
    this.pageSize = builder.pageSize;
    this.pipelinePageSize = builder.pipelinePageSize;
    this.latency = builder.latency;
    this.failingOrganizations = Map.copyOf(builder.failingOrganizations);
    this.throttleEvery = builder.throttleEvery;
    this.throttleFirst = Map.copyOf(builder.throttleFirst);
    this.retryAfter = builder.retryAfter;
    this.repeatingTokens = Set.copyOf(builder.repeatingTokens);
    Map<OrganizationName, OrgData> data = new HashMap<>();
    for (EstateOrganization organization : estate.organizations()) {
      data.put(organization.name(), new OrgData(organization));
    }
    this.organizations = Collections.unmodifiableMap(data);
  }

  /** A client for this estate, without faults and with the default page sizes. */
  public static InMemoryAzureDevOpsClient of(Estate estate) {
    return builder(estate).build();
  }

  /** A builder for a client of this estate. */
  public static Builder builder(Estate estate) {
    return new Builder(Objects.requireNonNull(estate, "estate"));
  }

  /** The estate it serves. */
  public Estate estate() {
    return estate;
  }

  /** Requests made so far (every call of the port, including failed and throttled ones). */
  public long requestCount() {
    return requests.get();
  }

  /** Requests made so far of one operation. */
  public long requestCount(Operation operation) {
    return requestsPerOperation.get(operation.ordinal());
  }

  /**
   * Requests made so far about one organization (by name, ignoring case).
   *
   * @throws IllegalArgumentException if the name is not a valid organization name
   */
  public long requestCount(String organization) {
    AtomicLong count = requestsPerOrganization.get(OrganizationName.parse(organization));
    return count == null ? 0 : count.get();
  }

  /** Every operation's request count, in declaration order. */
  public Map<Operation, Long> requestCounts() {
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      counts.put(operation, requestCount(operation));
    }
    return Collections.unmodifiableMap(counts);
  }

  /** The most requests that were in progress at the same time. */
  public int peakConcurrentRequests() {
    return peakInFlight.get();
  }

  /** Sets the request counters and the peak back to zero. Fault schedules (throttling) go on where they were. */
  public void resetCounters() {
    requests.set(0);
    for (int i = 0; i < requestsPerOperation.length(); i++) {
      requestsPerOperation.set(i, 0);
    }
    requestsPerOrganization.clear();
    peakInFlight.set(inFlight.get());
  }

  // ---- the port

  @Override
  public AzureDevOpsUser signedInUser() {
    return call(Operation.SIGNED_IN_USER, null, () -> {
      EstateUser user = estate.user();
      return AzureDevOpsUser.of(user.id(), user.displayName(), Optional.of(user.email()));
    });
  }

  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    Objects.requireNonNull(user, "user");
    return call(Operation.ORGANIZATIONS, null, () -> {
      if (!user.id().equalsIgnoreCase(estate.user().id())) {
        return List.of();
      }
      List<AzureDevOpsOrganization> result = new ArrayList<>();
      for (EstateOrganization organization : estate.organizations()) {
        result.add(AzureDevOpsOrganization.of(organization.id(), organization.name(),
            "https://dev.azure.com/" + organization.name().value(),
            "https://vssps.dev.azure.com/" + organization.name().value() + "/"));
      }
      return result;
    });
  }

  @Override
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    Objects.requireNonNull(continuationToken, "continuationToken");
    return call(Operation.PROJECTS, organization, () -> {
      OrgData data = organizations.get(organization);
      int offset = continuationToken.map(InMemoryAzureDevOpsClient::projectOffset).orElse(0);
      int end = Math.min(offset + pageSize, data.projects.size());
      List<AzureDevOpsProject> items = offset >= data.projects.size() ? List.of() : data.projects.subList(offset, end);
      Optional<String> next;
      if (repeatingTokens.contains(organization)) {
        // A broken server: it keeps handing back the token it was given.
        next = Optional.of(continuationToken.orElse(String.valueOf(pageSize)));
      } else {
        next = end < data.projects.size() ? Optional.of(String.valueOf(end)) : Optional.empty();
      }
      return ResultPage.of(items, next);
    });
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return call(Operation.ORGANIZATION_REPOSITORIES, organization, () -> organizations.get(organization).repositories);
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    Objects.requireNonNull(project, "project");
    return call(Operation.PROJECT_REPOSITORIES, organization, () -> {
      EstateProject found = organizations.get(organization).project(project);
      return organizations.get(organization).repositoriesByProject.get(found.id());
    });
  }

  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(continuationToken, "continuationToken");
    return call(Operation.PIPELINES, organization, () -> {
      EstateProject found = organizations.get(organization).project(project);
      List<AzureDevOpsPipeline> all = organizations.get(organization).pipelinesByProject.get(found.id());
      int offset = continuationToken.map(InMemoryAzureDevOpsClient::pipelineOffset).orElse(0);
      int end = Math.min(offset + pipelinePageSize, all.size());
      List<AzureDevOpsPipeline> items = offset >= all.size() ? List.of() : all.subList(offset, end);
      return ResultPage.of(items, end < all.size() ? Optional.of(pipelineToken(end)) : Optional.empty());
    });
  }

  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return call(Operation.ACCESS_LEVEL, organization, () -> organizations.get(organization).organization.accessLevel());
  }

  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return call(Operation.PROJECT_COLLECTION_ADMINISTRATOR, organization,
        () -> organizations.get(organization).organization.projectCollectionAdministrator());
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    return call(Operation.OAUTH_APP_ACCESS, organization, () -> {
      OAuthAppAccess state = organizations.get(organization).organization.oauthThirdPartyAccess();
      return state == OAuthAppAccess.UNKNOWN
          ? OAuthAppAccessStatus.of(state, "the organization policy API is undocumented and answered 405 "
              + "(Method Not Allowed)")
          : OAuthAppAccessStatus.of(state, "read from the organization policy Policy.DisallowOAuthAuthentication");
    });
  }

  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return call(Operation.ORGANIZATION_TENANT, organization,
        () -> organizations.get(organization).organization.tenantId());
  }

  // ---- behaviour shared by every call

  /** The body of a call, run after the organization was found and every fault was applied. */
  private interface Answer<T> {
    T get();
  }

  private <T> T call(Operation operation, OrganizationName organization, Answer<T> answer) {
    if (operation != Operation.SIGNED_IN_USER && operation != Operation.ORGANIZATIONS) {
      Objects.requireNonNull(organization, "organization");
    }
    requests.incrementAndGet();
    requestsPerOperation.incrementAndGet(operation.ordinal());
    long scheduled = scheduledRequests.incrementAndGet();
    long scheduledForOrganization = 0;
    if (organization != null) {
      requestsPerOrganization.computeIfAbsent(organization, o -> new AtomicLong()).incrementAndGet();
      scheduledForOrganization =
          scheduledPerOrganization.computeIfAbsent(organization, o -> new AtomicLong()).incrementAndGet();
    }
    int now = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(now, Math::max);
    try {
      pause();
      if (throttleEvery > 0 && scheduled % throttleEvery == 0) {
        throw throttled();
      }
      if (organization != null && scheduledForOrganization <= throttleFirst.getOrDefault(organization, 0)) {
        throw throttled();
      }
      if (organization != null) {
        ServiceException.Kind failure = failingOrganizations.get(organization);
        if (failure != null) {
          throw failure(failure, organization);
        }
        OrgData data = organizations.get(organization);
        if (data == null) {
          throw notFound("TF200016: The organization '" + organization.value()
              + "' does not exist, or the signed-in user cannot see it.");
        }
        if (!data.organization.accessible()) {
          throw notAuthorized();
        }
      }
      return answer.get();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void pause() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.builder(ServiceException.Kind.TRANSIENT,
          "The request was interrupted before it completed.").build();
    }
  }

  private ServiceException failure(ServiceException.Kind kind, OrganizationName organization) {
    switch (kind) {
      case NOT_FOUND:
        return notFound("TF200016: The organization '" + organization.value() + "' does not exist.");
      case NOT_AUTHORIZED:
        return notAuthorized();
      case THROTTLED:
        return throttled();
      case TRANSIENT:
        return ServiceException.builder(kind, "Azure DevOps is unavailable (HTTP 503).")
            .statusCode(503)
            .remediation("Try again later.")
            .build();
      case PROTOCOL:
      default:
        return ServiceException.builder(ServiceException.Kind.PROTOCOL,
                "Azure DevOps answered with a body that is not the JSON the API promises.")
            .statusCode(200)
            .remediation("Check for a proxy that rewrites responses; report it if it persists.")
            .build();
    }
  }

  private ServiceException throttled() {
    return ServiceException.builder(ServiceException.Kind.THROTTLED,
            "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource "
                + "'Global' in namespace 'User'.")
        .statusCode(429)
        .serviceErrorCode("TF400733")
        .retryAfter(retryAfter)
        .remediation("Wait for the Retry-After delay, then slow down.")
        .build();
  }

  private ServiceException notAuthorized() {
    return ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED,
            "TF400813: The user '" + estate.user().id() + "' is not authorized to access this resource.")
        .statusCode(401)
        .serviceErrorCode("TF400813")
        .remediation("Check that the user is a member of the organization and that its policies allow this "
            + "way of signing in.")
        .build();
  }

  private static ServiceException notFound(String message) {
    return ServiceException.builder(ServiceException.Kind.NOT_FOUND, message)
        .statusCode(404)
        .serviceErrorCode("TF200016")
        .remediation("Check the name.")
        .build();
  }

  private static ServiceException badRequest(String message) {
    return ServiceException.builder(ServiceException.Kind.PROTOCOL, message).statusCode(400).build();
  }

  private static int projectOffset(String token) {
    try {
      int offset = Integer.parseInt(token);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badRequest("The continuation token of the projects listing must be a non-negative integer.");
  }

  private static String pipelineToken(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PIPELINE_TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int pipelineOffset(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(PIPELINE_TOKEN_PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(PIPELINE_TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below (NumberFormatException is an IllegalArgumentException)
    }
    throw badRequest("The continuation token of the pipelines listing is not one this service issued.");
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An organization of the estate, indexed the way the calls need it. */
  private static final class OrgData {
    final EstateOrganization organization;
    final List<AzureDevOpsProject> projects;
    final Map<String, EstateProject> projectsByKey;
    final List<AzureDevOpsRepository> repositories;
    final Map<String, List<AzureDevOpsRepository>> repositoriesByProject;
    final Map<String, List<AzureDevOpsPipeline>> pipelinesByProject;

    OrgData(EstateOrganization organization) {
      this.organization = organization;
      List<AzureDevOpsProject> projectList = new ArrayList<>();
      Map<String, EstateProject> byKey = new HashMap<>();
      List<AzureDevOpsRepository> all = new ArrayList<>();
      Map<String, List<AzureDevOpsRepository>> byProject = new LinkedHashMap<>();
      Map<String, List<AzureDevOpsPipeline>> pipelines = new HashMap<>();
      String base = "https://dev.azure.com/" + segment(organization.name().value()) + "/";
      for (EstateProject project : organization.projects()) {
        projectList.add(AzureDevOpsProject.of(project.id(), project.name()));
        byKey.put(project.id().toLowerCase(Locale.ROOT), project);
        byKey.put(project.name().toLowerCase(Locale.ROOT), project);
        List<AzureDevOpsRepository> repositories = new ArrayList<>();
        for (EstateRepository repository : project.repositories()) {
          repositories.add(AzureDevOpsRepository.builder()
              .id(repository.id())
              .name(repository.name())
              .url(base + segment(project.name()) + "/_git/" + segment(repository.name()))
              .defaultBranch(repository.defaultBranch())
              .projectId(project.id())
              .projectName(project.name())
              .build());
        }
        all.addAll(repositories);
        byProject.put(project.id(), List.copyOf(repositories));
        List<AzureDevOpsPipeline> projectPipelines = new ArrayList<>();
        project.pipelines().forEach(p -> projectPipelines.add(AzureDevOpsPipeline.of(p.id(), p.name(), "\\")));
        pipelines.put(project.id(), List.copyOf(projectPipelines));
      }
      this.projects = List.copyOf(projectList);
      this.projectsByKey = byKey;
      this.repositories = List.copyOf(all);
      this.repositoriesByProject = byProject;
      this.pipelinesByProject = pipelines;
    }

    /** The project with this name or id, ignoring case; 404 otherwise. */
    EstateProject project(String key) {
      EstateProject project = projectsByKey.get(key.toLowerCase(Locale.ROOT));
      if (project == null) {
        throw notFound("TF200016: The following project does not exist: " + key
            + ". Verify that the name of the project is correct and that the project exists.");
      }
      return project;
    }
  }

  /** Builds an {@link InMemoryAzureDevOpsClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private final Estate estate;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int pipelinePageSize = DEFAULT_PAGE_SIZE;
    private Duration latency = Duration.ZERO;
    private final Map<OrganizationName, ServiceException.Kind> failingOrganizations = new HashMap<>();
    private int throttleEvery;
    private final Map<OrganizationName, Integer> throttleFirst = new HashMap<>();
    private Duration retryAfter = DEFAULT_RETRY_AFTER;
    private final Set<OrganizationName> repeatingTokens = new java.util.HashSet<>();

    private Builder(Estate estate) {
      this.estate = estate;
    }

    /**
     * How many projects a page holds; default {@value InMemoryAzureDevOpsClient#DEFAULT_PAGE_SIZE}.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = positive(pageSize, "page size");
      return this;
    }

    /**
     * How many pipelines a page holds; default {@value InMemoryAzureDevOpsClient#DEFAULT_PAGE_SIZE}.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public Builder pipelinePageSize(int pipelinePageSize) {
      this.pipelinePageSize = positive(pipelinePageSize, "pipeline page size");
      return this;
    }

    /**
     * How long every request takes; default none.
     *
     * @throws IllegalArgumentException if it is negative or longer than a minute
     */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative() || latency.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("The latency must be between 0 and 1 minute; it is " + latency + ".");
      }
      this.latency = latency;
      return this;
    }

    /**
     * Makes every call about this organization fail with this kind of error: {@code NOT_FOUND} (404,
     * {@code TF200016}), {@code NOT_AUTHORIZED} (401, {@code TF400813}), {@code THROTTLED} (429, {@code TF400733}),
     * {@code TRANSIENT} (503) or {@code PROTOCOL} (a body that is not JSON).
     *
     * @throws IllegalArgumentException if the name is not a valid organization name
     */
    public Builder failOrganization(String organization, ServiceException.Kind kind) {
      failingOrganizations.put(OrganizationName.parse(organization), Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * Throttles every {@code n}th request (the {@code n}th, {@code 2n}th, …), counted over all calls.
     *
     * @throws IllegalArgumentException if {@code n} is below 2 (every request throttled would never succeed)
     */
    public Builder throttleEvery(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("Throttling every request would never let one through; n must be at "
            + "least 2, it is " + n + ".");
      }
      this.throttleEvery = n;
      return this;
    }

    /**
     * Throttles the first {@code n} requests about this organization.
     *
     * @throws IllegalArgumentException if the name is not a valid organization name, or {@code n} is negative
     */
    public Builder throttleFirst(String organization, int n) {
      if (n < 0) {
        throw new IllegalArgumentException("The number of throttled requests must not be negative; it is " + n + ".");
      }
      throttleFirst.put(OrganizationName.parse(organization), n);
      return this;
    }

    /**
     * The {@code Retry-After} that injected throttling asks for; default 10 ms, so tests stay fast.
     *
     * @throws IllegalArgumentException if it is negative
     */
    public Builder throttleRetryAfter(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("The retry delay must not be negative; it is " + retryAfter + ".");
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Makes the projects listing of this organization hand back the continuation token it was given (and the same
     * token after the first page), as a broken server or proxy would: a client that follows it loops forever.
     *
     * @throws IllegalArgumentException if the name is not a valid organization name
     */
    public Builder repeatContinuationToken(String organization) {
      repeatingTokens.add(OrganizationName.parse(organization));
      return this;
    }

    /** The client. */
    public InMemoryAzureDevOpsClient build() {
      return new InMemoryAzureDevOpsClient(this);
    }

    private static int positive(int value, String what) {
      if (value < 1) {
        throw new IllegalArgumentException("The " + what + " must be at least 1; it is " + value + ".");
      }
      return value;
    }
  }
}
