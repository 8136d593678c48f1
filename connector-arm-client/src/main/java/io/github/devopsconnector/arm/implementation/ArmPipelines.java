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
import java.net.URL;

/** Builds the ARM pipeline, in the azure-core order, with the secret body swapped in last. */
public final class ArmPipelines {

  /** The token scope of Azure Resource Manager. */
  public static final String ARM_SCOPE = "https://management.azure.com/.default";

  private ArmPipelines() {}

  /**
   * The pipeline: user agent, request id, retry (429 and 5xx, honouring {@code Retry-After}), bearer token (only to
   * the endpoint), logging, then the secret body.
   */
  public static HttpPipeline build(TokenCredential credential, URL endpoint, HttpClient httpClient,
      RetryOptions retryOptions, HttpLogOptions logOptions, String sdkVersion) {
    HttpLogOptions logging = logOptions == null ? new HttpLogOptions() : logOptions;
    return new HttpPipelineBuilder()
        .httpClient(httpClient)
        .policies(
            new UserAgentPolicy(logging.getApplicationId(), "devops-connector-arm", sdkVersion,
                Configuration.getGlobalConfiguration()),
            new RequestIdPolicy(),
            retryOptions == null ? new RetryPolicy() : new RetryPolicy(retryOptions),
            new ArmTokenPolicy(credential, ARM_SCOPE, endpoint),
            new HttpLoggingPolicy(logging),
            new SecretBodyPolicy(endpoint))
        .build();
  }
}
