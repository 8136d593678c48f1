package io.github.devopsconnector.arm;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import com.azure.core.util.CoreUtils;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.arm.implementation.ArmHttp;
import io.github.devopsconnector.arm.implementation.ArmHttpSettings;
import io.github.devopsconnector.arm.implementation.ArmPacing;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.http.RetryPolicy;
import io.github.devopsconnector.http.RetrySettings;
import io.github.devopsconnector.http.Waits;
import io.github.devopsconnector.arm.implementation.ArmPipelines;
import io.github.devopsconnector.arm.implementation.DefenderConnectorOperations;
import io.github.devopsconnector.arm.implementation.OperationPoller;
import io.github.devopsconnector.http.Urls;
import io.github.devopsconnector.core.AzureCloud;
import io.github.devopsconnector.core.AzureRules;
import io.github.devopsconnector.core.ConnectorValidationException;
import io.github.devopsconnector.core.Sleeper;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.http.AddedPolicies;
import io.github.devopsconnector.http.Pipelines;
import io.github.devopsconnector.http.SdkProperties;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds {@link DefenderConnectorClient}. Only a credential is required ({@link #credential(TokenCredential)}, or a
 * complete {@link #pipeline(HttpPipeline)} that authenticates); the endpoint defaults to the cloud's Resource
 * Manager ({@code https://management.azure.com}).
 *
 * <p>Tokens are requested for {@code https://management.azure.com/.default} and sent only to the endpoint's host,
 * over HTTPS; plain http is accepted only for a loopback endpoint (such as a local simulator), which is why the
 * client applies the token with its own policy rather than azure-core's {@code BearerTokenAuthenticationPolicy}
 * (that one refuses http altogether). The one-time authorization code is added to a request's body by the last
 * policy of the pipeline, after every other policy (logging included) has seen the redacted body; a caller's own
 * pipeline gets that policy appended.
 *
 * <p>Time limits: {@link #connectTimeout(Duration) connect} 10 s, {@link #responseTimeout(Duration) response}
 * 60 s, {@link #readTimeout(Duration) read} 60 s, {@link #requestTimeout(Duration) request} 2 minutes and
 * {@link #callTimeout(Duration) call} 15 minutes; long-running operations are polled every second
 * ({@link #pollInterval(Duration)}) for at most 10 minutes ({@link #pollTimeout(Duration)}). {@link #clock(Clock)}
 * and {@link #sleeper(Sleeper)} are the only time hooks.
 *
 * <pre>{@code
 * DefenderConnectorClient client = new DefenderConnectorClientBuilder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .buildClient();
 * }</pre>
 */
@ServiceClientBuilder(serviceClients = DefenderConnectorClient.class)
public final class DefenderConnectorClientBuilder implements TokenCredentialTrait<DefenderConnectorClientBuilder>,
    HttpTrait<DefenderConnectorClientBuilder>, EndpointTrait<DefenderConnectorClientBuilder>,
    ConfigurationTrait<DefenderConnectorClientBuilder> {

  private static final ClientLogger LOGGER = new ClientLogger(DefenderConnectorClientBuilder.class);
  /** The pause before each request once ARM's remaining budget for its kind is at or below the reserve. */
  private static final Duration PACE_DELAY = Duration.ofSeconds(1);
  private static final SdkProperties SDK = SdkProperties.load("connector-arm-client.properties",
      "connector-arm-client");

  private TokenCredential credential;
  private String endpoint;
  private AzureCloud cloud = AzureCloud.COMMERCIAL;
  private HttpClient httpClient;
  private HttpPipeline pipeline;
  private final AddedPolicies addedPolicies = new AddedPolicies();
  private RetryOptions retryOptions;
  private HttpLogOptions httpLogOptions;
  private ClientOptions clientOptions;
  private Configuration configuration;
  private DefenderConnectorServiceVersion serviceVersion;
  private Sleeper sleeper = Sleeper.system();
  private Duration pollInterval = Duration.ofSeconds(1);
  private Clock clock = Clock.systemUTC();
  private Duration pollTimeout = Duration.ofMinutes(10);
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(60);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Duration requestTimeout = Duration.ofMinutes(2);
  private Duration callTimeout = Duration.ofMinutes(15);
  private Duration maxRetryWait = Duration.ofSeconds(60);
  private int maxPages = 1000;
  private int rateLimitReserve = 10;

  /** A builder with the defaults. */
  public DefenderConnectorClientBuilder() {}

  /**
   * The credential for Azure Resource Manager (required unless a {@link #pipeline(HttpPipeline)} is given); tokens
   * are requested for its {@code .default} scope.
   *
   * @param credential the credential
   * @return this builder
   */
  @Override
  public DefenderConnectorClientBuilder credential(TokenCredential credential) {
    this.credential = credential;
    return this;
  }

  /**
   * The Resource Manager endpoint, e.g. {@code https://management.azure.com}. HTTPS, except for a loopback host
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). Default: the cloud's endpoint. The rules hold with a
   * custom pipeline too.
   *
   * @param endpoint the endpoint
   * @return this builder
   */
  @Override
  public DefenderConnectorClientBuilder endpoint(String endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /**
   * A complete pipeline to send requests through. When set, the builder uses it as is and ignores the credential,
   * HTTP client, added policies, client options and log options: the pipeline must authenticate. The endpoint
   * rules still apply, requests still go only to the endpoint's origin, the client still retries idempotent
   * requests itself ({@link #retryOptions(RetryOptions)}; a request carrying a one-time code never), and it appends
   * the one policy that puts the authorization code into the body, so that no policy of the pipeline sees the code.
   *
   * @param pipeline the pipeline
   * @return this builder
   * @throws NullPointerException if the pipeline is null
   */
  @Override
  public DefenderConnectorClientBuilder pipeline(HttpPipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' cannot be null.");
    return this;
  }

  /**
   * Adds a policy to the pipeline the builder creates: {@code PER_CALL} policies run first, {@code PER_RETRY}
   * policies after authentication (the client retries outside the pipeline, so both run once per attempt).
   *
   * @param policy the policy
   * @return this builder
   * @throws NullPointerException if the policy is null
   */
  @Override
  public DefenderConnectorClientBuilder addPolicy(HttpPipelinePolicy policy) {
    addedPolicies.add(policy);
    return this;
  }

  /**
   * Client options: the application id (added to the {@code User-Agent}) and extra headers sent with every
   * request.
   *
   * @param clientOptions the options
   * @return this builder
   */
  @Override
  public DefenderConnectorClientBuilder clientOptions(ClientOptions clientOptions) {
    this.clientOptions = clientOptions;
    return this;
  }

  /**
   * The configuration the pipeline reads (the {@code User-Agent} telemetry setting, the default HTTP client's
   * proxy). Default: the global configuration.
   *
   * @param configuration the configuration
   * @return this builder
   */
  @Override
  public DefenderConnectorClientBuilder configuration(Configuration configuration) {
    this.configuration = configuration;
    return this;
  }

  /**
   * The Azure cloud. Only {@link AzureCloud#COMMERCIAL} (the default) has DevOps connectors; {@link #buildClient()}
   * refuses the others with a {@link ConnectorValidationException} carrying the
   * {@code CLOUD_NOT_SUPPORTED} finding.
   */
  public DefenderConnectorClientBuilder cloud(AzureCloud cloud) {
    this.cloud = cloud;
    return this;
  }

  /**
   * The HTTP client. Default: the JDK client ({@code azure-core-http-jdk-httpclient}), which follows no redirects.
   * {@link #buildClient()} probes a client given here (one of azure-core's network clients: JDK, OkHttp, Netty, Vert.x) once, on the loopback
   * interface, and refuses it if it follows
   * a redirect to another origin with the {@code Authorization} header.
   */
  @Override
  public DefenderConnectorClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * How idempotent requests are retried on 408, 429, 500, 502, 503, 504 and transport failures: the number of
   * retries and the back-off of azure-core's {@link RetryOptions} (exponential or fixed; its retry condition is not
   * used). Default: 3 retries, exponential from 0.8 s up to 8 s. {@code Retry-After} (seconds or an HTTP date) and
   * {@code retry-after-ms} are honoured up to {@link #maxRetryWait(Duration)}; a longer wait fails at once with
   * a {@code THROTTLED} {@link io.github.devopsconnector.core.ServiceException}. A request carrying a one-time authorization code is never retried.
   */
  @Override
  public DefenderConnectorClientBuilder retryOptions(RetryOptions retryOptions) {
    this.retryOptions = retryOptions;
    return this;
  }

  /**
   * The longest wait the client accepts from a {@code Retry-After}; a longer one fails the call at once with
   * a {@code THROTTLED} {@link io.github.devopsconnector.core.ServiceException} carrying the wait. Default: 60 seconds.
   */
  public DefenderConnectorClientBuilder maxRetryWait(Duration maxRetryWait) {
    this.maxRetryWait = maxRetryWait;
    return this;
  }

  /**
   * The time to open a connection (default client only). Default: 10 seconds; then
   * a {@code TRANSIENT} {@link io.github.devopsconnector.core.ServiceException}.
   */
  public DefenderConnectorClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    return this;
  }

  /** The time from sending a request to its response headers, per attempt. Default: 60 seconds. */
  public DefenderConnectorClientBuilder responseTimeout(Duration responseTimeout) {
    this.responseTimeout = responseTimeout;
    return this;
  }

  /** The longest pause between two reads of a response body (default client only). Default: 60 seconds. */
  public DefenderConnectorClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
    return this;
  }

  /**
   * The total time reading one response body may take, from its headers to its last byte, however slowly the bytes
   * come (a server that trickles a byte now and then cannot hold the client longer); the headers are bounded by
   * {@link #responseTimeout(Duration)}. Applies with any HTTP client. Default: 2 minutes.
   */
  public DefenderConnectorClientBuilder requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /**
   * The overall deadline of one call of the client (each page of a listing counts as one call): every request,
   * retry, wait and long-running poll in it. Default: 15 minutes; then a {@code TRANSIENT} or
   * {@code THROTTLED} {@link io.github.devopsconnector.core.ServiceException}.
   */
  public DefenderConnectorClientBuilder callTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
    return this;
  }

  /**
   * The most pages one listing follows through {@code nextLink}; one more fails with a {@code PROTOCOL} {@link io.github.devopsconnector.core.ServiceException}
   * naming the listing. Default: 1000.
   */
  public DefenderConnectorClientBuilder maxPages(int maxPages) {
    this.maxPages = maxPages;
    return this;
  }

  /**
   * The remaining ARM request budget ({@code x-ms-ratelimit-remaining-subscription-reads}, {@code -writes},
   * {@code -deletes}) at or below which the client pauses one second before each request of that kind, so that the
   * budget refills before ARM answers 429. Default: 10; 0 paces only when the budget is used up.
   */
  public DefenderConnectorClientBuilder rateLimitReserve(int rateLimitReserve) {
    this.rateLimitReserve = rateLimitReserve;
    return this;
  }

  /**
   * HTTP logging. Whatever the level, the {@code Authorization} header is redacted (even when the options allow it
   * by name), and the authorization code is added to the body only after logging.
   */
  @Override
  public DefenderConnectorClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    this.httpLogOptions = httpLogOptions;
    return this;
  }

  /** The api-versions. Default: {@link DefenderConnectorServiceVersion#getLatest()}. */
  public DefenderConnectorClientBuilder serviceVersion(DefenderConnectorServiceVersion serviceVersion) {
    this.serviceVersion = serviceVersion;
    return this;
  }

  /**
   * What waits between retries (429 and 5xx, honouring {@code Retry-After}), when pacing requests and between
   * polls of long-running operations, in place of sleeping the thread. The client sends the same
   * requests and computes the same delays; only the waiting is the sleeper's. Tests pass a virtual one with
   * {@link #clock(Clock)} (for example {@code VirtualTime} of connector-testing) so that throttling costs no real
   * time. Default: the thread sleeps.
   */
  public DefenderConnectorClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' cannot be null.");
    return this;
  }

  /** The clock {@code Retry-After} dates are compared with. Default: {@link Clock#systemUTC()}. */
  public DefenderConnectorClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "'clock' cannot be null.");
    return this;
  }

  /** The poll interval when ARM sends no {@code Retry-After}. Default: 1 second. */
  public DefenderConnectorClientBuilder pollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
    return this;
  }

  /**
   * How long to wait for a long-running operation before giving up, by the wall clock: the polls' own request
   * time counts. Default: 10 minutes.
   */
  public DefenderConnectorClientBuilder pollTimeout(Duration pollTimeout) {
    this.pollTimeout = pollTimeout;
    return this;
  }

  /**
   * A new client.
   *
   * @return the client
   * @throws ConnectorValidationException if the cloud is not the commercial one ({@code CLOUD_NOT_SUPPORTED})
   * @throws IllegalStateException if neither a credential nor a pipeline was given, the endpoint is not an absolute
   *     URL, is plain http to a host that is not loopback, or has a query, a polling setting is invalid, a header of
   *     the client options has a line break or control character, or the HTTP client given carries credentials
   *     along redirects
   */
  public DefenderConnectorClient buildClient() {
    if (cloud == null) {
      throw LOGGER.logExceptionAsError(new IllegalStateException("The cloud must not be null."));
    }
    if (!cloud.supportsDevOpsConnectors()) {
      throw LOGGER.logExceptionAsError(new ConnectorValidationException(
          ValidationReport.of(List.of(AzureRules.cloudNotSupported(cloud)))));
    }
    if (credential == null && pipeline == null) {
      throw LOGGER.logExceptionAsError(new IllegalStateException("A credential is required: call "
          + "credential(TokenCredential), e.g. with DefaultAzureCredential from azure-identity."));
    }
    URL url = endpointUrl(endpoint == null ? cloud.resourceManagerEndpoint() : endpoint);
    if (pollInterval == null || pollInterval.isNegative()) {
      throw new IllegalStateException("The poll interval must be zero or positive.");
    }
    if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
      throw new IllegalStateException("The poll timeout must be positive.");
    }
    for (Duration limit : new Duration[] {connectTimeout, responseTimeout, readTimeout, requestTimeout, callTimeout}) {
      if (limit == null || limit.isNegative() || limit.isZero()) {
        throw new IllegalStateException("The connect, response, read, request and call timeouts must be positive.");
      }
    }
    if (maxRetryWait == null || maxRetryWait.isNegative()) {
      throw new IllegalStateException("The maximum retry wait must be zero or positive.");
    }
    if (maxPages < 1) {
      throw new IllegalStateException("The maximum number of pages must be at least 1.");
    }
    if (rateLimitReserve < 0) {
      throw new IllegalStateException("The rate-limit reserve must not be negative.");
    }
    DefenderConnectorServiceVersion version = serviceVersion == null
        ? DefenderConnectorServiceVersion.getLatest() : serviceVersion;
    try {
      // Header values from the caller are checked before any request, not when the HTTP client trips over them.
      Pipelines.clientOptionHeaders(clientOptions);
    } catch (IllegalStateException e) {
      throw LOGGER.logExceptionAsError(e);
    }
    if (pipeline == null && httpClient != null) {
      Pipelines.refuseRedirectFollowing(httpClient, "httpClient(...)");
    }
    ExecutorService executor = null;
    Waits waits = new Waits(clock, sleeper);
    RetrySettings retry = retrySettings();
    // One retry policy for every request, outermost so that every policy runs once per attempt; it retries only
    // what ArmHttp marks as idempotent, never a request that carries a one-time code.
    RetryPolicy retryPolicy = new RetryPolicy(retry, waits, new ArmPacing(rateLimitReserve, PACE_DELAY),
        ArmHttp.RETRIED_STATUSES, ArmErrors.SERVICE);
    HttpPipeline effective;
    if (pipeline != null) {
      if (credential != null) {
        LOGGER.warning("A custom pipeline is set, so the credential given to the builder is not used.");
      }
      effective = ArmPipelines.withRetry(ArmPipelines.withSecretBody(pipeline, url), retryPolicy);
    } else {
      HttpClient client = httpClient;
      if (client == null) {
        // The client owns the JDK client's threads, so close() can stop them.
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
          Thread thread = new Thread(runnable, "defender-connector-arm-http-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
        JdkHttpClientBuilder jdk = new JdkHttpClientBuilder().executor(executor).connectionTimeout(connectTimeout)
            .responseTimeout(responseTimeout).readTimeout(readTimeout).writeTimeout(requestTimeout);
        if (configuration != null) {
          jdk.configuration(configuration);
        }
        client = jdk.build();
      }
      effective = ArmPipelines.withRetry(ArmPipelines.build(new ArmPipelines.Settings(credential, url, client,
          httpLogOptions, clientOptions, configuration == null ? Configuration.getGlobalConfiguration()
          : configuration, SDK, addedPolicies.perCall(), addedPolicies.perRetry())), retryPolicy);
    }
    ExecutorService owned = executor;
    ArmHttp http = new ArmHttp(effective, url, new ArmHttpSettings(retry, waits, responseTimeout, requestTimeout,
        callTimeout), owned == null ? null : owned::shutdownNow);
    OperationPoller poller = new OperationPoller(http, waits, pollInterval, pollTimeout);
    String shown = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1)
        : url.toString();
    return new DefenderConnectorClient(new DefenderConnectorOperations(http, poller, version, shown, maxPages,
        credential), version, shown);
  }

  /**
   * The retry settings: the retry options' (3 retries from 800 ms, doubling up to 8 s, by default), waited exactly
   * (no jitter), with {@code Retry-After} honoured up to {@link #maxRetryWait(Duration)}. Values the shared
   * settings do not take are brought into range: at most 20 retries, a base delay no longer than the maximum.
   */
  private RetrySettings retrySettings() {
    int retries = 3;
    Duration base = Duration.ofMillis(800);
    Duration max = Duration.ofSeconds(8);
    boolean exponential = true;
    if (retryOptions != null && retryOptions.getFixedDelayOptions() != null) {
      retries = retryOptions.getFixedDelayOptions().getMaxRetries();
      base = retryOptions.getFixedDelayOptions().getDelay();
      max = base;
      exponential = false;
    } else if (retryOptions != null && retryOptions.getExponentialBackoffOptions() != null) {
      ExponentialBackoffOptions options = retryOptions.getExponentialBackoffOptions();
      retries = options.getMaxRetries() == null ? retries : options.getMaxRetries();
      base = options.getBaseDelay() == null ? base : options.getBaseDelay();
      max = options.getMaxDelay() == null ? max : options.getMaxDelay();
    }
    Duration cap = max.isZero() || max.isNegative() ? Duration.ofNanos(1) : max;
    Duration first = base.isNegative() ? Duration.ZERO : base.compareTo(cap) > 0 ? cap : base;
    return new RetrySettings(Math.min(20, Math.max(0, retries)), first, cap, exponential, maxRetryWait, false);
  }


  private static URL endpointUrl(String text) {
    URL url;
    try {
      url = Urls.parse(Objects.requireNonNull(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The endpoint must be an absolute https URL such as "
          + "https://management.azure.com; got '" + bounded(text) + "'.", e);
    }
    if (url.getUserInfo() != null) {
      // Not echoed: user info may hold a password.
      throw new IllegalStateException("The endpoint must not have user info (credentials go in credential()).");
    }
    if (url.getQuery() != null || url.getRef() != null) {
      throw new IllegalStateException("The endpoint must not have a query or fragment: '"
          + bounded(Urls.withoutQuery(text)) + "'.");
    }
    if (!"https".equalsIgnoreCase(url.getProtocol()) && !Urls.isLoopbackHost(url.getHost())) {
      throw new IllegalStateException("The endpoint must use https (plain http is allowed only for a loopback host, "
          + "such as a local simulator): '" + bounded(text) + "'.");
    }
    return url;
  }

  private static String bounded(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
