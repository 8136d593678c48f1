package io.github.devopsconnector.azuredevops.implementation;

import io.github.devopsconnector.core.OrganizationName;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request is for, in words, for messages: {@code "list the projects of the organization fabrikam"}.
 *
 * @param operation what the client was doing, as a verb phrase
 * @param organization the organization, when the call is about one
 */
public record AdoCall(String operation, Optional<OrganizationName> organization) {

  /** Checks the values. */
  public AdoCall {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(organization, "organization");
  }

  /** A call that is not about one organization. */
  public static AdoCall of(String operation) {
    return new AdoCall(operation, Optional.empty());
  }

  /** A call about an organization. */
  public static AdoCall of(String operation, OrganizationName organization) {
    return new AdoCall(operation, Optional.of(organization));
  }

  /** The organization's name, or {@code "the organization"}. */
  String organizationText() {
    return organization.map(o -> "the organization " + o.value()).orElse("the organization");
  }
}
