package io.github.devopsconnector.github;

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
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.github.implementation.GitHubCall;
import io.github.devopsconnector.github.implementation.GitHubErrorMapper;
import io.github.devopsconnector.github.implementation.GitHubOperations;
import io.github.devopsconnector.github.implementation.GitHubRateLimitPolicy;
import io.github.devopsconnector.http.ClientSettings;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.SdkProperties;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.TokenCredentials;
import io.github.devopsconnector.http.TokenPipeline;
import io.github.devopsconnector.http.Waits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link GitHubRestClient}s. Set exactly one credential, {@link #token(String)} (a personal access token or
 * a GitHub App's user access token) or {@link #credential(TokenCredential)} (which supplies such tokens); everything
 * else has a default, with the same options and meaning as the SDK's other REST client builders:
 *
 * <ul>
 *   <li>Endpoint: {@value #DEFAULT_ENDPOINT}; {@link #endpoint(String)} points the client at another API root, such
 *       as {@code https://api.SUBDOMAIN.ghe.com} (GitHub Enterprise Cloud with data residency) or a simulator.
 *   <li>The Defender for Cloud app: {@link GitHubClient#DEFAULT_APP_SLUG}; {@link #appSlug(String)} changes it.
 *   <li>HTTP client: azure-core's JDK HTTP client, with redirects off, made on the first request and stopped by
 *       {@link GitHubRestClient#close()}. A caller's {@link #httpClient(HttpClient)} is probed at build time and
 *       refused if it follows redirects carrying the {@code Authorization} header to another origin.
 *   <li>Time limits: connect 10 s, response 30 s, read 30 s, request 60 s, call 5 minutes, as for the other
 *       clients.
 *   <li>Retries and rate limits: 4 retries of answers 429, 500, 502, 503 and 504 and of I/O failures, after a backoff
 *       of 800 ms doubled each time (±20% jitter), at most 60 s ({@link #retryOptions(RetryOptions)} changes them).
 *       GitHub's rate limits (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api) come as 403 or
 *       429: the client tells them from refusals by GitHub's documented signals, waits {@code retry-after}, or until
 *       {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, or a minute, and holds every other request
 *       of the client meanwhile; a wait longer than the maximum delay, or than the call has left, fails the call at
 *       once with {@code THROTTLED} and the wait GitHub asked for.
 *   <li>Paging: {@code per_page=100} and the {@code link} header's {@code next}, at most
 *       {@value #DEFAULT_MAX_PAGES} pages a listing ({@link #maxPages(int)}).
 *   <li>Logging: azure-core's HTTP logging, off unless {@link #httpLogOptions(HttpLogOptions)} turns it on; the
 *       rate-limit headers are allowed in the log, {@code Authorization} never.
 * </ul>
 *
 * <p>The token only goes over https, or over http to a loopback host, and only to the configured endpoint;
 * {@link #buildClient()} refuses anything else. The builder is not thread-safe; the clients it builds are.
 */
@ServiceClientBuilder(serviceClients = GitHubRestClient.class)
public final class GitHubRestClientBuilder implements TokenCredentialTrait<GitHubRestClientBuilder>,
    HttpTrait<GitHubRestClientBuilder>, EndpointTrait<GitHubRestClientBuilder>,
    ConfigurationTrait<GitHubRestClientBuilder> {
  private static final ClientLogger LOGGER = new ClientLogger(GitHubRestClientBuilder.class);
  private static final SdkProperties SDK = SdkProperties.load("connector-github-client.properties",
      "connector-github-client");
  /** What the token is asked for when it comes from a {@link TokenCredential}: GitHub's API root. */
  private static final String TOKEN_SCOPE = "https://api.github.com";
  private static final List<String> LOGGED_HEADERS = List.of("x-ratelimit-limit", "x-ratelimit-remaining",
      "x-ratelimit-used", "x-ratelimit-reset", "x-ratelimit-resource", "retry-after", "link", "X-GitHub-Request-Id",
      "X-GitHub-Api-Version", "Content-Type");
  private static final List<String> LOGGED_QUERY_PARAMETERS = List.of("per_page", "page", "state", "type",
      "affiliation");

  /** The GitHub REST API root. */
  public static final String DEFAULT_ENDPOINT = "https://api.github.com";
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

  private final TokenCredentials credentials = new TokenCredentials("GitHub token");
  private String endpoint = DEFAULT_ENDPOINT;
  private String appSlug = GitHubClient.DEFAULT_APP_SLUG;
  private final ClientSettings settings = new ClientSettings();
  private GitHubServiceVersion serviceVersion;
  private int maxPages = DEFAULT_MAX_PAGES;

  /** A builder with the defaults and no credential. */
  public GitHubRestClientBuilder() {}

  /**
   * Authenticates with a GitHub token: a personal access token (classic: {@code read:org} scope; fine-grained: the
   * organizations' Administration and Members permissions, read) or a GitHub App's user access token, sent as
   * {@code Authorization: Bearer}. Mutually exclusive with {@link #credential(TokenCredential)}. The token never
   * appears in logs, messages or {@code toString()}.
   *
   * @param token the token
   * @return this builder
   * @throws NullPointerException if the token is null
   * @throws IllegalArgumentException if the token is blank or has whitespace, control or non-ASCII characters
   */
  public GitHubRestClientBuilder token(String token) {
    credentials.token(token);
    return this;
  }

  /**
   * Authenticates with tokens from this credential, sent as {@code Authorization: Bearer} (for example one that
   * hands out a GitHub App's user access tokens). The credential is asked for tokens with the scope
   * {@code https://api.github.com}. Mutually exclusive with {@link #token(String)}.
   *
   * @param credential the credential
   * @return this builder
   * @throws NullPointerException if the credential is null
   */
  @Override
  public GitHubRestClientBuilder credential(TokenCredential credential) {
    credentials.credential(credential);
    return this;
  }

  /**
   * The REST API root; {@value #DEFAULT_ENDPOINT} unless set.
   *
   * @param endpoint the API root; https, or http to a loopback host
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  @Override
  public GitHubRestClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' cannot be null.");
    return this;
  }

  /**
   * The slug of Defender for Cloud's GitHub app, whose installations the client looks for;
   * {@link GitHubClient#DEFAULT_APP_SLUG} unless set.
   *
   * @param appSlug the slug, as in {@code https://github.com/apps/{slug}}
   * @return this builder
   * @throws NullPointerException if the slug is null
   * @throws IllegalArgumentException if it is not a slug (letters, digits, hyphens)
   */
  public GitHubRestClientBuilder appSlug(String appSlug) {
    Objects.requireNonNull(appSlug, "'appSlug' cannot be null.");
    if (!appSlug.matches("[A-Za-z0-9][A-Za-z0-9-]{0,99}")) {
      throw new IllegalArgumentException("The app slug must be letters, digits and hyphens, as in "
          + "https://github.com/apps/{slug}.");
    }
    this.appSlug = appSlug;
    return this;
  }

  /**
   * The REST API version; {@link GitHubServiceVersion#getLatest()} unless set.
   *
   * @param serviceVersion the version
   * @return this builder
   * @throws NullPointerException if the version is null
   */
  public GitHubRestClientBuilder serviceVersion(GitHubServiceVersion serviceVersion) {
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
  public GitHubRestClientBuilder maxPages(int maxPages) {
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
  public GitHubRestClientBuilder httpClient(HttpClient httpClient) {
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
  public GitHubRestClientBuilder pipeline(HttpPipeline pipeline) {
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
  public GitHubRestClientBuilder addPolicy(HttpPipelinePolicy policy) {
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
  public GitHubRestClientBuilder retryOptions(RetryOptions retryOptions) {
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
  public GitHubRestClientBuilder configuration(Configuration configuration) {
    settings.configuration(configuration);
    return this;
  }

  /**
   * HTTP logging through azure-core's {@code HttpLoggingPolicy}. The client copies the options and adds the
   * GitHub rate-limit and diagnostic headers ({@code x-ratelimit-*}, {@code retry-after}, {@code link},
   * {@code X-GitHub-Request-Id}) to the allowed
   * headers; {@code Authorization} is never logged, even if allowed here. A custom request or response logger set
   * on the options is the caller's responsibility.
   *
   * @param httpLogOptions the options
   * @return this builder
   * @throws NullPointerException if the options are null
   */
  @Override
  public GitHubRestClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
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
  public GitHubRestClientBuilder clientOptions(ClientOptions clientOptions) {
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
  public GitHubRestClientBuilder clock(Clock clock) {
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
  public GitHubRestClientBuilder connectTimeout(Duration connectTimeout) {
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
  public GitHubRestClientBuilder sleeper(Sleeper sleeper) {
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
  public GitHubRestClientBuilder responseTimeout(Duration responseTimeout) {
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
  public GitHubRestClientBuilder readTimeout(Duration readTimeout) {
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
  public GitHubRestClientBuilder requestTimeout(Duration requestTimeout) {
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
  public GitHubRestClientBuilder callTimeout(Duration callTimeout) {
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
  public GitHubRestClient buildClient() {
    String root = credentials.check(settings, LOGGER, "GitHub", endpoint);
    GitHubServiceVersion version = serviceVersion == null ? GitHubServiceVersion.getLatest() : serviceVersion;
    SecretScrubber scrubber = credentials.scrubber();
    // GitHub: "Accept: application/vnd.github+json" and "X-GitHub-Api-Version" on every request
    // (docs.github.com/rest/about-the-rest-api/api-versions).
    HttpHeaders requestHeaders = new HttpHeaders()
        .set(HttpHeaderName.ACCEPT, "application/vnd.github+json")
        .set(HttpHeaderName.fromString("X-GitHub-Api-Version"), version.getVersion());
    GitHubErrorMapper errors = new GitHubErrorMapper(settings.clock(), scrubber);
    HttpTransport<GitHubCall> transport = settings.buildTransport(LOGGER, GitHubErrorMapper.SERVICE, SDK,
        servicePipeline(root, scrubber), credentials.isSet(), scrubber, requestHeaders, errors);
    // GitHub's token formats: "ghu_" is a GitHub App's user access token; a token given as text with another prefix
    // (ghp_, github_pat_, gho_) cannot call the routes that need one. A TokenCredential or custom pipeline may
    // supply app user tokens, so those keep every route.
    boolean appUserToken = settings.hasPipeline() || !credentials.hasToken() || credentials.tokenStartsWith("ghu_");
    GitHubOperations operations = new GitHubOperations(transport, errors, root, appSlug, maxPages, appUserToken);
    String description = "GitHubRestClient{endpoint=" + root + ", serviceVersion=" + version.getVersion()
        + ", app=" + appSlug + ", credential=" + credentials.kind(settings) + "}";
    return new GitHubRestClient(operations, version, description, transport);
  }

  /** The GitHub parts of the pipeline: its pacing, rate-limit policy, root, token and log options. */
  private ClientSettings.ServicePipeline servicePipeline(String root, SecretScrubber scrubber) {
    return new TokenPipeline(GitHubErrorMapper.SERVICE, "x-ratelimit-remaining", "x-ratelimit-reset", root,
        credentials.authentication(TOKEN_SCOPE, scrubber), scrubber, LOGGED_HEADERS, LOGGED_QUERY_PARAMETERS) {
      @Override
      public void addAfterRetry(List<HttpPipelinePolicy> policies, Waits waits) {
        // After the retry policy, so that it sees GitHub's 403 rate limits as the 429s with Retry-After they are.
        policies.add(new GitHubRateLimitPolicy(waits, scrubber));
      }
    };
  }

  /**
   * Describes the builder's settings, never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "GitHubRestClientBuilder{credential=" + credentials
        + ", endpoint=" + endpoint + ", app=" + appSlug + ", " + settings + "}";
  }
}
