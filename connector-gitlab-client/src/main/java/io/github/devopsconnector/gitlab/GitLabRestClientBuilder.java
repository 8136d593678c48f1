package io.github.devopsconnector.gitlab;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.core.Sleeper;
import io.github.devopsconnector.gitlab.implementation.GitLabErrorMapper;
import io.github.devopsconnector.gitlab.implementation.GitLabOperations;
import io.github.devopsconnector.gitlab.implementation.GitLabTokenPolicy;
import io.github.devopsconnector.http.AuthorizationHeaderPolicy;
import io.github.devopsconnector.http.BearerTokenPolicy;
import io.github.devopsconnector.http.ClientSettings;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.SdkProperties;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.TokenPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds {@link GitLabRestClient}s. Set exactly one credential, {@link #token(String)} (a personal, group or project
 * access token) or {@link #credential(TokenCredential)} (which supplies OAuth 2.0 access tokens); everything else has
 * a default, with the same options and meaning as the SDK's other REST client builders:
 *
 * <ul>
 *   <li>Endpoint: {@value #DEFAULT_ENDPOINT}; {@link #endpoint(String)} points the client at a GitLab Self-Managed or
 *       Dedicated instance root, or a simulator. The REST API is under {@code /api/v4} of it.
 *   <li>HTTP client: azure-core's JDK HTTP client, with redirects off, made on the first request and stopped by
 *       {@link GitLabRestClient#close()}. A caller's {@link #httpClient(HttpClient)} is probed at build time and
 *       refused if it follows redirects carrying the {@code Authorization} header to another origin.
 *   <li>Time limits: connect 10 s, response 30 s, read 30 s, request 60 s, call 5 minutes, as for the other
 *       clients.
 *   <li>Retries and rate limits: 4 retries of answers 429, 500, 502, 503 and 504 and of I/O failures, after a backoff
 *       of 800 ms doubled each time (±20% jitter), at most 60 s ({@link #retryOptions(RetryOptions)} changes them).
 *       GitLab answers a rate limit with 429 and {@code Retry-After}, and sends {@code RateLimit-Limit},
 *       {@code RateLimit-Remaining}, {@code RateLimit-Reset} (docs.gitlab.com/security/rate_limits): the client waits
 *       {@code Retry-After}, holds every request of the client until {@code RateLimit-Reset} once
 *       {@code RateLimit-Remaining} is 0, and fails a call whose wait is longer than the maximum delay, or than the
 *       call has left, at once with {@code THROTTLED} and the wait GitLab asked for.
 *   <li>Paging: {@code per_page=100} and the {@code Link} header's {@code next}, at most
 *       {@value #DEFAULT_MAX_PAGES} pages a listing ({@link #maxPages(int)}).
 *   <li>Logging: azure-core's HTTP logging, off unless {@link #httpLogOptions(HttpLogOptions)} turns it on; the
 *       rate-limit and paging headers are allowed in the log, {@code Authorization} never.
 * </ul>
 *
 * <p>The token is sent as {@code Authorization: Bearer}, which GitLab accepts for OAuth 2.0 tokens and for personal,
 * group and project access tokens alike (docs.gitlab.com/api/rest/authentication), so that the one credential header
 * every guard of the shared transport knows carries it. It only goes over https, or over http to a loopback host, and
 * only to the configured endpoint; {@link #buildClient()} refuses anything else. The builder is not thread-safe; the
 * clients it builds are.
 */
@ServiceClientBuilder(serviceClients = GitLabRestClient.class)
public final class GitLabRestClientBuilder implements TokenCredentialTrait<GitLabRestClientBuilder>,
    HttpTrait<GitLabRestClientBuilder>, EndpointTrait<GitLabRestClientBuilder>,
    ConfigurationTrait<GitLabRestClientBuilder> {
  private static final ClientLogger LOGGER = new ClientLogger(GitLabRestClientBuilder.class);
  private static final SdkProperties SDK = SdkProperties.load("connector-gitlab-client.properties",
      "connector-gitlab-client");
  /** What the token is asked for when it comes from a {@link TokenCredential}: GitLab's OAuth scope for reading. */
  private static final String TOKEN_SCOPE = "read_api";
  private static final List<String> LOGGED_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
      "RateLimit-Observed", "RateLimit-Reset", "Retry-After", "Link", "X-Request-Id", "X-Next-Page", "X-Page",
      "X-Per-Page", "X-Total", "X-Total-Pages", "Content-Type");
  private static final List<String> LOGGED_QUERY_PARAMETERS = List.of("per_page", "page", "top_level_only",
      "all_available", "include_subgroups", "with_shared", "order_by", "sort");

  /** The GitLab.com instance root; the REST API is under {@code /api/v4}. */
  public static final String DEFAULT_ENDPOINT = "https://gitlab.com";
  /** The default time to open a connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = ClientSettings.DEFAULT_CONNECT_TIMEOUT;
  /** The default time from sending a request to its response headers: 30 seconds. */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = ClientSettings.DEFAULT_RESPONSE_TIMEOUT;
  /** The default longest pause between two reads of a response body: 30 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = ClientSettings.DEFAULT_READ_TIMEOUT;
  /** The default total time to read one response body, first byte to last: 60 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = ClientSettings.DEFAULT_REQUEST_TIMEOUT;
  /** The default total time of one call, every attempt, retry and wait included: 5 minutes. */
  public static final Duration DEFAULT_CALL_TIMEOUT = ClientSettings.DEFAULT_CALL_TIMEOUT;
  /** The default most pages one listing follows: 1,000 (100,000 items). */
  public static final int DEFAULT_MAX_PAGES = 1_000;

  private TokenCredential tokenCredential;
  private String token;
  private String endpoint = DEFAULT_ENDPOINT;
  private final ClientSettings settings = new ClientSettings();
  private GitLabServiceVersion serviceVersion;
  private int maxPages = DEFAULT_MAX_PAGES;

  /** A builder with the defaults and no credential. */
  public GitLabRestClientBuilder() {}

  /**
   * Authenticates with tokens from this credential, sent as {@code Authorization: Bearer} (for example one that
   * hands out GitLab OAuth 2.0 access tokens). The credential is asked for tokens with the scope {@code read_api}.
   * Mutually exclusive with {@link #token(String)}.
   *
   * @param credential the credential
   * @return this builder
   * @throws NullPointerException if the credential is null
   */
  @Override
  public GitLabRestClientBuilder credential(TokenCredential credential) {
    this.tokenCredential = Objects.requireNonNull(credential, "'credential' cannot be null.");
    return this;
  }

  /**
   * Authenticates with a GitLab personal, group or project access token with the {@code read_api} (or {@code api})
   * scope, sent as {@code Authorization: Bearer}. Mutually exclusive with {@link #credential(TokenCredential)}. The token never
   * appears in logs, messages or {@code toString()}.
   *
   * @param token the token
   * @return this builder
   * @throws NullPointerException if the token is null
   * @throws IllegalArgumentException if the token is blank or has whitespace, control or non-ASCII characters
   */
  public GitLabRestClientBuilder token(String token) {
    Objects.requireNonNull(token, "'token' cannot be null.");
    this.token = AuthorizationHeaderPolicy.checkToken(token, "GitLab token");
    return this;
  }

  /**
   * The GitLab instance root, without {@code /api/v4}; {@value #DEFAULT_ENDPOINT} unless set.
   *
   * @param endpoint the instance root; https, or http to a loopback host
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  @Override
  public GitLabRestClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' cannot be null.");
    return this;
  }

  /**
   * The REST API version; {@link GitLabServiceVersion#getLatest()} unless set.
   *
   * @param serviceVersion the version
   * @return this builder
   * @throws NullPointerException if the version is null
   */
  public GitLabRestClientBuilder serviceVersion(GitLabServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "'serviceVersion' cannot be null.");
    return this;
  }

  /**
   * The most pages one listing follows; default {@value #DEFAULT_MAX_PAGES}. A listing that goes on longer fails
   * with a {@code PROTOCOL} error.
   *
   * @param maxPages 1 to 100,000
   * @return this builder
   * @throws IllegalArgumentException if it is out of range
   */
  public GitLabRestClientBuilder maxPages(int maxPages) {
    if (maxPages < 1 || maxPages > 100_000) {
      throw new IllegalArgumentException("maxPages must be between 1 and 100000; it is " + maxPages + ".");
    }
    this.maxPages = maxPages;
    return this;
  }

  /**
   * The HTTP client to send requests with, instead of the default JDK client. It must not follow redirects
   * itself: the client treats a redirect as an error so that credentials never reach another host, and
   * {@link #buildClient()} refuses one of azure-core's network clients (JDK, OkHttp, Netty, Vert.x) that follows a
   * redirect to another origin with the {@code Authorization} header (it probes the client once, on the loopback
   * interface). The connect, response and
   * read timeouts do not apply to it; the request and call timeouts do.
   *
   * @param httpClient the HTTP client
   * @return this builder
   * @throws NullPointerException if the client is null
   */
  @Override
  public GitLabRestClientBuilder httpClient(HttpClient httpClient) {
    settings.httpClient(httpClient);
    return this;
  }

  /**
   * A complete pipeline to send requests through. When set, the builder uses it as is and ignores the
   * credential, HTTP client, added policies, retry, log and client options and the configuration: the pipeline
   * must authenticate, and gets no rate-limit pacing unless it brings its own. The endpoint rules still apply (the
   * endpoints must be https, or http to a loopback host), and so do the request and call timeouts.
   *
   * @param pipeline the pipeline
   * @return this builder
   * @throws NullPointerException if the pipeline is null
   */
  @Override
  public GitLabRestClientBuilder pipeline(HttpPipeline pipeline) {
    settings.pipeline(pipeline);
    return this;
  }

  /**
   * Adds a policy to the pipeline the builder creates: {@code PER_CALL} policies run once per call, before the
   * retries; {@code PER_RETRY} policies run for every attempt, after authentication.
   *
   * @param policy the policy
   * @return this builder
   * @throws NullPointerException if the policy is null
   */
  @Override
  public GitLabRestClientBuilder addPolicy(HttpPipelinePolicy policy) {
    settings.addPolicy(policy);
    return this;
  }

  /**
   * How the client retries, in azure-core's terms. With {@code ExponentialBackoffOptions}: its maximum retries
   * (0 to 20; default 4), base delay (default 800 ms, doubled with each retry, ±20% jitter) and maximum delay
   * (default 60 s); a value it leaves unset keeps the default. With {@code FixedDelayOptions}: its retries, and
   * its delay before each (±20% jitter, at most the delay). The maximum delay also caps the service's waits: a
   * {@code Retry-After} longer than it is not waited, and the call fails at once with {@code THROTTLED} and the
   * service's {@code Retry-After}. Which answers are retried is the client's rule (see the class description);
   * a {@code shouldRetryCondition} is not consulted.
   *
   * @param retryOptions the options
   * @return this builder
   * @throws NullPointerException if the options are null
   * @throws IllegalArgumentException if the retries are not between 0 and 20, a delay is negative, the maximum
   *     delay is not positive, or the base delay is longer than the maximum delay
   */
  @Override
  public GitLabRestClientBuilder retryOptions(RetryOptions retryOptions) {
    settings.retryOptions(retryOptions);
    return this;
  }

  /**
   * The configuration the client reads its settings from; today only whether telemetry is off
   * ({@code AZURE_TELEMETRY_DISABLED}: the {@code User-Agent} then has no platform part). Default:
   * {@link Configuration#NONE}: the client reads no environment or global configuration unless given one.
   *
   * @param configuration the configuration
   * @return this builder
   * @throws NullPointerException if the configuration is null
   */
  @Override
  public GitLabRestClientBuilder configuration(Configuration configuration) {
    settings.configuration(configuration);
    return this;
  }

  /**
   * HTTP logging through azure-core's {@code HttpLoggingPolicy}. The client copies the options and adds the
   * GitLab rate-limit, paging and diagnostic headers ({@code RateLimit-*}, {@code Retry-After}, {@code Link},
   * {@code X-Next-Page}, {@code X-Total}, {@code X-Request-Id}) to the allowed headers; {@code Authorization} is never logged, even if allowed here. A custom request or response logger set
   * on the options is the caller's responsibility.
   *
   * @param httpLogOptions the options
   * @return this builder
   * @throws NullPointerException if the options are null
   */
  @Override
  public GitLabRestClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    settings.httpLogOptions(httpLogOptions);
    return this;
  }

  /**
   * Client options: the application id (added to the {@code User-Agent}) and extra headers sent with every
   * request.
   *
   * @param clientOptions the options
   * @return this builder
   * @throws NullPointerException if the options are null
   */
  @Override
  public GitLabRestClientBuilder clientOptions(ClientOptions clientOptions) {
    settings.clientOptions(clientOptions);
    return this;
  }

  /**
   * The clock the client reads time from: when a rate-limit pause ends, how old a {@code Retry-After} date is.
   * Default: {@link Clock#systemUTC()}. Tests pass a virtual clock together with {@link #sleeper(
   * io.github.devopsconnector.core.Sleeper)} (for example {@code VirtualTime} of connector-testing), so that
   * throttling and {@code Retry-After} cost no real time while the client sends the same requests.
   *
   * @param clock the clock
   * @return this builder
   * @throws NullPointerException if the clock is null
   */
  public GitLabRestClientBuilder clock(Clock clock) {
    settings.clock(clock);
    return this;
  }

  /**
   * How long opening a connection may take; default {@link #DEFAULT_CONNECT_TIMEOUT}. Applies to the client's own
   * HTTP client, not to one given with {@link #httpClient(HttpClient)}.
   *
   * @param connectTimeout a positive duration of at most a day
   * @return this builder
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public GitLabRestClientBuilder connectTimeout(Duration connectTimeout) {
    settings.connectTimeout(connectTimeout);
    return this;
  }

  /**
   * What waits between retries and during rate-limit pauses. Default:
   * {@link io.github.devopsconnector.core.Sleeper#system()}, which sleeps the calling thread. See
   * {@link #clock(Clock)}.
   *
   * @param sleeper the sleeper
   * @return this builder
   * @throws NullPointerException if the sleeper is null
   */
  public GitLabRestClientBuilder sleeper(Sleeper sleeper) {
    settings.sleeper(sleeper);
    return this;
  }

  /**
   * How long the client waits from sending a request to the response's headers; default
   * {@link #DEFAULT_RESPONSE_TIMEOUT}. A response that does not come in time is retried like other I/O failures.
   * Applies to the client's own HTTP client, not to one given with {@link #httpClient(HttpClient)}.
   *
   * @param responseTimeout a positive duration of at most a day
   * @return this builder
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public GitLabRestClientBuilder responseTimeout(Duration responseTimeout) {
    settings.responseTimeout(responseTimeout);
    return this;
  }

  /**
   * The longest pause between two reads of a response body; default {@link #DEFAULT_READ_TIMEOUT}. Applies to
   * the client's own HTTP client, not to one given with {@link #httpClient(HttpClient)}.
   *
   * @param readTimeout a positive duration of at most a day
   * @return this builder
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public GitLabRestClientBuilder readTimeout(Duration readTimeout) {
    settings.readTimeout(readTimeout);
    return this;
  }

  /**
   * The total time reading one response body may take, from its headers to its last byte; default
   * {@link #DEFAULT_REQUEST_TIMEOUT}. Unlike the read timeout, it also ends a server that sends a byte now and then
   * (slowloris). Applies with any HTTP client; the call fails with a {@code TRANSIENT} error.
   *
   * @param requestTimeout a positive duration of at most a day
   * @return this builder
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public GitLabRestClientBuilder requestTimeout(Duration requestTimeout) {
    settings.requestTimeout(requestTimeout);
    return this;
  }

  /**
   * The total time one call of the client may take, every attempt, retry and wait included; default
   * {@link #DEFAULT_CALL_TIMEOUT}. A retry whose wait (backoff or the service's {@code Retry-After}) would outlast
   * it is not made: the call fails at once, a throttled one with {@code THROTTLED} and the service's
   * {@code Retry-After}. Applies with any HTTP client; a call that runs out of time fails with a {@code TRANSIENT}
   * error.
   *
   * @param callTimeout a positive duration of at most a day
   * @return this builder
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is not positive or longer than a day
   */
  public GitLabRestClientBuilder callTimeout(Duration callTimeout) {
    settings.callTimeout(callTimeout);
    return this;
  }

  /**
   * Builds a client. Each call builds a new client with its own pacing state.
   *
   * @return the client
   * @throws IllegalStateException if no credential or both are set (without a custom pipeline), the endpoint is
   *     not an absolute https URL (http is allowed to loopback hosts only) or has user information, a query or a
   *     fragment, a header of the client options has a line break or control character, or the HTTP client given
   *     follows redirects carrying the {@code Authorization} header to another origin
   */
  public GitLabRestClient buildClient() {
    String root = settings.checkTokenClient(LOGGER, "GitLab", tokenCredential != null, token != null, endpoint);
    GitLabServiceVersion version = serviceVersion == null ? GitLabServiceVersion.getLatest() : serviceVersion;
    SecretScrubber scrubber = token == null ? SecretScrubber.create() : SecretScrubber.of(token);
    // GitLab: "A REST API request must start with the root endpoint and the path /api/v4" (docs.gitlab.com/api/rest).
    String api = root + "/api/" + version.getVersion();
    GitLabErrorMapper errors = new GitLabErrorMapper(settings.clock(), scrubber);
    Supplier<HttpPipelinePolicy> authentication = () -> tokenCredential != null
        ? new BearerTokenPolicy(tokenCredential, TOKEN_SCOPE, scrubber, new HttpHeaders())
        : new GitLabTokenPolicy(token);
    HttpTransport<String> transport = settings.buildTransport(LOGGER, GitLabErrorMapper.SERVICE, SDK,
        new TokenPipeline(GitLabErrorMapper.SERVICE, "RateLimit-Remaining", "RateLimit-Reset", root, authentication,
            scrubber, LOGGED_HEADERS, LOGGED_QUERY_PARAMETERS),
        tokenCredential != null || token != null, scrubber,
        new HttpHeaders().set(HttpHeaderName.ACCEPT, "application/json"), errors);
    GitLabOperations operations = new GitLabOperations(transport, errors, api, maxPages);
    String description = "GitLabRestClient{endpoint=" + root + ", serviceVersion=" + version.getVersion()
        + ", credential=" + credentialKind() + "}";
    return new GitLabRestClient(operations, version, description, transport);
  }

  private String credentialKind() {
    if (settings.hasPipeline()) {
      return "from the custom pipeline";
    }
    return tokenCredential != null ? "TokenCredential" : "GitLab token";
  }

  /**
   * Describes the builder's settings, never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "GitLabRestClientBuilder{credential=" + (tokenCredential != null && token != null ? "both (invalid)"
        : tokenCredential != null ? "TokenCredential" : token != null ? "GitLab token" : "none")
        + ", endpoint=" + endpoint + ", " + settings + "}";
  }
}
