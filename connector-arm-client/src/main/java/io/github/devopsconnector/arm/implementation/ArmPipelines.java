package io.github.devopsconnector.arm.implementation;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import io.github.devopsconnector.core.Sleeper;
import java.net.URL;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Builds the ARM pipeline, in the azure-core order, with the secret body swapped in last. */
public final class ArmPipelines {

  /** The token scope of Azure Resource Manager. */
  public static final String ARM_SCOPE = "https://management.azure.com/.default";

  /** Headers never logged, whatever the caller's log options allow. */
  private static final Set<String> NEVER_LOGGED = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie");

  private ArmPipelines() {}

  /**
   * The pipeline: user agent, request id, retry (429 and 5xx, honouring {@code Retry-After}), bearer token (only to
   * the endpoint), logging, then the secret body.
   */
  public static HttpPipeline build(TokenCredential credential, URL endpoint, HttpClient httpClient,
      RetryOptions retryOptions, HttpLogOptions logOptions, String sdkVersion) {
    return build(credential, endpoint, httpClient, retryOptions, logOptions, sdkVersion, null, null);
  }

  /**
   * The pipeline, with retries that wait through this sleeper and read {@code Retry-After} dates with this clock
   * (both null: azure-core's own waiting).
   */
  public static HttpPipeline build(TokenCredential credential, URL endpoint, HttpClient httpClient,
      RetryOptions retryOptions, HttpLogOptions logOptions, String sdkVersion, Sleeper sleeper, Clock clock) {
    RetryPolicy retry = sleeper != null
        ? SleeperRetryStrategy.policy(retryOptions, sleeper, clock == null ? Clock.systemUTC() : clock)
        : retryOptions == null ? new RetryPolicy() : new RetryPolicy(retryOptions);
    HttpLogOptions logging = logOptions == null ? new HttpLogOptions() : logOptions;
    return new HttpPipelineBuilder()
        .httpClient(httpClient)
        .policies(
            new UserAgentPolicy(logging.getApplicationId(), "devops-connector-arm", sdkVersion,
                Configuration.getGlobalConfiguration()),
            new RequestIdPolicy(),
            retry,
            new ArmTokenPolicy(credential, ARM_SCOPE, endpoint),
            new HttpLoggingPolicy(withoutCredentialHeaders(logging)),
            new SecretBodyPolicy(endpoint))
        .build();
  }

  /**
   * A copy of the caller's log options that never allows the credential headers: azure-core redacts a header only
   * when it is not allowed, so a caller who allowed {@code Authorization} would otherwise log the bearer token.
   */
  static HttpLogOptions withoutCredentialHeaders(HttpLogOptions given) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String name : given.getAllowedHeaderNames()) {
      if (!NEVER_LOGGED.contains(name.toLowerCase(Locale.ROOT))) {
        allowed.add(name);
      }
    }
    HttpLogOptions copy = new HttpLogOptions()
        .setLogLevel(given.getLogLevel())
        .setAllowedHeaderNames(allowed)
        .setAllowedQueryParamNames(given.getAllowedQueryParamNames())
        .setPrettyPrintBody(given.isPrettyPrintBody())
        .disableRedactedHeaderLogging(given.isRedactedHeaderLoggingDisabled());
    if (given.getRequestLogger() != null) {
      copy.setRequestLogger(given.getRequestLogger());
    }
    if (given.getResponseLogger() != null) {
      copy.setResponseLogger(given.getResponseLogger());
    }
    return copy;
  }
}
