package io.github.devopsconnector.arm.implementation;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import java.net.URL;
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
   * The pipeline: user agent, request id, bearer token (only to the endpoint), logging, then the secret body. It
   * has no retry policy: {@link ArmHttp} retries, with bounded waits, and never a request carrying a one-time code.
   */
  public static HttpPipeline build(TokenCredential credential, URL endpoint, HttpClient httpClient,
      HttpLogOptions logOptions, String sdkVersion) {
    HttpLogOptions logging = logOptions == null ? new HttpLogOptions() : logOptions;
    return new HttpPipelineBuilder()
        .httpClient(httpClient)
        .policies(
            new UserAgentPolicy(logging.getApplicationId(), "devops-connector-arm", sdkVersion,
                Configuration.getGlobalConfiguration()),
            new RequestIdPolicy(),
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
