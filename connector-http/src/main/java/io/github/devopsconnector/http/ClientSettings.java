package io.github.devopsconnector.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings every REST client builder shares (HTTP client or pipeline, added policies, retries, log and client
 * options, configuration, clock, sleeper and the five time limits) and the assembly of a client's pipeline and
 * transport from them. A builder keeps its public setters, delegates them here, and brings only what its service
 * does differently ({@link ServicePipeline}). Setters check their argument with the messages the builders document.
 */
public final class ClientSettings {
  /** The default time to open a connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default time from sending a request to its response headers: 30 seconds. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
  /** The default longest pause between two reads of a response body: 30 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** The default total time to read one response body, first byte to last: 60 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** The default total time of one call, every attempt, retry and wait included: 5 minutes. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
  /** The retries and waits when no retry options are set: 4 retries, 800 ms doubled each time, at most 60 s. */
  public static final RetrySettings DEFAULT_RETRY = new RetrySettings(4, Duration.ofMillis(800),
      Duration.ofSeconds(60), true);
  /** The longest any time limit may be: one day. */
  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  /** What one service adds to the pipeline the settings assemble, in the order the pipeline runs them. */
  public interface ServicePipeline {
    /**
     * The pacing of the retry policy (the service's rate-limit pauses).
     *
     * @param retry the effective retry settings
     * @param waits the clock and sleeper
     * @return the pacing
     */
    Pacing pacing(RetrySettings retry, Waits waits);

    /**
     * Adds the policies that stand right after the retry policy; none unless overridden.
     *
     * @param policies the pipeline's policies so far
     * @param waits the clock and sleeper
     */
    default void addAfterRetry(List<HttpPipelinePolicy> policies, Waits waits) {}

    /**
     * The origins credentials may go to.
     *
     * @return the origins, as {@link Urls#origin(java.net.URI)} writes them
     */
    Set<String> origins();

    /**
     * The policy that authenticates the requests.
     *
     * @return the policy
     */
    HttpPipelinePolicy authentication();

    /**
     * The log options the logging policy uses, made from the caller's.
     *
     * @param given the caller's options, or null
     * @return the options
     */
    HttpLogOptions logOptions(HttpLogOptions given);

    /**
     * Adds the policies that stand below the logging policy; none unless overridden.
     *
     * @param policies the pipeline's policies so far
     * @param logOptions the options of the logging policy
     */
    default void addBelowLogging(List<HttpPipelinePolicy> policies, HttpLogOptions logOptions) {}
  }

  private HttpClient httpClient;
  private HttpPipeline pipeline;
  private final AddedPolicies addedPolicies = new AddedPolicies();
  private RetrySettings retrySettings = DEFAULT_RETRY;
  private Configuration configuration;
  private HttpLogOptions httpLogOptions;
  private ClientOptions clientOptions;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.system();
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
  private Duration readTimeout = DEFAULT_READ_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

  /** The defaults. */
  public ClientSettings() {}

  /**
   * Sets the caller's HTTP client.
   *
   * @param httpClient the client
   * @throws NullPointerException if it is null
   */
  public void httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "'httpClient' cannot be null.");
  }

  /**
   * Sets the caller's complete pipeline.
   *
   * @param pipeline the pipeline
   * @throws NullPointerException if it is null
   */
  public void pipeline(HttpPipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' cannot be null.");
  }

  /**
   * Whether the caller gave a complete pipeline.
   *
   * @return true if {@link #pipeline(HttpPipeline)} was called
   */
  public boolean hasPipeline() {
    return pipeline != null;
  }

  /**
   * Adds a caller's policy.
   *
   * @param policy the policy
   * @throws NullPointerException if it is null
   */
  public void addPolicy(HttpPipelinePolicy policy) {
    addedPolicies.add(policy);
  }

  /**
   * Sets the retries from azure-core's options ({@link RetrySettings#from}).
   *
   * @param retryOptions the options
   * @throws NullPointerException if they are null
   * @throws IllegalArgumentException if they are out of range
   */
  public void retryOptions(RetryOptions retryOptions) {
    Objects.requireNonNull(retryOptions, "'retryOptions' cannot be null.");
    this.retrySettings = RetrySettings.from(retryOptions, DEFAULT_RETRY);
  }

  /**
   * Sets the configuration.
   *
   * @param configuration the configuration
   * @throws NullPointerException if it is null
   */
  public void configuration(Configuration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "'configuration' cannot be null.");
  }

  /**
   * Sets the caller's log options.
   *
   * @param httpLogOptions the options
   * @throws NullPointerException if they are null
   */
  public void httpLogOptions(HttpLogOptions httpLogOptions) {
    this.httpLogOptions = Objects.requireNonNull(httpLogOptions, "'httpLogOptions' cannot be null.");
  }

  /**
   * Sets the client options.
   *
   * @param clientOptions the options
   * @throws NullPointerException if they are null
   */
  public void clientOptions(ClientOptions clientOptions) {
    this.clientOptions = Objects.requireNonNull(clientOptions, "'clientOptions' cannot be null.");
  }

  /**
   * Sets the clock.
   *
   * @param clock the clock
   * @throws NullPointerException if it is null
   */
  public void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "'clock' cannot be null.");
  }

  /**
   * The clock the client reads time from.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Sets the sleeper.
   *
   * @param sleeper the sleeper
   * @throws NullPointerException if it is null
   */
  public void sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' cannot be null.");
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout a positive duration of at most a day
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public void connectTimeout(Duration connectTimeout) {
    this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout");
  }

  /**
   * Sets the response timeout.
   *
   * @param responseTimeout a positive duration of at most a day
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public void responseTimeout(Duration responseTimeout) {
    this.responseTimeout = checkTimeout(responseTimeout, "responseTimeout");
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout a positive duration of at most a day
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public void readTimeout(Duration readTimeout) {
    this.readTimeout = checkTimeout(readTimeout, "readTimeout");
  }

  /**
   * Sets the request timeout.
   *
   * @param requestTimeout a positive duration of at most a day
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public void requestTimeout(Duration requestTimeout) {
    this.requestTimeout = checkTimeout(requestTimeout, "requestTimeout");
  }

  /**
   * Sets the call timeout.
   *
   * @param callTimeout a positive duration of at most a day
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public void callTimeout(Duration callTimeout) {
    this.callTimeout = checkTimeout(callTimeout, "callTimeout");
  }

  private static Duration checkTimeout(Duration value, String name) {
    Objects.requireNonNull(value, "'" + name + "' cannot be null.");
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be positive and at most a day; it is " + value + ".");
    }
    return value;
  }

  /**
   * Checks what a token client's {@code buildClient()} needs before anything else: exactly one credential (a token
   * or a {@code TokenCredential}; none with a caller's pipeline is fine), and an endpoint that is an absolute https
   * URL, or http to a loopback host ({@link Urls#checkEndpoint}).
   *
   * @param logger the builder's logger, which logs what it refuses
   * @param service the service's name, as in messages
   * @param credentialSet whether a {@code TokenCredential} is set
   * @param tokenSet whether a token is set
   * @param endpoint the endpoint
   * @return the endpoint, without a trailing slash
   * @throws IllegalStateException if both or (without a pipeline) neither credential is set, or the endpoint is
   *     refused
   */
  public String checkTokenClient(ClientLogger logger, String service, boolean credentialSet, boolean tokenSet,
      String endpoint) {
    if (credentialSet && tokenSet) {
      throw logger.logExceptionAsError(new IllegalStateException("Both a token and a TokenCredential are set; set "
          + "exactly one of token(...) and credential(...)."));
    }
    if (pipeline == null && !credentialSet && !tokenSet) {
      throw logger.logExceptionAsError(new IllegalStateException("No credential is set; set token(...) or "
          + "credential(...)."));
    }
    try {
      return Urls.checkEndpoint(service, endpoint);
    } catch (IllegalStateException e) {
      throw logger.logExceptionAsError(e);
    }
  }

  /**
   * Checks the client options' headers and the caller's HTTP client, then builds the transport: through the
   * caller's pipeline as is, or through one assembled from these settings and the service's parts (its own JDK
   * HTTP client when the caller gave none, closed with the transport).
   *
   * @param <C> the transport's call type
   * @param logger the builder's logger, which logs what it refuses
   * @param service the service's name, as in messages
   * @param sdk the SDK name and version for the {@code User-Agent}
   * @param parts what the service adds to the pipeline
   * @param credentialGiven whether the builder was given a credential (unused with a caller's pipeline: warned)
   * @param scrubber the secrets to keep out of messages
   * @param requestHeaders the headers every request carries
   * @param failures how the service's failures map to exceptions
   * @return the transport
   * @throws IllegalStateException if a client option header is not a valid header, or the caller's HTTP client
   *     carries credentials along redirects
   */
  public <C> HttpTransport<C> buildTransport(ClientLogger logger, String service, SdkProperties sdk,
      ServicePipeline parts, boolean credentialGiven, SecretScrubber scrubber, HttpHeaders requestHeaders,
      HttpTransport.Failures<C> failures) {
    HttpHeaders extraHeaders;
    try {
      extraHeaders = Pipelines.clientOptionHeaders(clientOptions);
      if (pipeline == null && httpClient != null) {
        Pipelines.refuseRedirectFollowing(httpClient, "httpClient(...)");
      }
    } catch (IllegalStateException e) {
      throw logger.logExceptionAsError(e);
    }
    OwnedHttpClient owned = pipeline == null && httpClient == null
        ? new OwnedHttpClient(HttpTransport.threadPrefix(service) + "-http-", HttpTransport.closedMessage(service),
            connectTimeout, responseTimeout, readTimeout)
        : null;
    HttpPipeline effective = pipeline != null ? pipeline
        : createPipeline(service, sdk, parts, extraHeaders, owned != null ? owned : httpClient);
    if (pipeline != null && credentialGiven) {
      logger.warning("A custom pipeline is set, so the credential given to the builder is not used.");
    }
    return new HttpTransport<>(service, effective, scrubber, requestHeaders, failures, requestTimeout, callTimeout,
        owned);
  }

  private HttpPipeline createPipeline(String service, SdkProperties sdk, ServicePipeline parts,
      HttpHeaders extraHeaders, HttpClient client) {
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(sdk.userAgentPolicy(clientOptions, httpLogOptions, configuration));
    if (extraHeaders.getSize() > 0) {
      policies.add(new AddHeadersPolicy(extraHeaders));
    }
    policies.addAll(addedPolicies.perCall());
    Waits waits = new Waits(clock, sleeper);
    policies.add(new RetryPolicy(retrySettings, waits, parts.pacing(retrySettings, waits),
        RetryPolicy.DEFAULT_RETRIED_STATUSES, service));
    parts.addAfterRetry(policies, waits);
    policies.add(new OriginGuardPolicy(parts.origins(), service));
    policies.add(parts.authentication());
    policies.addAll(addedPolicies.perRetry());
    policies.add(new HeaderGuardPolicy());
    HttpLogOptions logOptions = parts.logOptions(httpLogOptions);
    policies.add(new HttpLoggingPolicy(logOptions));
    parts.addBelowLogging(policies, logOptions);
    return new HttpPipelineBuilder()
        .httpClient(client)
        .policies(policies.toArray(new HttpPipelinePolicy[0]))
        .clientOptions(clientOptions)
        .build();
  }

  /**
   * The retry and time-limit settings, for a builder's {@code toString()}.
   *
   * @return {@code retry=..., callTimeout=..., requestTimeout=...}
   */
  @Override
  public String toString() {
    return "retry=" + retrySettings + ", callTimeout=" + callTimeout + ", requestTimeout=" + requestTimeout;
  }
}
