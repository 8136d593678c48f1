package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The policies a caller adds through a builder, by position. */
class AddedPoliciesTest {

  private static HttpPipelinePolicy policy(HttpPipelinePosition position) {
    return new HttpPipelinePolicy() {
      @Override
      public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process();
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return position;
      }
    };
  }

  @Test
  void policiesAreKeptApartByPositionInTheOrderTheyWereAdded() {
    HttpPipelinePolicy firstCall = policy(HttpPipelinePosition.PER_CALL);
    HttpPipelinePolicy firstRetry = policy(HttpPipelinePosition.PER_RETRY);
    HttpPipelinePolicy secondCall = policy(HttpPipelinePosition.PER_CALL);
    AddedPolicies added = new AddedPolicies();
    added.add(firstCall);
    added.add(firstRetry);
    added.add(secondCall);

    assertThat(added.perCall()).containsExactly(firstCall, secondCall);
    assertThat(added.perRetry()).containsExactly(firstRetry);
  }

  @Test
  void aNullPolicyIsRefusedAndTheListsCannotBeChangedFromOutside() {
    AddedPolicies added = new AddedPolicies();

    assertThatThrownBy(() -> added.add(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("policy");
    assertThatThrownBy(() -> added.perCall().add(policy(HttpPipelinePosition.PER_CALL)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(added.perCall()).isEmpty();
    assertThat(added.perRetry()).isEmpty();
  }
}
