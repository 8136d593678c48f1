package io.github.devopsconnector.gitlab.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GitLab's error bodies (docs.gitlab.com/api/rest/troubleshooting#status-codes and api/rest/authentication):
 * {@code {"message": "401 Unauthorized"}}, a {@code message} that is an object of field errors
 * ({@code {"message": {"name": ["is too long"]}}}), or OAuth's {@code {"error": "insufficient_scope",
 * "error_description": "...", "scope": "..."}}.
 *
 * @param message a text, or an object of texts
 * @param error the OAuth error code
 * @param errorDescription the OAuth error's description
 */
public record ErrorDto(Object message, String error, @JsonProperty("error_description") String errorDescription) {

  /**
   * The body's words: the message, the object message's entries, or the OAuth description.
   *
   * @return the text, if any
   */
  public Optional<String> text() {
    if (message instanceof String) {
      return Optional.of((String) message).filter(m -> !m.isBlank());
    }
    if (message instanceof Map) {
      return Optional.of(((Map<?, ?>) message).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining("; "))).filter(m -> !m.isBlank());
    }
    if (errorDescription != null && !errorDescription.isBlank()) {
      return Optional.of(errorDescription);
    }
    return Optional.ofNullable(error).filter(e -> !e.isBlank());
  }
}
