package io.github.devopsconnector.http;

import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The service parts of a pipeline for a REST API that takes one token on one host and paces by its quota headers
 * (GitHub, GitLab): a {@link ResetPacer} on the service's headers, credentials to the API root's origin only, the
 * service's rate-limit and diagnostic headers allowed in the log, and, when the log shows bodies, a
 * {@link ResponseScrubPolicy} below the logging policy so that a server echoing the token never puts it in the log.
 */
public class TokenPipeline implements ClientSettings.ServicePipeline {
  private final String service;
  private final String remainingHeader;
  private final String resetHeader;
  private final String root;
  private final Supplier<HttpPipelinePolicy> authentication;
  private final SecretScrubber scrubber;
  private final List<String> loggedHeaders;
  private final List<String> loggedQueryParameters;

  /**
   * The parts.
   *
   * @param service the service's name, as in messages
   * @param remainingHeader the quota header with the requests left
   * @param resetHeader the quota header with the end of the window, in epoch seconds
   * @param root the API root, whose origin alone gets credentials
   * @param authentication makes the policy that authenticates requests (asked only when the pipeline is built)
   * @param scrubber the client's scrubber
   * @param loggedHeaders the headers allowed in the log
   * @param loggedQueryParameters the query parameters allowed in the log
   */
  public TokenPipeline(String service, String remainingHeader, String resetHeader, String root,
      Supplier<HttpPipelinePolicy> authentication, SecretScrubber scrubber, List<String> loggedHeaders,
      List<String> loggedQueryParameters) {
    this.service = Objects.requireNonNull(service, "service");
    this.remainingHeader = Objects.requireNonNull(remainingHeader, "remainingHeader");
    this.resetHeader = Objects.requireNonNull(resetHeader, "resetHeader");
    this.root = Objects.requireNonNull(root, "root");
    this.authentication = Objects.requireNonNull(authentication, "authentication");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.loggedHeaders = List.copyOf(loggedHeaders);
    this.loggedQueryParameters = List.copyOf(loggedQueryParameters);
  }

  @Override
  public Pacing pacing(RetrySettings retry, Waits waits) {
    return new ResetPacer(service, remainingHeader, resetHeader, waits, retry.maxDelay());
  }

  @Override
  public Set<String> origins() {
    return Set.of(Urls.origin(URI.create(root)));
  }

  @Override
  public HttpPipelinePolicy authentication() {
    return authentication.get();
  }

  @Override
  public HttpLogOptions logOptions(HttpLogOptions given) {
    return Pipelines.loggingOptions(given, loggedHeaders, loggedQueryParameters);
  }

  @Override
  public void addBelowLogging(List<HttpPipelinePolicy> policies, HttpLogOptions logOptions) {
    if (logOptions.getLogLevel().shouldLogBody()) {
      // Below the logging policy: a server that echoes the token must not put it into a logged body.
      policies.add(new ResponseScrubPolicy(scrubber));
    }
  }
}
