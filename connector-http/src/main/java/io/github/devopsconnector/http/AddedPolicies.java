package io.github.devopsconnector.http;

import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The policies a caller adds to a client's pipeline through a builder's {@code addPolicy}, kept apart by position
 * as azure-core's builders do: {@code PER_CALL} policies go before the client's retries, the others after its
 * authentication. Each builder decides where exactly they stand in its pipeline.
 */
public final class AddedPolicies {
  private final List<HttpPipelinePolicy> perCall = new ArrayList<>();
  private final List<HttpPipelinePolicy> perRetry = new ArrayList<>();

  /** No policies yet. */
  public AddedPolicies() {}

  /**
   * Adds a policy by its {@link HttpPipelinePolicy#getPipelinePosition() position}, after those added before.
   *
   * @param policy the policy
   * @throws NullPointerException if the policy is null
   */
  public void add(HttpPipelinePolicy policy) {
    Objects.requireNonNull(policy, "'policy' cannot be null.");
    if (policy.getPipelinePosition() == HttpPipelinePosition.PER_CALL) {
      perCall.add(policy);
    } else {
      perRetry.add(policy);
    }
  }

  /**
   * The {@code PER_CALL} policies, in the order they were added.
   *
   * @return a read-only view
   */
  public List<HttpPipelinePolicy> perCall() {
    return Collections.unmodifiableList(perCall);
  }

  /**
   * The {@code PER_RETRY} policies, in the order they were added.
   *
   * @return a read-only view
   */
  public List<HttpPipelinePolicy> perRetry() {
    return Collections.unmodifiableList(perRetry);
  }
}
