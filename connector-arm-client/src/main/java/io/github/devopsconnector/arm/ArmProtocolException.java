package io.github.devopsconnector.arm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;

/**
 * Azure Resource Manager answered in a way the API does not allow for a listing: a {@code nextLink} that leads back
 * to a page already read, a page that repeats items already seen, or more pages than the client's maximum. The
 * listing stops instead of running forever; {@link #listing()} names it.
 */
public final class ArmProtocolException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final String listing;

  /**
   * A protocol failure.
   *
   * @param message what happened and what to do (never a secret)
   * @param response the response that broke the protocol
   * @param listing what was being listed, e.g. {@code securityConnectors}
   */
  public ArmProtocolException(String message, HttpResponse response, String listing) {
    super(message, response, null);
    this.listing = listing;
  }

  /** What was being listed. */
  public String listing() {
    return listing;
  }

  /** What to do about it. */
  public String remediation() {
    return "The service broke the paging protocol; retry later, and if it persists report it with the response's "
        + "x-ms-request-id. A larger maxPages on the client builder helps only when the listing is truly that long.";
  }
}
