package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URL;
import org.junit.jupiter.api.Test;

class ServiceErrorsTest {

  @Test
  void statusesMapToKinds() {
    assertThat(ServiceErrors.kindOf(401)).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(ServiceErrors.kindOf(403)).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(ServiceErrors.kindOf(404)).isEqualTo(Kind.NOT_FOUND);
    assertThat(ServiceErrors.kindOf(400)).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(ServiceErrors.kindOf(422)).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(ServiceErrors.kindOf(409)).isEqualTo(Kind.CONFLICT);
    assertThat(ServiceErrors.kindOf(412)).isEqualTo(Kind.CONFLICT);
    assertThat(ServiceErrors.kindOf(429)).isEqualTo(Kind.THROTTLED);
    assertThat(ServiceErrors.kindOf(408)).isEqualTo(Kind.TRANSIENT);
    assertThat(ServiceErrors.kindOf(503)).isEqualTo(Kind.TRANSIENT);
    assertThat(ServiceErrors.kindOf(307)).isEqualTo(Kind.PROTOCOL);
    assertThat(ServiceErrors.kindOf(418)).isEqualTo(Kind.PROTOCOL);
  }

  @Test
  void theRequestIdComesFromTheFirstHeaderThatHasOne() {
    assertThat(ServiceErrors.requestId(new HttpHeaders().set("ActivityId", "a1").set("X-VSS-E2EID", "e2")))
        .contains("a1");
    assertThat(ServiceErrors.requestId(new HttpHeaders().set("X-VSS-E2EID", "e2"))).contains("e2");
    assertThat(ServiceErrors.requestId(new HttpHeaders().set("x-ms-request-id", "r1").set("ActivityId", "a1")))
        .contains("r1");
    assertThat(ServiceErrors.requestId(new HttpHeaders().set("x-ms-request-id", " "))).isEmpty();
    assertThat(ServiceErrors.requestId(new HttpHeaders().set("x-ms-request-id", "Bearer abcdefgh")))
        .contains("Bearer ****");
  }

  @Test
  void theBuilderCarriesTheResponsesFacts() throws Exception {
    DetachedResponse response = DetachedResponse.of(HttpMethod.GET, new URL("https://dev.azure.com/x?y=1"), 503,
        new HttpHeaders().set("ActivityId", "act-1"), new byte[0], SecretScrubber.create());

    ServiceException e = ServiceErrors.builder(Kind.TRANSIENT, "It failed.", "Azure DevOps", response).build();

    assertThat(e.service()).isEqualTo("Azure DevOps");
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.requestId()).contains("act-1");
    assertThat(ServiceErrors.request(response)).isEqualTo("GET https://dev.azure.com/x");
  }

  @Test
  void interruptionsAreNotTimeouts() {
    assertThat(ServiceErrors.isInterruption(new RuntimeException(new InterruptedException()))).isTrue();
    assertThat(ServiceErrors.isInterruption(new RuntimeException(new InterruptedIOException()))).isTrue();
    assertThat(ServiceErrors.isInterruption(new RuntimeException(new SocketTimeoutException()))).isFalse();
    assertThat(ServiceErrors.rootDetail(new RuntimeException(new IllegalStateException("Bearer abcdefgh")),
        SecretScrubber.create())).isEqualTo("IllegalStateException: Bearer ****");
  }
}
