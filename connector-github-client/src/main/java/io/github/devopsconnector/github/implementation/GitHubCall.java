package io.github.devopsconnector.github.implementation;

import java.util.Objects;

/**
 * What a request is for, in words, for messages: {@code "list the app installations of contoso"}.
 *
 * @param operation what the client was doing, as a verb phrase
 */
public record GitHubCall(String operation) {

  /** Checks the value. */
  public GitHubCall {
    Objects.requireNonNull(operation, "operation");
  }
}
