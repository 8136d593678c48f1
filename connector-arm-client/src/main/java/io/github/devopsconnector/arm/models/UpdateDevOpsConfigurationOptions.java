package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A PATCH of a connector's {@code devops/default} configuration: only what is set is sent. With
 * {@link #authorization()} the service exchanges the new code (re-authorization: the caller becomes the
 * authorizing identity); with {@link #ifMatch()} it saves only if the configuration still has that etag.
 */
@Value.Immutable
public abstract class UpdateDevOpsConfigurationOptions {

  UpdateDevOpsConfigurationOptions() {}

  /** A new one-time authorization code to exchange. Never shown by {@link #toString()}. */
  @Value.Redacted
  public abstract Optional<AuthorizationCode> authorization();

  /** The new auto-discovery setting. */
  public abstract Optional<AutoDiscovery> autoDiscovery();

  /** The new organization list (used when auto-discovery is off). */
  public abstract Optional<List<String>> topLevelInventoryList();

  /** The new agentless scanning settings. */
  public abstract Optional<AgentlessConfiguration> agentlessConfiguration();

  /**
   * The etag the configuration must still have ({@code If-Match}); a different one fails with 412. One line of
   * printable text; {@code build()} refuses a value with a line break or control character.
   */
  public abstract Optional<String> ifMatch();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  final void check() {
    if (authorization().isEmpty() && autoDiscovery().isEmpty() && topLevelInventoryList().isEmpty()
        && agentlessConfiguration().isEmpty()) {
      throw new IllegalArgumentException("An update changes at least one setting or sends an authorization code.");
    }
    // A header value with CR/LF would be refused by the HTTP client after retries; refuse it before any request.
    ifMatch().ifPresent(etag -> io.github.devopsconnector.http.HeaderValues.require("If-Match", etag));
  }

  /** Builds {@link UpdateDevOpsConfigurationOptions}. */
  public static final class Builder extends ImmutableUpdateDevOpsConfigurationOptions.Builder {
    Builder() {}

    /**
     * Sets auto-discovery and the organization list from a selection: all existing and future is
     * {@code Enabled}; an explicit selection is {@code Disabled} with its names.
     *
     * @throws IllegalArgumentException for "all existing": give the explicit list it stands for instead
     */
    public Builder organizations(OrganizationSelection selection) {
      switch (selection.kind()) {
        case ALL_EXISTING_AND_FUTURE:
          autoDiscovery(AutoDiscovery.ENABLED);
          return this;
        case EXPLICIT:
          autoDiscovery(AutoDiscovery.DISABLED);
          topLevelInventoryList(selection.organizations().stream().map(OrganizationName::value)
              .collect(Collectors.toList()));
          return this;
        default:
          throw new IllegalArgumentException("ARM stores \"all existing organizations\" as the explicit list of "
              + "them; give that list (OrganizationSelection.explicit) instead.");
      }
    }
  }
}
