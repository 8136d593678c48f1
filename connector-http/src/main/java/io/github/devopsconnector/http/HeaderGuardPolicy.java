package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.util.Optional;

/**
 * The last check before a request leaves: every header value must be one line of printable text. A credential
 * with a control character (a token pasted with a line break, a {@code TokenCredential} that returns garbage) or a
 * header value with CR/LF is refused here, with a message that names the header and the problem but not the value,
 * instead of reaching the JDK HTTP client, whose error message would hold the whole header, credential included.
 */
public final class HeaderGuardPolicy extends HttpPipelineSyncPolicy {

  /** A header value that may not be sent; the message never contains the value. */
  public static final class InvalidHeaderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final boolean credential;

    InvalidHeaderException(String message, boolean credential) {
      super(message);
      this.credential = credential;
    }

    /**
     * Whether the header carries a credential.
     *
     * @return whether it is a credential header
     */
    public boolean isCredential() {
      return credential;
    }
  }

  /** A guard. */
  public HeaderGuardPolicy() {}

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    for (HttpHeader header : context.getHttpRequest().getHeaders()) {
      for (String value : header.getValuesList()) {
        Optional<String> problem = HeaderValues.problem(header.getName(), value);
        if (problem.isPresent()) {
          throw new InvalidHeaderException(problem.get(), HeaderValues.isSecret(header.getName()));
        }
      }
    }
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "HeaderGuardPolicy";
  }
}
