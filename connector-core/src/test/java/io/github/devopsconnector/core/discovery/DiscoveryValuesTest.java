package io.github.devopsconnector.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiscoveryValuesTest {

  @Test
  void optionsHaveDocumentedDefaults() {
    DiscoveryOptions options = DiscoveryOptions.defaults();
    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.maxThrottleRetries()).isEqualTo(3);
    assertThat(options.restoreAfterSuccesses()).isEqualTo(20);
    assertThat(options.defaultRetryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(DiscoveryOptions.withConcurrency(3).concurrency()).isEqualTo(3);
  }

  @Test
  void optionsRefuseValuesOutOfRange() {
    assertThatThrownBy(() -> DiscoveryOptions.withConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> DiscoveryOptions.withConcurrency(DiscoveryOptions.MAX_CONCURRENCY + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiscoveryOptions.builder().maxThrottleRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retries");
    assertThatThrownBy(() -> DiscoveryOptions.builder().restoreAfterSuccesses(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiscoveryOptions.builder().defaultRetryAfter(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anErrorKeepsWhatTheExceptionSaid() {
    ServiceException exception = ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED,
            "TF400813: The user 'x' is not authorized to access this resource.")
        .statusCode(401).serviceErrorCode("TF400813").remediation("Sign in again.").build();

    DiscoveryError error = DiscoveryError.of(exception);

    assertThat(error.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
    assertThat(error.statusCode()).isEqualTo(401);
    assertThat(error.serviceErrorCode()).contains("TF400813");
    assertThat(error.remediation()).contains("Sign in again.");
    assertThat(error.isNotAccessible()).isTrue();
    assertThat(error).isEqualTo(DiscoveryError.of(exception));
    assertThat(error.toString()).startsWith("NOT_AUTHORIZED 401 TF400813: TF400813");
  }

  @Test
  void notAccessibleFindingNamesStatusAndServiceCode() {
    DiscoveryError error = DiscoveryError.of(ServiceException.builder(ServiceException.Kind.NOT_FOUND,
        "TF200016: no such organization").statusCode(404).serviceErrorCode("TF200016").build());

    var finding = Findings.notAccessible(OrganizationName.parse("fabrikam"), error);

    assertThat(finding.code()).isEqualTo(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    assertThat(finding.subject()).isEqualTo("organization:fabrikam");
    assertThat(finding.message()).contains("fabrikam", "HTTP 404", "TF200016");
    assertThat(finding.remediation()).isNotBlank();
  }

  @Test
  void aFailedOutcomeMustCarryItsError() {
    assertThatThrownBy(() -> OrganizationOutcome.builder().organization(OrganizationName.parse("a"))
        .status(OrganizationStatus.FAILED).projectCount(0).repositoryCount(0).pipelineCount(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
