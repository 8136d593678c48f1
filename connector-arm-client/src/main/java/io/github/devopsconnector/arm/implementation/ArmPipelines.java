package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.SecretBodyPolicy;
import io.github.devopsconnector.http.BearerTokenPolicy;
import io.github.devopsconnector.http.HeaderGuardPolicy;
import io.github.devopsconnector.http.OriginGuardPolicy;
import io.github.devopsconnector.http.Pipelines;
import io.github.devopsconnector.http.RetryPolicy;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.SdkProperties;
import io.github.devopsconnector.http.Urls;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the ARM pipeline, in the azure-core order, with the secret body swapped in last. */
public final class ArmPipelines {

  /** The token scope of Azure Resource Manager. */
  public static final String ARM_SCOPE = "https://management.azure.com/.default";


  private ArmPipelines() {}

  /**
   * What the builder's pipeline is made of.
   *
   * @param credential the credential for ARM tokens
   * @param endpoint the only origin tokens and codes go to
   * @param httpClient the HTTP client
   * @param logOptions the caller's log options, or {@code null}
   * @param clientOptions the caller's client options (application id, headers), or {@code null}
   * @param configuration the configuration the user-agent policy reads
   * @param sdk the SDK's name and version for the {@code User-Agent}
   * @param perCallPolicies the caller's per-call policies
   * @param perRetryPolicies the caller's per-retry policies
   */
  public record Settings(TokenCredential credential, URL endpoint, HttpClient httpClient, HttpLogOptions logOptions,
      ClientOptions clientOptions, Configuration configuration, SdkProperties sdk,
      List<HttpPipelinePolicy> perCallPolicies, List<HttpPipelinePolicy> perRetryPolicies) {
  }

  /**
   * The pipeline: user agent, the caller's headers, request id, the caller's per-call policies, the origin guard and
   * the bearer token (only to the endpoint), the caller's per-retry policies, the header guard, logging, then the
   * secret body. The retry policy is put before them all ({@link #withRetry}).
   */
  public static HttpPipeline build(Settings settings) {
    HttpLogOptions logging = Pipelines.loggingOptions(settings.logOptions(), List.of(), List.of());
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(settings.sdk().userAgentPolicy(settings.clientOptions(), logging, settings.configuration()));
    HttpHeaders headers = Pipelines.clientOptionHeaders(settings.clientOptions());
    if (headers.getSize() > 0) {
      policies.add(new AddHeadersPolicy(headers));
    }
    policies.add(new RequestIdPolicy());
    policies.addAll(settings.perCallPolicies());
    // Requests go only to the endpoint's origin, and the token only with them (https, or http to loopback).
    policies.add(new OriginGuardPolicy(Set.of(Urls.origin(settings.endpoint())), ArmErrors.SERVICE));
    policies.add(new BearerTokenPolicy(settings.credential(), ARM_SCOPE, SecretScrubber.create(), new HttpHeaders()));
    policies.addAll(settings.perRetryPolicies());
    policies.add(new HeaderGuardPolicy());
    policies.add(new HttpLoggingPolicy(logging));
    policies.add(new SecretBodyPolicy(Set.of(Urls.origin(settings.endpoint()))));
    return new HttpPipelineBuilder().httpClient(settings.httpClient())
        .policies(policies.toArray(new HttpPipelinePolicy[0])).build();
  }

  /**
   * The pipeline with the retry policy put first, so that every policy of the pipeline runs once per attempt (and
   * a caller's pipeline is retried as the builder's is). The policy retries what {@link ArmHttp} marks as
   * idempotent, with bounded waits, and never a request carrying a one-time code.
   *
   * @param pipeline the pipeline
   * @param retryPolicy connector-http's retry policy, with ARM's statuses and pacing
   * @return the pipeline with the retry policy
   */
  public static HttpPipeline withRetry(HttpPipeline pipeline, RetryPolicy retryPolicy) {
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(retryPolicy);
    for (int i = 0; i < pipeline.getPolicyCount(); i++) {
      policies.add(pipeline.getPolicy(i));
    }
    return new HttpPipelineBuilder().httpClient(pipeline.getHttpClient()).tracer(pipeline.getTracer())
        .policies(policies.toArray(new HttpPipelinePolicy[0])).build();
  }

  /**
   * The caller's pipeline with the policy that puts the one-time code into the body appended: its policies run in
   * their order and see only the redacted body.
   */
  public static HttpPipeline withSecretBody(HttpPipeline pipeline, URL endpoint) {
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    for (int i = 0; i < pipeline.getPolicyCount(); i++) {
      policies.add(pipeline.getPolicy(i));
    }
    policies.add(new SecretBodyPolicy(Set.of(Urls.origin(endpoint))));
    return new HttpPipelineBuilder().httpClient(pipeline.getHttpClient()).tracer(pipeline.getTracer())
        .policies(policies.toArray(new HttpPipelinePolicy[0])).build();
  }

}
