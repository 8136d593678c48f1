package io.github.devopsconnector.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.arm.implementation.TransportFailure;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.core.ServiceException;
import org.assertj.core.api.ThrowingConsumer;

/** Reads the {@link ServiceException}s the client throws: their kind, and the azure-core cause with the response. */
final class Failures {

  private Failures() {}

  /** The failure as the service exception it must be. */
  static ServiceException service(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ServiceException.class);
    ServiceException failure = (ServiceException) thrown;
    assertThat(failure.service()).isEqualTo("Azure Resource Manager");
    return failure;
  }

  /** Checks that the failure is a service exception of this kind. */
  static ThrowingConsumer<Throwable> kind(ServiceException.Kind kind) {
    return thrown -> assertThat(service(thrown).kind()).as(String.valueOf(thrown.getMessage())).isEqualTo(kind);
  }

  /** Checks that the failure is a service exception of this kind and ARM error code. */
  static ThrowingConsumer<Throwable> kind(ServiceException.Kind kind, String serviceErrorCode) {
    return thrown -> {
      assertThat(service(thrown).kind()).as(String.valueOf(thrown.getMessage())).isEqualTo(kind);
      assertThat(service(thrown).serviceErrorCode()).contains(serviceErrorCode);
    };
  }

  /** Checks that the failure is ARM refusing to list organizations to a caller that did not authorize the connector. */
  static ThrowingConsumer<Throwable> notAuthorizingIdentity() {
    return thrown -> {
      assertThat(service(thrown).kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(ArmErrors.isNotAuthorizingIdentity(service(thrown))).as(thrown.getMessage()).isTrue();
      assertThat(service(thrown).statusCode()).isEqualTo(401);
    };
  }

  /** The azure-core exception behind a failure that had a response. */
  static HttpResponseException response(Throwable thrown) {
    assertThat(service(thrown).getCause()).isInstanceOf(HttpResponseException.class);
    return (HttpResponseException) thrown.getCause();
  }

  /** The ARM error behind a failure. */
  static ArmError error(Throwable thrown) {
    assertThat(response(thrown).getValue()).isInstanceOf(ArmError.class);
    return (ArmError) response(thrown).getValue();
  }

  /** The transport failure behind a failure that got no usable answer. */
  static TransportFailure transport(Throwable thrown) {
    assertThat(service(thrown).kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
    assertThat(thrown.getCause()).isInstanceOf(TransportFailure.class);
    return (TransportFailure) thrown.getCause();
  }
}
