package io.github.devopsconnector.gitlab;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
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
import io.github.devopsconnector.http.ClientSettings;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.SdkProperties;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.TokenCredentials;
import io.github.devopsconnector.http.TokenPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link GitLabRestClient}s for GitLab.com or a GitLab Self-Managed or Dedicated instance. The one thing to
 * set is the credential: {@link #token(String)} for a personal, group or project access token, or
 * {@link #credential(TokenCredential)} for OAuth 2.0 access tokens. The rest has defaults, named as in the SDK's
 * other REST client builders:
 *
 * <ul>
 *   <li>{@link #endpoint(String)}: the instance root, {@value #DEFAULT_ENDPOINT} by default; requests go to its
 *       {@code /api/v4}.
 *   <li>Transport: a JDK HTTP client the client makes on first use and stops on {@link GitLabRestClient#close()},
 *       redirects off; {@link #httpClient(HttpClient)} or {@link #pipeline(HttpPipeline)} replace it.
 *   <li>Timeouts: 10 s to connect, 30 s to the response headers, 30 s between reads, 60 s per response body,
 *       5 minutes per call.
 *   <li>Retries: up to 4 for 429, 500, 502, 503, 504 and I/O failures, 800 ms backoff doubled each time (±20%),
 *       60 s at most ({@link #retryOptions(RetryOptions)}). GitLab throttles with 429, {@code Retry-After} and
 *       {@code RateLimit-Limit}/{@code -Remaining}/{@code -Reset} (docs.gitlab.com/security/rate_limits): the client
 *       waits what GitLab asks, sends nothing while {@code RateLimit-Remaining} is 0 until {@code RateLimit-Reset},
 *       and fails at once with {@code THROTTLED} when that wait is longer than the max delay or the call's time left.
 *   <li>Paging: 100 items a page, following {@code Link: rel="next"}, {@value #DEFAULT_MAX_PAGES} pages at most
 *       ({@link #maxPages(int)}).
 *   <li>Logging: none unless {@link #httpLogOptions(HttpLogOptions)}; never the {@code Authorization} header.
 * </ul>
 *
 * <p>The token travels as {@code Authorization: Bearer}, which GitLab takes for OAuth 2.0 tokens and for personal,
 * group and project access tokens alike (docs.gitlab.com/api/rest/authentication): one credential header, the one
 * every guard of the shared transport knows. It goes only to the configured origin, over https (http only to a
 * loopback host); {@link #buildClient()} refuses other endpoints. Builders are not thread-safe; clients are.
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
  /** The default most pages one listing follows: 1,000 (100,000 items). */
  public static final int DEFAULT_MAX_PAGES = 1_000;

  private final ClientSettings settings = new ClientSettings();
  private final TokenCredentials credentials = new TokenCredentials("GitLab token");
  private String endpoint = DEFAULT_ENDPOINT;
  private GitLabServiceVersion serviceVersion = GitLabServiceVersion.getLatest();
  private int maxPages = DEFAULT_MAX_PAGES;

  /** A builder for GitLab.com, with the defaults above; set a credential before {@link #buildClient()}. */
  public GitLabRestClientBuilder() {}

  /**
   * Where GitLab is: the instance's root URL, such as {@code https://gitlab.example.com}; the client adds
   * {@code /api/v4}. {@value #DEFAULT_ENDPOINT} unless set.
   *
   * @param endpoint an https URL, or http to a loopback host (a simulator)
   * @return this builder
   * @throws NullPointerException if {@code endpoint} is null
   */
  @Override
  public GitLabRestClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' cannot be null.");
    return this;
  }

  /**
   * Which REST API version the paths name; {@link GitLabServiceVersion#V4}, the only one GitLab serves, unless set.
   *
   * @param serviceVersion the API version
   * @return this builder
   * @throws NullPointerException if {@code serviceVersion} is null
   */
  public GitLabRestClientBuilder serviceVersion(GitLabServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "'serviceVersion' cannot be null.");
    return this;
  }

  /**
   * How many pages of one listing (groups, a group's projects) the client reads at most, 100 items a page; beyond
   * it the call fails as {@code PROTOCOL}. {@value #DEFAULT_MAX_PAGES} unless set.
   *
   * @param maxPages from 1 to 100,000
   * @return this builder
   * @throws IllegalArgumentException if {@code maxPages} is outside that range
   */
  public GitLabRestClientBuilder maxPages(int maxPages) {
    if (maxPages < 1 || maxPages > 100_000) {
      throw new IllegalArgumentException("maxPages must be between 1 and 100000; it is " + maxPages + ".");
    }
    this.maxPages = maxPages;
    return this;
  }

  /**
   * A personal, group or project access token (scope {@code read_api}, or {@code api}), which GitLab takes as
   * {@code Authorization: Bearer} too. Set this or {@link #credential(TokenCredential)}, not both. Logs, exception
   * messages and {@code toString()} never show it.
   *
   * @param token the access token, such as {@code glpat-...}
   * @return this builder
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if it is blank, or has a space, a control character or a non-ASCII character
   */
  public GitLabRestClientBuilder token(String token) {
    credentials.token(token);
    return this;
  }

  /**
   * The OAuth 2.0 way in: GitLab access tokens from a {@link TokenCredential}, asked for with the scope
   * {@code read_api} and sent as {@code Authorization: Bearer}. Set this or {@link #token(String)}, not both.
   *
   * @param credential supplies the access tokens
   * @return this builder
   * @throws NullPointerException if {@code credential} is null
   */
  @Override
  public GitLabRestClientBuilder credential(TokenCredential credential) {
    credentials.credential(credential);
    return this;
  }

  /**
   * Sends the requests with this HTTP client rather than the JDK one the client would make and own. A client that
   * follows redirects on its own is refused by {@link #buildClient()} when it would carry {@code Authorization} to
   * another origin (probed once on loopback); the GitLab client itself treats redirects as failures. Only the
   * request and call timeouts apply to such a client.
   *
   * @param httpClient an azure-core HTTP client
   * @return this builder
   * @throws NullPointerException if {@code httpClient} is null
   */
  @Override
  public GitLabRestClientBuilder httpClient(HttpClient httpClient) {
    settings.httpClient(httpClient);
    return this;
  }

  /**
   * Sends every request through this pipeline, used as it is: it then owns authentication, retries and rate-limit
   * pacing, and the credential, HTTP client, policies, retry, log and client options and configuration set here are
   * not used. The endpoint must still be https (or http to loopback), and the request and call timeouts still hold.
   *
   * @param pipeline a complete azure-core pipeline
   * @return this builder
   * @throws NullPointerException if {@code pipeline} is null
   */
  @Override
  public GitLabRestClientBuilder pipeline(HttpPipeline pipeline) {
    settings.pipeline(pipeline);
    return this;
  }

  /**
   * Adds a policy of the caller's to the pipeline the builder makes: a {@code PER_CALL} one runs once a call,
   * ahead of retries; a {@code PER_RETRY} one runs on each attempt, after the token is set.
   *
   * @param policy an azure-core pipeline policy
   * @return this builder
   * @throws NullPointerException if {@code policy} is null
   */
  @Override
  public GitLabRestClientBuilder addPolicy(HttpPipelinePolicy policy) {
    settings.addPolicy(policy);
    return this;
  }

  /**
   * Changes the retries of 429, 5xx and I/O failures. {@code ExponentialBackoffOptions}: max retries (0 to 20,
   * default 4), base delay (default 800 ms, doubled each retry, ±20% jitter), max delay (default 60 s);
   * {@code FixedDelayOptions}: retries and the delay before each. GitLab's {@code Retry-After} and
   * {@code RateLimit-Reset} are waited only up to the max delay: a longer wait fails the call at once as
   * {@code THROTTLED}, with the wait GitLab asked for. The client decides what is retried; a
   * {@code shouldRetryCondition} is ignored.
   *
   * @param retryOptions azure-core retry options
   * @return this builder
   * @throws NullPointerException if {@code retryOptions} is null
   * @throws IllegalArgumentException if the retries are outside 0 to 20, a delay is negative, the max delay is not
   *     positive, or the base delay exceeds the max delay
   */
  @Override
  public GitLabRestClientBuilder retryOptions(RetryOptions retryOptions) {
    settings.retryOptions(retryOptions);
    return this;
  }

  /**
   * Where the client reads whether telemetry is off ({@code AZURE_TELEMETRY_DISABLED} drops the platform from the
   * {@code User-Agent}). {@link Configuration#NONE} unless set: no environment or global configuration is read.
   *
   * @param configuration an azure-core configuration
   * @return this builder
   * @throws NullPointerException if {@code configuration} is null
   */
  @Override
  public GitLabRestClientBuilder configuration(Configuration configuration) {
    settings.configuration(configuration);
    return this;
  }

  /**
   * Turns on azure-core's HTTP logging with these options (off unless set). The client adds GitLab's rate-limit,
   * paging and diagnostic headers ({@code RateLimit-*}, {@code Retry-After}, {@code Link}, {@code X-Next-Page},
   * {@code X-Total}, {@code X-Request-Id}) to the headers allowed in the log; {@code Authorization} stays out of it
   * even if allowed here. Custom request or response loggers on the options are the caller's to keep clean.
   *
   * @param httpLogOptions azure-core log options
   * @return this builder
   * @throws NullPointerException if {@code httpLogOptions} is null
   */
  @Override
  public GitLabRestClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    settings.httpLogOptions(httpLogOptions);
    return this;
  }

  /**
   * The application id that goes into the {@code User-Agent}, and headers to add to every request.
   *
   * @param clientOptions azure-core client options
   * @return this builder
   * @throws NullPointerException if {@code clientOptions} is null
   */
  @Override
  public GitLabRestClientBuilder clientOptions(ClientOptions clientOptions) {
    settings.clientOptions(clientOptions);
    return this;
  }

  /**
   * The time the client goes by, for rate-limit pauses and dated {@code Retry-After} values;
   * {@link Clock#systemUTC()} unless set. With {@link #sleeper(io.github.devopsconnector.core.Sleeper)}, a test's
   * virtual time (connector-testing's {@code VirtualTime}) makes GitLab's waits cost nothing.
   *
   * @param clock a clock
   * @return this builder
   * @throws NullPointerException if {@code clock} is null
   */
  public GitLabRestClientBuilder clock(Clock clock) {
    settings.clock(clock);
    return this;
  }

  /**
   * The longest the client's own HTTP client takes to connect; 10 seconds unless set. Not
   * applied to a client given with {@link #httpClient(HttpClient)}.
   *
   * @param connectTimeout more than zero, at most a day
   * @return this builder
   * @throws NullPointerException if {@code connectTimeout} is null
   * @throws IllegalArgumentException if it is zero, negative or more than a day
   */
  public GitLabRestClientBuilder connectTimeout(Duration connectTimeout) {
    settings.connectTimeout(connectTimeout);
    return this;
  }

  /**
   * How the client waits (between retries, during rate-limit pauses); {@link Sleeper#system()}, which sleeps the
   * calling thread, unless set. See {@link #clock(Clock)}.
   *
   * @param sleeper a sleeper
   * @return this builder
   * @throws NullPointerException if {@code sleeper} is null
   */
  public GitLabRestClientBuilder sleeper(Sleeper sleeper) {
    settings.sleeper(sleeper);
    return this;
  }

  /**
   * The longest the client's own HTTP client waits for response headers once a request is sent; a late answer is
   * retried like an I/O failure. 30 seconds unless set; not applied to a client given with
   * {@link #httpClient(HttpClient)}.
   *
   * @param responseTimeout more than zero, at most a day
   * @return this builder
   * @throws NullPointerException if {@code responseTimeout} is null
   * @throws IllegalArgumentException if it is zero, negative or more than a day
   */
  public GitLabRestClientBuilder responseTimeout(Duration responseTimeout) {
    settings.responseTimeout(responseTimeout);
    return this;
  }

  /**
   * The longest silence between two reads of a response body for the client's own HTTP client;
   * 30 seconds unless set; not applied to a client given with {@link #httpClient(HttpClient)}.
   *
   * @param readTimeout more than zero, at most a day
   * @return this builder
   * @throws NullPointerException if {@code readTimeout} is null
   * @throws IllegalArgumentException if it is zero, negative or more than a day
   */
  public GitLabRestClientBuilder readTimeout(Duration readTimeout) {
    settings.readTimeout(readTimeout);
    return this;
  }

  /**
   * The longest one response body may take from headers to last byte, whatever the HTTP client, so that a server
   * trickling bytes cannot hold a call; past it the call fails as {@code TRANSIENT}.
   * 60 seconds unless set.
   *
   * @param requestTimeout more than zero, at most a day
   * @return this builder
   * @throws NullPointerException if {@code requestTimeout} is null
   * @throws IllegalArgumentException if it is zero, negative or more than a day
   */
  public GitLabRestClientBuilder requestTimeout(Duration requestTimeout) {
    settings.requestTimeout(requestTimeout);
    return this;
  }

  /**
   * The longest one call of the client may take, every page, attempt, retry and wait included; a wait (backoff,
   * {@code Retry-After}, {@code RateLimit-Reset}) that would end past it is not begun, and the call fails at once
   * ({@code THROTTLED} with GitLab's wait, or {@code TRANSIENT}). 5 minutes unless set.
   *
   * @param callTimeout more than zero, at most a day
   * @return this builder
   * @throws NullPointerException if {@code callTimeout} is null
   * @throws IllegalArgumentException if it is zero, negative or more than a day
   */
  public GitLabRestClientBuilder callTimeout(Duration callTimeout) {
    settings.callTimeout(callTimeout);
    return this;
  }

  /**
   * A new client from the settings, with rate-limit pacing of its own.
   *
   * @return the client; close it when done
   * @throws IllegalStateException when the credential is missing (and no pipeline is set) or set twice; when the
   *     endpoint is not an absolute https URL (http only to loopback) or carries user information, a query or a
   *     fragment; when a client option header has a line break or a control character; or when the given HTTP
   *     client would follow a redirect to another origin with the {@code Authorization} header
   */
  public GitLabRestClient buildClient() {
    String root = credentials.check(settings, LOGGER, GitLabErrorMapper.SERVICE, endpoint);
    SecretScrubber scrubber = credentials.scrubber();
    GitLabErrorMapper errors = new GitLabErrorMapper(settings.clock(), scrubber);
    TokenPipeline parts = new TokenPipeline(GitLabErrorMapper.SERVICE, "RateLimit-Remaining", "RateLimit-Reset",
        root, credentials.authentication(TOKEN_SCOPE, scrubber), scrubber, LOGGED_HEADERS, LOGGED_QUERY_PARAMETERS);
    HttpTransport<String> transport = settings.buildTransport(LOGGER, GitLabErrorMapper.SERVICE, SDK, parts,
        credentials.isSet(), scrubber, GitLabOperations.requestHeaders(), errors);
    // GitLab: "A REST API request must start with the root endpoint and the path /api/v4" (docs.gitlab.com/api/rest).
    String api = root + "/api/" + serviceVersion.getVersion();
    return new GitLabRestClient(new GitLabOperations(transport, errors, api, maxPages), serviceVersion,
        "GitLabRestClient{endpoint=" + root + ", serviceVersion=" + serviceVersion.getVersion() + ", credential="
            + credentials.kind(settings) + "}");
  }

  /**
   * Describes the builder's settings, never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "GitLabRestClientBuilder{credential=" + credentials
        + ", endpoint=" + endpoint + ", " + settings + "}";
  }
}
