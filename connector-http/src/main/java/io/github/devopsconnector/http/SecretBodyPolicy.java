package io.github.devopsconnector.http;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.util.Context;
import java.util.Objects;
import java.util.Set;

/**
 * The last policy of a pipeline that sends secrets in bodies (one-time authorization codes): swaps a request's
 * redacted body for the real one after the logging policy has seen (and perhaps logged) the redacted one. Only to
 * the configured origins: the secret never goes anywhere else. A request carries its real body in its
 * {@link Context} under {@link #SECRET_BODY_KEY} ({@link #withSecretBody(Context, byte[])}).
 */
public final class SecretBodyPolicy extends HttpPipelineSyncPolicy {

  /** The context key of the real body ({@code byte[]}). */
  public static final String SECRET_BODY_KEY = "io.github.devopsconnector.http.secret-body";

  private final Set<String> origins;

  /**
   * A policy for these origins.
   *
   * @param origins the origins, as {@link Urls#origin(java.net.URI)} writes them
   */
  public SecretBodyPolicy(Set<String> origins) {
    this.origins = Set.copyOf(Objects.requireNonNull(origins, "origins"));
  }

  /**
   * The context with the real body of a request added.
   *
   * @param context the request's context
   * @param secretBody the real body
   * @return the new context
   */
  public static Context withSecretBody(Context context, byte[] secretBody) {
    return context.addData(SECRET_BODY_KEY, Objects.requireNonNull(secretBody, "secretBody"));
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    Object secret = context.getData(SECRET_BODY_KEY).orElse(null);
    if (!(secret instanceof byte[])) {
      return;
    }
    HttpRequest request = context.getHttpRequest();
    if (!origins.contains(Urls.origin(request.getUrl()))) {
      throw new IllegalStateException("Refusing to send a secret body to "
          + Urls.shorten(request.getUrl().toString()) + ", which is not the configured endpoint.");
    }
    request.setBody((byte[]) secret);
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "SecretBodyPolicy[****]";
  }
}
