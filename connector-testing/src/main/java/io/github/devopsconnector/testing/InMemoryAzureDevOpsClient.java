package io.github.devopsconnector.testing;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link AzureDevOpsClient} that serves an {@link Estate} from memory, behaving like Azure DevOps: projects and
 * pipelines come in pages with continuation tokens (an integer offset for projects, an opaque string for
 * pipelines), an organization that refuses the user answers {@code NOT_AUTHORIZED} (401, {@code TF400813}) to every
 * call, and an organization the estate does not have answers {@code NOT_FOUND} (404, {@code TF200016}).
 *
 * <p>It is built on the Azure DevOps simulator's world of the estate: the same organization lookups and answers
 * ({@code 404} for an organization or project the estate does not have, {@code 401} where it refuses the user), the
 * same token scope (a token scoped to organizations, the default of an {@link Estate} unless
 * {@link Estate#tokenForAllOrganizations()}, is refused the profile and the organization list, {@code 401}, and
 * works only in its organizations), the same page cutting and the same fault scheduler.
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

  private final Estate estate;
  private final AdoSimWorld world;
  private final int pageSize;
  private final int pipelinePageSize;
  private final Duration latency;
  private final Duration retryAfter;
  private final Set<OrganizationName> repeatingTokens;
  private final SimFaults<Operation, ServiceException.Kind> faults;
  private final SimulatorCounters<Operation, ServiceException.Kind> counters =
      new SimulatorCounters<>(Operation.class, ServiceException.Kind.class);
  private final Map<OrganizationName, AtomicLong> requestsPerOrganization = new ConcurrentHashMap<>();

  private static final String PIPELINES = "pipelines";

  private InMemoryAzureDevOpsClient(Builder builder) {
    this.estate = builder.estate;
    // The simulator's world of the estate; its base URL only appears in JSON this client never writes.
    this.world = new AdoSimWorld(estate, "https://dev.azure.com", 0, 1);
    this.pageSize = builder.pageSize;
    this.pipelinePageSize = builder.pipelinePageSize;
    this.latency = builder.latency;
    this.retryAfter = builder.retryAfter;
    this.repeatingTokens = Set.copyOf(builder.repeatingTokens);
    // Fault schedules count on their own, so that resetting the statistics does not restart them.
    this.faults = new SimFaults<>(0, Set.of(), 0, true, kind -> false);
    if (builder.throttleEvery > 0) {
      faults.failEvery(builder.throttleEvery, ServiceException.Kind.THROTTLED);
    }
    builder.throttleFirst.forEach((organization, n) -> {
      if (n > 0) {
        faults.failNextAbout(organization, ServiceException.Kind.THROTTLED, n);
      }
    });
    builder.failingOrganizations.forEach(faults::failOrganization);
  }

  /**
   * A client for this estate, without faults and with the default page sizes.
   *
   * @param estate the estate
   * @return the client
   */
  public static InMemoryAzureDevOpsClient of(Estate estate) {
    return builder(estate).build();
  }

  /**
   * A builder for a client of this estate.
   *
   * @param estate the estate
   * @return the builder
   */
  public static Builder builder(Estate estate) {
    return new Builder(Objects.requireNonNull(estate, "estate"));
  }

  /** @return the estate it serves */
  public Estate estate() {
    return estate;
  }

  /** @return requests made so far (every call of the port, including failed and throttled ones) */
  public long requestCount() {
    return counters.totalRequests();
  }

  /**
   * Requests made so far of one operation.
   *
   * @param operation the operation
   * @return how many
   */
  public long requestCount(Operation operation) {
    return counters.requests(operation);
  }

  /**
   * Requests made so far about one organization (by name, ignoring case).
   *
   * @param organization the organization's name
   * @return how many
   * @throws IllegalArgumentException if the name is not a valid organization name
   */
  public long requestCount(String organization) {
    AtomicLong count = requestsPerOrganization.get(OrganizationName.parse(organization));
    return count == null ? 0 : count.get();
  }

  /** @return every operation's request count, in declaration order */
  public Map<Operation, Long> requestCounts() {
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      counts.put(operation, requestCount(operation));
    }
    return Collections.unmodifiableMap(counts);
  }

  /** @return the most requests that were in progress at the same time */
  public int peakConcurrentRequests() {
    return counters.peakConcurrentRequests();
  }

  /** Sets the request counters and the peak back to zero. Fault schedules (throttling) go on where they were. */
  public void resetCounters() {
    counters.reset();
    requestsPerOrganization.clear();
  }

  // ---- the port

  @Override
  public AzureDevOpsUser signedInUser() {
    return call(Operation.SIGNED_IN_USER, null, org -> {
      EstateUser user = estate.user();
      return AzureDevOpsUser.of(user.id(), user.displayName(), Optional.of(user.email()));
    });
  }

  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    Objects.requireNonNull(user, "user");
    return call(Operation.ORGANIZATIONS, null, org -> {
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
    return call(Operation.PROJECTS, organization, org -> {
      List<EstateProject> projects = org.org.projects();
      int offset = continuationToken.map(InMemoryAzureDevOpsClient::projectOffset).orElse(0);
      SimPage page = SimPage.of(projects.size(), offset, pageSize);
      List<AzureDevOpsProject> items = new ArrayList<>();
      page.items(projects).forEach(p -> items.add(AzureDevOpsProject.of(p.id(), p.name())));
      Optional<String> next;
      if (repeatingTokens.contains(organization)) {
        // A broken server: it keeps handing back the token it was given.
        next = Optional.of(continuationToken.orElse(String.valueOf(pageSize)));
      } else {
        next = page.hasNext() ? Optional.of(String.valueOf(page.to())) : Optional.empty();
      }
      return ResultPage.of(items, next);
    });
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return call(Operation.ORGANIZATION_REPOSITORIES, organization, org -> {
      List<AzureDevOpsRepository> all = new ArrayList<>();
      org.org.projects().forEach(project -> all.addAll(repositories(org, project)));
      return List.copyOf(all);
    });
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    Objects.requireNonNull(project, "project");
    return call(Operation.PROJECT_REPOSITORIES, organization, org -> repositories(org, project(org, project)));
  }

  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(continuationToken, "continuationToken");
    return call(Operation.PIPELINES, organization, org -> {
      EstateProject found = project(org, project);
      int offset = continuationToken.map(token -> pipelineOffset(found, token)).orElse(0);
      SimPage page = SimPage.of(found.pipelines().size(), offset, pipelinePageSize);
      List<AzureDevOpsPipeline> items = new ArrayList<>();
      page.items(found.pipelines()).forEach(p -> items.add(AzureDevOpsPipeline.of(p.id(), p.name(), "\\")));
      return ResultPage.of(items, page.hasNext()
          ? Optional.of(AdoSimIds.encodeToken(PIPELINES, found.id(), page.to())) : Optional.empty());
    });
  }

  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return call(Operation.ACCESS_LEVEL, organization, org -> org.org.accessLevel());
  }

  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return call(Operation.PROJECT_COLLECTION_ADMINISTRATOR, organization,
        org -> org.org.projectCollectionAdministrator());
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    return call(Operation.OAUTH_APP_ACCESS, organization, org -> {
      OAuthAppAccess state = org.org.oauthThirdPartyAccess();
      return state == OAuthAppAccess.UNKNOWN
          ? OAuthAppAccessStatus.of(state, "the organization policy API is undocumented and answered 405 "
              + "(Method Not Allowed)")
          : OAuthAppAccessStatus.of(state, "read from the organization policy " + AdoSimSignIn.OAUTH_POLICY);
    });
  }

  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return call(Operation.ORGANIZATION_TENANT, organization, org -> org.org.tenantId());
  }

  // ---- behaviour shared by every call

  /** The body of a call, run with the organization (null for calls without one) after every fault was applied. */
  private interface Answer<T> {
    T get(AdoSimOrg organization);
  }

  private <T> T call(Operation operation, OrganizationName organization, Answer<T> answer) {
    boolean withoutOrganization = operation == Operation.SIGNED_IN_USER || operation == Operation.ORGANIZATIONS;
    if (!withoutOrganization) {
      Objects.requireNonNull(organization, "organization");
      requestsPerOrganization.computeIfAbsent(organization, o -> new AtomicLong()).incrementAndGet();
    }
    counters.enter(operation);
    try {
      pause();
      // As the simulator: the token's scope first, then faults, then the organization itself.
      AzureDevOpsSimulator.Route route = withoutOrganization
          ? (operation == Operation.SIGNED_IN_USER ? AzureDevOpsSimulator.Route.PROFILE
              : AzureDevOpsSimulator.Route.ACCOUNTS)
          : AzureDevOpsSimulator.Route.CONNECTION_DATA;
      Optional<AdoSimReply> refusal = world.tokenRefusal(route, organization == null ? null : organization.value());
      if (refusal.isPresent()) {
        throw InMemoryFailures.of(refusal.get());
      }
      Optional<ServiceException.Kind> fault = faults.next(operation, Optional.ofNullable(organization), true);
      if (fault.isPresent()) {
        counters.fault(fault.get());
        throw InMemoryFailures.injected(fault.get(), organization, retryAfter);
      }
      if (withoutOrganization) {
        return answer.get(null);
      }
      AdoSimWorld.Lookup lookup = world.organization(organization.value());
      if (lookup.failure() != null) {
        throw InMemoryFailures.of(lookup.failure());
      }
      return answer.get(lookup.view());
    } finally {
      counters.exit();
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
          "The request was interrupted before it completed.").service("Azure DevOps").build();
    }
  }

  /** The project with this name or id, ignoring case; the service's 404 otherwise. */
  private static EstateProject project(AdoSimOrg org, String nameOrId) {
    return org.project(nameOrId).orElseThrow(() -> InMemoryFailures.of(AdoSimReply.projectMissing(nameOrId)));
  }

  private static List<AzureDevOpsRepository> repositories(AdoSimOrg org, EstateProject project) {
    String base = "https://dev.azure.com/" + org.segment + "/";
    List<AzureDevOpsRepository> repositories = new ArrayList<>();
    for (EstateRepository repository : project.repositories()) {
      repositories.add(AzureDevOpsRepository.builder()
          .id(repository.id())
          .name(repository.name())
          .url(base + AdoSimIds.segment(project.name()) + "/_git/" + AdoSimIds.segment(repository.name()))
          .defaultBranch(repository.defaultBranch())
          .projectId(project.id())
          .projectName(project.name())
          .build());
    }
    return List.copyOf(repositories);
  }

  private static int projectOffset(String token) {
    int offset = AdoSimIds.nonNegativeInt(token);
    if (offset < 0) {
      throw InMemoryFailures.badRequest("The continuation token of the projects listing must be a non-negative "
          + "integer.");
    }
    return offset;
  }

  private static int pipelineOffset(EstateProject project, String token) {
    int offset = AdoSimIds.decodeToken(PIPELINES, project.id(), token);
    if (offset < 0) {
      throw InMemoryFailures.badRequest("The continuation token of the pipelines listing is not one this service "
          + "issued.");
    }
    return offset;
  }

  /** Builds an {@link InMemoryAzureDevOpsClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private final Estate estate;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int pipelinePageSize = DEFAULT_PAGE_SIZE;
    private Duration latency = Duration.ZERO;
    private final Map<OrganizationName, ServiceException.Kind> failingOrganizations = new LinkedHashMap<>();
    private int throttleEvery;
    private final Map<OrganizationName, Integer> throttleFirst = new LinkedHashMap<>();
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
