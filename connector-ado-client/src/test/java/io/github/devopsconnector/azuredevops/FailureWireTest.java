package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.exception.ServiceResponseException;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureWireTest {
  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final FakeTime time = new FakeTime();
  private final AzureDevOpsRestClient client = Wire.client(server, time);

  private ServiceException projectsFailure() {
    return catchThrowableOfType(ServiceException.class, () -> client.projects(Wire.ORG, Optional.empty()));
  }

  @Test
  void aSignInPageWith203IsNotAuthorizedAndNeverParsed() {
    server.on("GET", Wire.PROJECTS, Reply.html(203, Payloads.text("signin-page.html")));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(e.statusCode()).isEqualTo(203);
    assertThat(e.getMessage()).contains("sign-in page").doesNotContain("<html");
    assertThat(e.remediation()).isPresent();
    assertThat(e.getCause()).isInstanceOf(ClientAuthenticationException.class);
  }

  @Test
  void anHtmlBodyOnA200IsNotAuthorized() {
    server.on("GET", Wire.PROJECTS, Reply.body(200, "application/json",
        "\n  <!DOCTYPE html><html><body>Sign in</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(e.statusCode()).isEqualTo(200);
  }

  @Test
  void tf400813IsRecognised() {
    server.on("GET", Wire.PROJECTS, Reply.json(401, Payloads.text("error-TF400813.json")));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.serviceErrorCode()).contains("TF400813");
    assertThat(e.getMessage())
        .contains("not authorized for the organization fabrikam")
        .contains("OAuth access is blocked by the organization's policy");
    assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r)
        .contains("Third-party application access via OAuth")
        .contains("https://dev.azure.com/fabrikam/_settings/organizationPolicy"));
    assertThat(e.getCause()).isInstanceOf(ClientAuthenticationException.class);
    assertThat(((HttpResponseException) e.getCause()).getResponse().getStatusCode()).isEqualTo(401);
    // Nothing is retried: a 401 does not get better.
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anUnknownOrganizationIsNotFound() {
    server.on("GET", "/nosuchorg/_apis/projects", Reply.json(404, Payloads.text("error-TF200016.json")));

    ServiceException e = catchThrowableOfType(ServiceException.class,
        () -> client.projects(OrganizationName.parse("nosuchorg"), Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.serviceErrorCode()).contains("TF200016");
    assertThat(e.getMessage()).contains("the organization nosuchorg does not exist");
    assertThat(e.getCause()).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void forbiddenIsNotAuthorizedWithAScopeHint() {
    server.on("GET", Wire.PROJECTS, Reply.json(403, "{\"message\":\"VS403403: Access denied.\",\"typeKey\":\"AccessCheckException\"}"));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
    assertThat(e.serviceErrorCode()).contains("VS403403");
    assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("scopes"));
  }

  @Test
  void aFailureNamesTheServiceAndCarriesTheRequestIdForASupportCase() {
    server.on("GET", Wire.PROJECTS, Reply.json(404,
        "{\"message\":\"TF200016: The following project does not exist: x.\"}")
        .header("ActivityId", "9c5b8d1a-0f3e-4a4e-8f1e-1a2b3c4d5e6f")
        .header("X-VSS-E2EID", "e2e-other"));

    ServiceException e = projectsFailure();

    assertThat(e.service()).isEqualTo("Azure DevOps");
    assertThat(e.requestId()).contains("9c5b8d1a-0f3e-4a4e-8f1e-1a2b3c4d5e6f");
    assertThat(e.serviceErrorCode()).contains("TF200016");
  }

  @Test
  void aBadRequestIsAProtocolFailure() {
    server.on("GET", Wire.PROJECTS, Reply.json(400,
        "{\"message\":\"VS800071: The requested version \\\"7.1\\\" of the resource is under preview.\"}"));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.serviceErrorCode()).contains("VS800071");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"count\":3,\"value\":[{\"id\":\"eb6e4656-77fc-42a1-9181",
      "{\"count\":3,\"value\":{\"id\":\"eb6e4656\"}}",
      "[1,2,3]",
      "{\"count\":1}",
      "{\"count\":1,\"value\":[{\"name\":\"no id\"}]}",
      "{\"count\":1,\"value\":[null]}",
      "{\"count\":0,\"value\":[]} trailing",
      "null",
      "not json at all"
  })
  void malformedOrUnexpectedJsonIsAProtocolFailure(String body) {
    server.on("GET", Wire.PROJECTS, Reply.json(200, body));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getCause()).isInstanceOf(DecodeException.class);
    assertThat(e.remediation()).isPresent();
  }

  @Test
  void anEmptyBodyIsAProtocolFailure() {
    server.on("GET", Wire.PROJECTS, Reply.empty(200));

    assertThat(projectsFailure().kind()).isEqualTo(Kind.PROTOCOL);
  }

  @Test
  void aRedirectIsNotFollowedAndCredentialsStayHome() {
    try (RawHttpServer elsewhere = RawHttpServer.start()) {
      elsewhere.on("GET", Wire.PROJECTS, Reply.json(200, Payloads.exampleBody("GET__projects.json")));
      server.on("GET", Wire.PROJECTS,
          Reply.empty(302).header("Location", elsewhere.url().replace("127.0.0.1", "localhost") + Wire.PROJECTS));

      ServiceException e = projectsFailure();

      assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
      assertThat(e.statusCode()).isEqualTo(302);
      assertThat(e.getMessage()).contains("redirecting to http://localhost:");
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void serverErrorsAreRetriedThenTransient() {
    server.on("GET", Wire.PROJECTS, Reply.json(503, Payloads.text("error-503.json")));

    ServiceException e = projectsFailure();

    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.serviceErrorCode()).contains("VS800075");
    assertThat(e.getCause()).isInstanceOf(HttpResponseException.class);
    assertThat(server.requests()).hasSize(5);
  }

  @Test
  void aConnectionThatIsRefusedIsTransientAfterRetries() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AzureDevOpsRestClient unreachable = new AzureDevOpsRestClientBuilder()
        .endpoint("http://127.0.0.1:" + port)
        .personalAccessToken(Wire.PAT)
        .clock(time).sleeper(time)
        .buildClient();

    ServiceException e = catchThrowableOfType(ServiceException.class,
        () -> unreachable.projects(Wire.ORG, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(e.statusCode()).isZero();
    assertThat(e.getCause()).isInstanceOf(ServiceResponseException.class);
    assertThat(e.getMessage()).contains("127.0.0.1:" + port);
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void theCauseCarriesTheResponseButNotTheCredential() {
    server.on("GET", Wire.PROJECTS, Reply.json(401, Payloads.text("error-TF400813.json")));

    ServiceException e = projectsFailure();

    HttpResponseException cause = (HttpResponseException) e.getCause();
    assertThat(cause.getResponse().getRequest().getHeaders().getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION))
        .isNull();
    assertThat(cause.getResponse().getBodyAsBinaryData().toString()).contains("TF400813");
  }
}
