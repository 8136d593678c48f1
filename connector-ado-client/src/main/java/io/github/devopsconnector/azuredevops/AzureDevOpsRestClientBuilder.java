package io.github.devopsconnector.azuredevops;

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
import io.github.devopsconnector.azuredevops.implementation.AdoCall;
import io.github.devopsconnector.azuredevops.implementation.AdoEndpoints;
import io.github.devopsconnector.azuredevops.implementation.AzureDevOpsOperations;
import io.github.devopsconnector.azuredevops.implementation.ErrorMapper;
import io.github.devopsconnector.azuredevops.implementation.Pacer;
import io.github.devopsconnector.azuredevops.implementation.PersonalAccessTokenPolicy;
import io.github.devopsconnector.core.Sleeper;
import io.github.devopsconnector.http.AuthorizationHeaderPolicy;
import io.github.devopsconnector.http.BearerTokenPolicy;
import io.github.devopsconnector.http.ClientSettings;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.Pacing;
import io.github.devopsconnector.http.Pipelines;
import io.github.devopsconnector.http.RetrySettings;
import io.github.devopsconnector.http.SdkProperties;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.Waits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link AzureDevOpsRestClient}s. Set exactly one credential, {@link #personalAccessToken(String)} or
 * {@link #credential(TokenCredential)}; everything else has a default:
 *
 * <ul>
 *   <li>Endpoints: the Azure DevOps Services hosts ({@code https://dev.azure.com}, {@code vssps.dev.azure.com},
 *       {@code vsaex.dev.azure.com}, {@code app.vssps.visualstudio.com}). {@link #endpoint(String)} points all of
 *       them at one base URL, as Azure DevOps Server collections and simulators serve everything from one host;
 *       the four per-host setters override single ones.
 *   <li>HTTP client: azure-core's JDK HTTP client, with redirects off, made on the first request and stopped by
 *       {@link AzureDevOpsRestClient#close()}. A caller's {@link #httpClient(HttpClient)} is probed at build time
 *       and refused if it follows redirects carrying the {@code Authorization} header to another origin.
 *   <li>Time limits: {@link #connectTimeout(Duration) connect} 10 s, {@link #responseTimeout(Duration) response}
 *       30 s (until the headers), {@link #readTimeout(Duration) read} 30 s (between two reads of the body),
 *       {@link #requestTimeout(Duration) request} 60 s (the whole body, so a server that trickles its answer is
 *       cut off) and {@link #callTimeout(Duration) call} 5 minutes (every attempt, retry and wait of one call).
 *   <li>Retries and pacing: 4 retries of {@code GET} and {@code HEAD} requests answered 429, 500, 502, 503 or 504 or
 *       failing with an I/O error, after a backoff of 800 ms doubled with each retry (±20% jitter), at most 60 s;
 *       {@link #retryOptions(RetryOptions)} changes them. {@code Retry-After} and the {@code X-RateLimit-*} headers
 *       are always honored: a wait longer than the maximum delay, or than the call timeout leaves, fails the call
 *       at once with the service's {@code Retry-After}.
 *   <li>Logging: azure-core's HTTP logging, off unless {@link #httpLogOptions(HttpLogOptions)} turns it on; the
 *       Azure DevOps rate-limit and diagnostic headers are always allowed in the log, {@code Authorization} never.
 * </ul>
 *
 * <p>Credentials only go over https, or over http to a loopback host (localhost, 127.0.0.0/8, ::1), and only to
 * the configured endpoints; {@link #buildClient()} refuses anything else. The builder is not thread-safe; the
 * clients it builds are.
 */
@ServiceClientBuilder(serviceClients = AzureDevOpsRestClient.class)
public final class AzureDevOpsRestClientBuilder implements TokenCredentialTrait<AzureDevOpsRestClientBuilder>,
    HttpTrait<AzureDevOpsRestClientBuilder>, EndpointTrait<AzureDevOpsRestClientBuilder>,
    ConfigurationTrait<AzureDevOpsRestClientBuilder> {
  private static final ClientLogger LOGGER = new ClientLogger(AzureDevOpsRestClientBuilder.class);
  private static final SdkProperties SDK = SdkProperties.load("connector-ado-client.properties",
      "connector-ado-client");
  /**
   * Sent with Microsoft Entra tokens, as the Azure CLI's DevOps extension does through the Python client's
   * {@code force_msa_pass_through} option (microsoft/azure-devops-python-api#130): a Microsoft account (MSA) signed
   * in through Microsoft Entra carries an Entra token, and without the header the service does not pass that MSA
   * identity through, so its requests (projects, for one) fail (Azure/azure-functions-devops-build#24). Not sent
   * with personal access tokens, where it changes nothing: the token itself names the user.
   */
  private static final HttpHeaders ENTRA_HEADERS = new HttpHeaders()
      .set(HttpHeaderName.fromString("X-VSS-ForceMsaPassThrough"), "true");
  /** Every request asks for JSON, and for a 401 instead of a sign-in page when the credential is not accepted. */
  private static final HttpHeaders REQUEST_HEADERS = new HttpHeaders()
      .set(HttpHeaderName.ACCEPT, "application/json")
      .set(HttpHeaderName.fromString("X-TFS-FedAuthRedirect"), "Suppress");

  /** Headers worth seeing in an HTTP log of Azure DevOps calls; none of them carries a secret. */
  private static final List<String> LOGGED_HEADERS = List.of("X-RateLimit-Resource", "X-RateLimit-Delay",
      "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", "X-MS-ContinuationToken",
      "ActivityId", "X-TFS-Session", "X-VSS-E2EID", "X-TFS-FedAuthRedirect", "Content-Type");
  /** Query parameters worth seeing in an HTTP log; the others (such as {@code memberId}) are redacted. */
  private static final List<String> LOGGED_QUERY_PARAMETERS = List.of("api-version", "$top", "continuationToken",
      "direction");

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
  /** The default most pages of graph groups read when looking for the administrators group: 100. */
  public static final int DEFAULT_MAX_GRAPH_GROUP_PAGES = 100;

  private TokenCredential tokenCredential;
  private String personalAccessToken;
  private String endpoint;
  private String coreEndpoint;
  private String graphEndpoint;
  private String entitlementsEndpoint;
  private String profileEndpoint;
  private final ClientSettings settings = new ClientSettings();
  private AzureDevOpsServiceVersion serviceVersion;
  private int maxGraphGroupPages = DEFAULT_MAX_GRAPH_GROUP_PAGES;

  /** A builder with the defaults and no credential. */
  public AzureDevOpsRestClientBuilder() {}

  /**
   * Authenticates with Microsoft Entra tokens from this credential, for the Azure DevOps scope
   * {@code 499b84ac-1321-427f-aa17-267ca6975798/.default}. Mutually exclusive with
   * {@link #personalAccessToken(String)}.
   *
   * @param credential the credential, such as one from azure-identity
   * @return this builder
   * @throws NullPointerException if the credential is null
   */
  @Override
  public AzureDevOpsRestClientBuilder credential(TokenCredential credential) {
    this.tokenCredential = Objects.requireNonNull(credential, "'credential' cannot be null.");
    return this;
  }

  /**
   * Authenticates with a personal access token, sent as HTTP Basic with an empty user name. Mutually exclusive
   * with {@link #credential(TokenCredential)}. The token never appears in logs, messages or {@code toString()}.
   *
   * @param personalAccessToken the token
   * @return this builder
   * @throws NullPointerException if the token is null
   * @throws IllegalArgumentException if the token is blank or has whitespace or control characters
   */
  public AzureDevOpsRestClientBuilder personalAccessToken(String personalAccessToken) {
    Objects.requireNonNull(personalAccessToken, "'personalAccessToken' cannot be null.");
    this.personalAccessToken = AuthorizationHeaderPolicy.checkToken(personalAccessToken, "personal access token");
    return this;
  }

  /**
   * Sends every call to one base URL: the single-host layout of Azure DevOps Server collections (such as
   * {@code https://tfs.contoso.com/tfs}, with the collection as the organization) and of simulators (such as
   * {@code http://127.0.0.1:8080}). The per-host setters still override single hosts.
   *
   * @param endpoint the base URL; https, or http to a loopback host
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  @Override
  public AzureDevOpsRestClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' cannot be null.");
    return this;
  }

  /**
   * Overrides the core host (projects, repositories, pipelines, connection data; {@code https://dev.azure.com}).
   *
   * @param coreEndpoint the base URL
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  public AzureDevOpsRestClientBuilder coreEndpoint(String coreEndpoint) {
    this.coreEndpoint = Objects.requireNonNull(coreEndpoint, "'coreEndpoint' cannot be null.");
    return this;
  }

  /**
   * Overrides the graph host (groups, memberships, organization policies; {@code https://vssps.dev.azure.com}).
   *
   * @param graphEndpoint the base URL
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  public AzureDevOpsRestClientBuilder graphEndpoint(String graphEndpoint) {
    this.graphEndpoint = Objects.requireNonNull(graphEndpoint, "'graphEndpoint' cannot be null.");
    return this;
  }

  /**
   * Overrides the entitlements host (user entitlements; {@code https://vsaex.dev.azure.com}).
   *
   * @param entitlementsEndpoint the base URL
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  public AzureDevOpsRestClientBuilder entitlementsEndpoint(String entitlementsEndpoint) {
    this.entitlementsEndpoint = Objects.requireNonNull(entitlementsEndpoint, "'entitlementsEndpoint' cannot be null.");
    return this;
  }

  /**
   * Overrides the profile host (profiles, accounts; {@code https://app.vssps.visualstudio.com}).
   *
   * @param profileEndpoint the base URL
   * @return this builder
   * @throws NullPointerException if the endpoint is null
   */
  public AzureDevOpsRestClientBuilder profileEndpoint(String profileEndpoint) {
    this.profileEndpoint = Objects.requireNonNull(profileEndpoint, "'profileEndpoint' cannot be null.");
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
  public AzureDevOpsRestClientBuilder httpClient(HttpClient httpClient) {
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
  public AzureDevOpsRestClientBuilder pipeline(HttpPipeline pipeline) {
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
  public AzureDevOpsRestClientBuilder addPolicy(HttpPipelinePolicy policy) {
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
  public AzureDevOpsRestClientBuilder retryOptions(RetryOptions retryOptions) {
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
  public AzureDevOpsRestClientBuilder configuration(Configuration configuration) {
    settings.configuration(configuration);
    return this;
  }

  /**
   * HTTP logging through azure-core's {@code HttpLoggingPolicy}. The client copies the options and adds the
   * Azure DevOps rate-limit and diagnostic headers ({@code X-RateLimit-*}, {@code Retry-After},
   * {@code X-MS-ContinuationToken}, {@code ActivityId}, {@code X-TFS-Session}, {@code X-VSS-E2EID}) to the allowed
   * headers; {@code Authorization} is never logged, even if allowed here. A custom request or response logger set
   * on the options is the caller's responsibility.
   *
   * @param httpLogOptions the options
   * @return this builder
   * @throws NullPointerException if the options are null
   */
  @Override
  public AzureDevOpsRestClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
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
  public AzureDevOpsRestClientBuilder clientOptions(ClientOptions clientOptions) {
    settings.clientOptions(clientOptions);
    return this;
  }

  /**
   * The REST API version; {@link AzureDevOpsServiceVersion#getLatest()} when not set.
   *
   * @param serviceVersion the version
   * @return this builder
   * @throws NullPointerException if the version is null
   */
  public AzureDevOpsRestClientBuilder serviceVersion(AzureDevOpsServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "'serviceVersion' cannot be null.");
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
  public AzureDevOpsRestClientBuilder clock(Clock clock) {
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
  public AzureDevOpsRestClientBuilder connectTimeout(Duration connectTimeout) {
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
  public AzureDevOpsRestClientBuilder sleeper(Sleeper sleeper) {
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
  public AzureDevOpsRestClientBuilder responseTimeout(Duration responseTimeout) {
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
  public AzureDevOpsRestClientBuilder readTimeout(Duration readTimeout) {
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
  public AzureDevOpsRestClientBuilder requestTimeout(Duration requestTimeout) {
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
  public AzureDevOpsRestClientBuilder callTimeout(Duration callTimeout) {
    settings.callTimeout(callTimeout);
    return this;
  }

  /**
   * The most pages of graph groups read while looking for the Project Collection Administrators group; default
   * {@value #DEFAULT_MAX_GRAPH_GROUP_PAGES}. A listing that goes on longer fails with a {@code PROTOCOL} error
   * naming it.
   *
   * @param maxGraphGroupPages 1 to 10,000
   * @return this builder
   * @throws IllegalArgumentException if it is out of range
   */
  public AzureDevOpsRestClientBuilder maxGraphGroupPages(int maxGraphGroupPages) {
    if (maxGraphGroupPages < 1 || maxGraphGroupPages > 10_000) {
      throw new IllegalArgumentException("maxGraphGroupPages must be between 1 and 10000; it is "
          + maxGraphGroupPages + ".");
    }
    this.maxGraphGroupPages = maxGraphGroupPages;
    return this;
  }

  /**
   * Builds a client. Each call builds a new client with its own pacing state and connection-data cache.
   *
   * @return the client
   * @throws IllegalStateException if no credential or both credentials are set (without a custom pipeline), or
   *     an endpoint is not an absolute https URL (http is allowed to loopback hosts only), has user information,
   *     a query or a fragment, a header of the client options has a line break or control character, or the HTTP
   *     client given follows redirects carrying the {@code Authorization} header to another origin
   */
  public AzureDevOpsRestClient buildClient() {
    if (tokenCredential != null && personalAccessToken != null) {
      throw LOGGER.logExceptionAsError(new IllegalStateException("Both a personal access token and a "
          + "TokenCredential are set; set exactly one of personalAccessToken(...) and credential(...)."));
    }
    if (!settings.hasPipeline() && tokenCredential == null && personalAccessToken == null) {
      throw LOGGER.logExceptionAsError(new IllegalStateException("No credential is set; set "
          + "personalAccessToken(...) or credential(...)."));
    }
    AdoEndpoints endpoints;
    try {
      endpoints = AdoEndpoints.of(
          pick(coreEndpoint, AdoEndpoints.CLOUD_CORE),
          pick(graphEndpoint, AdoEndpoints.CLOUD_GRAPH),
          pick(entitlementsEndpoint, AdoEndpoints.CLOUD_ENTITLEMENTS),
          pick(profileEndpoint, AdoEndpoints.CLOUD_PROFILE));
    } catch (IllegalStateException e) {
      throw LOGGER.logExceptionAsError(e);
    }
    AzureDevOpsServiceVersion version = serviceVersion == null ? AzureDevOpsServiceVersion.getLatest()
        : serviceVersion;
    SecretScrubber scrubber = personalAccessToken == null ? SecretScrubber.create()
        : SecretScrubber.of(personalAccessToken);
    HttpTransport<AdoCall> transport = settings.buildTransport(LOGGER, ErrorMapper.SERVICE, SDK,
        servicePipeline(endpoints, scrubber), tokenCredential != null || personalAccessToken != null, scrubber,
        REQUEST_HEADERS, new ErrorMapper(settings.clock(), scrubber));
    AzureDevOpsOperations operations = new AzureDevOpsOperations(transport, endpoints, version.getVersion(),
        maxGraphGroupPages);
    String description = "AzureDevOpsRestClient{endpoints=" + endpoints + ", serviceVersion=" + version.getVersion()
        + ", credential=" + credentialKind() + "}";
    return new AzureDevOpsRestClient(operations, version, description, transport, !settings.hasPipeline());
  }

  private String pick(String override, String cloudDefault) {
    return override != null ? override : endpoint != null ? endpoint : cloudDefault;
  }

  /** The Azure DevOps parts of the pipeline: its pacer, hosts, credential and log options. */
  private ClientSettings.ServicePipeline servicePipeline(AdoEndpoints endpoints, SecretScrubber scrubber) {
    return new ClientSettings.ServicePipeline() {
      @Override
      public Pacing pacing(RetrySettings retry, Waits waits) {
        return new Pacer(retry, waits);
      }

      @Override
      public Set<String> origins() {
        return endpoints.origins();
      }

      @Override
      public HttpPipelinePolicy authentication() {
        return tokenCredential != null
            ? new BearerTokenPolicy(tokenCredential, ErrorMapper.SCOPE, scrubber, ENTRA_HEADERS)
            : new PersonalAccessTokenPolicy(personalAccessToken);
      }

      @Override
      public HttpLogOptions logOptions(HttpLogOptions given) {
        return loggingOptions(given);
      }
    };
  }

  /** The caller's log options (or the defaults), copied, with the Azure DevOps headers allowed and secrets not. */
  static HttpLogOptions loggingOptions(HttpLogOptions given) {
    return Pipelines.loggingOptions(given, LOGGED_HEADERS, LOGGED_QUERY_PARAMETERS);
  }

  private String credentialKind() {
    if (settings.hasPipeline()) {
      return "from the custom pipeline";
    }
    return tokenCredential != null ? "Microsoft Entra token" : "personal access token";
  }

  /**
   * Describes the builder's settings, never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "AzureDevOpsRestClientBuilder{credential=" + (tokenCredential != null && personalAccessToken != null
        ? "both (invalid)" : tokenCredential != null ? "Microsoft Entra token"
        : personalAccessToken != null ? "personal access token" : "none")
        + ", endpoint=" + (endpoint == null ? "Azure DevOps Services" : endpoint)
        + ", " + settings + "}";
  }
}
