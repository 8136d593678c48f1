package io.github.devopsconnector.arm;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import io.github.devopsconnector.arm.implementation.ArmHttp;
import io.github.devopsconnector.arm.implementation.ArmHttpSettings;
import io.github.devopsconnector.arm.implementation.ArmPipelines;
import io.github.devopsconnector.arm.implementation.OperationPoller;
import io.github.devopsconnector.arm.implementation.Urls;
import com.azure.core.util.Context;
import io.github.devopsconnector.core.AzureCloud;
import io.github.devopsconnector.core.Sleeper;
import io.github.devopsconnector.http.RedirectProbe;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds {@link DefenderConnectorClient}. Only {@link #credential(TokenCredential)} is required; the endpoint
 * defaults to the cloud's Resource Manager ({@code https://management.azure.com}).
 *
 * <p>Tokens are requested for {@code https://management.azure.com/.default} and sent only to the endpoint's host,
 * over HTTPS; plain http is accepted only for a loopback endpoint (such as a local simulator), which is why the
 * client applies the token with its own policy rather than azure-core's {@code BearerTokenAuthenticationPolicy}
 * (that one refuses http altogether). The pipeline cannot be replaced ({@code pipeline(HttpPipeline)} is not
 * offered) because its policies are what keep credentials and authorization codes where they belong.
 *
 * <pre>{@code
 * DefenderConnectorClient client = new DefenderConnectorClientBuilder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .buildClient();
 * }</pre>
 */
@ServiceClientBuilder(serviceClients = DefenderConnectorClient.class)
public final class DefenderConnectorClientBuilder implements TokenCredentialTrait<DefenderConnectorClientBuilder>,
    EndpointTrait<DefenderConnectorClientBuilder> {

  private static final String SDK_VERSION = "0.1.0";

  private TokenCredential credential;
  private String endpoint;
  private AzureCloud cloud = AzureCloud.COMMERCIAL;
  private HttpClient httpClient;
  private RetryOptions retryOptions;
  private HttpLogOptions httpLogOptions;
  private DefenderConnectorServiceVersion serviceVersion;
  private PollSleeper sleeper = PollSleeper.system();
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

  /** The credential for Azure Resource Manager (required); tokens are requested for its {@code .default} scope. */
  @Override
  public DefenderConnectorClientBuilder credential(TokenCredential credential) {
    this.credential = credential;
    return this;
  }

  /**
   * The Resource Manager endpoint, e.g. {@code https://management.azure.com}. HTTPS, except for a loopback host
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). Default: the cloud's endpoint.
   */
  @Override
  public DefenderConnectorClientBuilder endpoint(String endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /**
   * The Azure cloud. Only {@link AzureCloud#COMMERCIAL} (the default) has DevOps connectors; {@link #buildClient()}
   * refuses the others with {@link CloudNotSupportedException}.
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
  public DefenderConnectorClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * How idempotent requests are retried on 408, 429, 500, 502, 503, 504 and transport failures: the number of
   * retries and the back-off of azure-core's {@link RetryOptions} (exponential or fixed; its retry condition is not
   * used). Default: 3 retries, exponential from 0.8 s up to 8 s. {@code Retry-After} (seconds or an HTTP date) and
   * {@code retry-after-ms} are honoured up to {@link #maxRetryWait(Duration)}; a longer wait fails at once with
   * {@link ArmThrottledException}. A request carrying a one-time authorization code is never retried.
   */
  public DefenderConnectorClientBuilder retryOptions(RetryOptions retryOptions) {
    this.retryOptions = retryOptions;
    return this;
  }

  /**
   * The longest wait the client accepts from a {@code Retry-After}; a longer one fails the call at once with
   * {@link ArmThrottledException} carrying the wait. Default: 60 seconds.
   */
  public DefenderConnectorClientBuilder maxRetryWait(Duration maxRetryWait) {
    this.maxRetryWait = maxRetryWait;
    return this;
  }

  /**
   * The time to open a connection (default client only). Default: 10 seconds; then
   * {@link ArmTransportException} ({@code CONNECT_FAILED}).
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
   * The total time of one request attempt, from sending to the last byte of the answer, however slowly the bytes
   * come (a server that trickles a byte now and then cannot hold the client longer). Default: 2 minutes.
   */
  public DefenderConnectorClientBuilder requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /**
   * The overall deadline of one call of the client (each page of a listing counts as one call): every request,
   * retry, wait and long-running poll in it. Default: 15 minutes; then {@link ArmTransportException}
   * ({@code DEADLINE_EXCEEDED}) or {@link ArmThrottledException}.
   */
  public DefenderConnectorClientBuilder callTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
    return this;
  }

  /**
   * The most pages one listing follows through {@code nextLink}; one more fails with {@link ArmProtocolException}
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
   * What waits between polls of long-running operations, between retries, and when pacing requests. Default:
   * {@link PollSleeper#system()}.
   */
  public DefenderConnectorClientBuilder pollSleeper(PollSleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /**
   * What waits between retries (429 and 5xx, honouring {@code Retry-After}), when pacing requests and between
   * polls of long-running operations, in place of sleeping the thread: the same as
   * {@link #pollSleeper(PollSleeper)}, with the SDK's common {@link Sleeper} type. The client sends the same
   * requests and computes the same delays; only the waiting is the sleeper's. Tests pass a virtual one with
   * {@link #clock(Clock)} (for example {@code VirtualTime} of connector-testing) so that throttling costs no real
   * time. Default: the thread sleeps.
   */
  public DefenderConnectorClientBuilder sleeper(Sleeper sleeper) {
    Objects.requireNonNull(sleeper, "'sleeper' cannot be null.");
    this.sleeper = sleeper::sleep;
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
   * @throws CloudNotSupportedException if the cloud is not the commercial one
   * @throws IllegalStateException if no credential was given, the endpoint is not an absolute URL, is plain http to
   *     a host that is not loopback, or has a query, a polling setting is invalid, or the HTTP client given carries
   *     credentials along redirects
   */
  public DefenderConnectorClient buildClient() {
    if (cloud == null) {
      throw new IllegalStateException("The cloud must not be null.");
    }
    if (!cloud.supportsDevOpsConnectors()) {
      throw new CloudNotSupportedException(cloud);
    }
    if (credential == null) {
      throw new IllegalStateException("A credential is required: call credential(TokenCredential), e.g. with "
          + "DefaultAzureCredential from azure-identity.");
    }
    URL url = endpointUrl(endpoint == null ? cloud.resourceManagerEndpoint() : endpoint);
    if (sleeper == null) {
      throw new IllegalStateException("The poll sleeper must not be null.");
    }
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
    if (httpClient != null && RedirectProbe.isNetworkClient(httpClient)) {
      refuseRedirectFollowing(httpClient);
    }
    ExecutorService executor = null;
    HttpClient client = httpClient;
    if (client == null) {
      // The client owns the JDK client's threads, so close() can stop them.
      AtomicInteger threads = new AtomicInteger();
      executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "defender-connector-arm-http-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      client = new JdkHttpClientBuilder().executor(executor).connectionTimeout(connectTimeout)
          .responseTimeout(responseTimeout).readTimeout(readTimeout).writeTimeout(requestTimeout).build();
    }
    HttpPipeline pipeline = ArmPipelines.build(credential, url, client, httpLogOptions, SDK_VERSION);
    ExecutorService owned = executor;
    ArmHttp http = new ArmHttp(pipeline, url, httpSettings(), () -> {
      if (owned != null) {
        owned.shutdownNow();
      }
    });
    OperationPoller poller = new OperationPoller(http, sleeper, pollInterval, pollTimeout, clock);
    String shown = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1)
        : url.toString();
    return new DefenderConnectorClient(http, poller, version, shown, maxPages, credential);
  }

  private ArmHttpSettings httpSettings() {
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
    return new ArmHttpSettings(Math.max(0, retries), base, max, exponential, maxRetryWait, responseTimeout,
        requestTimeout, callTimeout, maxPages, rateLimitReserve, Duration.ofSeconds(1), sleeper, clock);
  }

  /** Probes the caller's HTTP client on loopback; refuses it if it carries Authorization along a redirect. */
  private static void refuseRedirectFollowing(HttpClient client) {
    RedirectProbe.Verdict verdict = RedirectProbe.probe((url, header, value) -> {
      HttpRequest probe = new HttpRequest(HttpMethod.GET, url);
      probe.setHeader(HttpHeaderName.fromString(header), value);
      try (HttpResponse response = client.sendSync(probe, Context.NONE)) {
        if (response == null) {
          throw new IllegalStateException("no response");
        }
      }
    }, Duration.ofSeconds(2));
    if (verdict == RedirectProbe.Verdict.LEAKS_CREDENTIALS) {
      throw new IllegalStateException("The HTTP client follows redirects and carries the Authorization header to "
          + "the other host, so a redirect would hand the token to whoever the server points at. Turn redirects "
          + "off in it (for the JDK client: HttpClient.newBuilder().followRedirects(Redirect.NEVER)), or leave "
          + "httpClient(...) unset.");
    }
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
    if (!"https".equalsIgnoreCase(url.getProtocol()) && !Urls.isLoopback(url.getHost())) {
      throw new IllegalStateException("The endpoint must use https (plain http is allowed only for a loopback host, "
          + "such as a local simulator): '" + bounded(text) + "'.");
    }
    return url;
  }

  private static String bounded(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
