package io.github.devopsconnector.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Context;
import com.azure.core.util.CoreUtils;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** What the clients' builders check and set up the same way: log options, client-option headers, HTTP clients. */
public final class Pipelines {
  /** Headers never logged, whatever the caller's log options allow. */
  private static final Set<String> NEVER_LOGGED = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie", "x-tfs-fedauthredirect-token");

  private Pipelines() {}

  /**
   * A copy of the caller's log options (or the defaults) that allows the service's diagnostic headers and query
   * parameters, and never the credential headers: azure-core redacts a header only when it is not allowed, so a
   * caller who allowed {@code Authorization} would otherwise log the credential.
   *
   * @param given the caller's options, or null
   * @param moreHeaders headers to allow as well (none carries a secret)
   * @param moreQueryParameters query parameters to allow as well
   * @return the copy
   */
  public static HttpLogOptions loggingOptions(HttpLogOptions given, Collection<String> moreHeaders,
      Collection<String> moreQueryParameters) {
    HttpLogOptions source = given == null ? new HttpLogOptions() : given;
    Set<String> allowedHeaders = new LinkedHashSet<>();
    for (String name : source.getAllowedHeaderNames()) {
      if (!NEVER_LOGGED.contains(name.toLowerCase(Locale.ROOT))) {
        allowedHeaders.add(name);
      }
    }
    allowedHeaders.addAll(moreHeaders);
    Set<String> allowedQuery = new LinkedHashSet<>(source.getAllowedQueryParamNames());
    allowedQuery.addAll(moreQueryParameters);
    HttpLogOptions copy = new HttpLogOptions()
        .setLogLevel(source.getLogLevel())
        .setAllowedHeaderNames(allowedHeaders)
        .setAllowedQueryParamNames(allowedQuery)
        .setPrettyPrintBody(source.isPrettyPrintBody())
        .disableRedactedHeaderLogging(source.isRedactedHeaderLoggingDisabled());
    if (source.getApplicationId() != null) {
      copy.setApplicationId(source.getApplicationId());
    }
    if (source.getRequestLogger() != null) {
      copy.setRequestLogger(source.getRequestLogger());
    }
    if (source.getResponseLogger() != null) {
      copy.setResponseLogger(source.getResponseLogger());
    }
    return copy;
  }

  /**
   * The headers of the caller's client options, checked before any request rather than when the HTTP client trips
   * over them.
   *
   * @param clientOptions the options, or null
   * @return the headers, possibly empty
   * @throws IllegalStateException naming the header and the problem (never the value)
   */
  public static HttpHeaders clientOptionHeaders(ClientOptions clientOptions) {
    HttpHeaders headers = CoreUtils.createHttpHeadersFromClientOptions(clientOptions);
    if (headers == null) {
      return new HttpHeaders();
    }
    for (HttpHeader header : headers) {
      for (String value : header.getValuesList()) {
        HeaderValues.problem(header.getName(), value).ifPresent(problem -> {
          throw new IllegalStateException("clientOptions: " + problem);
        });
      }
    }
    return headers;
  }

  /**
   * Probes a caller's HTTP client (one of azure-core's network clients; others are not probed) and refuses it if
   * it follows a redirect to another origin carrying the {@code Authorization} header ({@link RedirectProbe}).
   *
   * @param client the caller's client
   * @param setter the builder method it was given to, for the message ({@code "httpClient(...)"})
   * @throws IllegalStateException if it carries credentials along a redirect
   */
  public static void refuseRedirectFollowing(HttpClient client, String setter) {
    if (!RedirectProbe.isNetworkClient(client)) {
      return;
    }
    RedirectProbe.Verdict verdict = RedirectProbe.probe((url, header, value) -> {
      HttpRequest probe = new HttpRequest(HttpMethod.GET, url);
      probe.setHeader(HttpHeaderName.fromString(header), value);
      try (HttpResponse response = client.sendSync(probe, Context.NONE)) {
        if (response == null) {
          throw new IllegalStateException("no response");
        }
      }
    }, Duration.ofSeconds(2));
    if (verdict == RedirectProbe.Verdict.LEAKS_CREDENTIALS) {
      throw new IllegalStateException("The HTTP client given to " + setter + " follows redirects and carries the "
          + "Authorization header to the other host, so a redirect would hand the credential to whoever the server "
          + "points at. Turn redirects off in it (for the JDK client: "
          + "HttpClient.newBuilder().followRedirects(Redirect.NEVER)), or leave " + setter + " unset.");
    }
  }
}
