package io.github.devopsconnector.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the onboarding identity may do on the Azure side, in the connector's resource group: either the role it
 * holds, or the actions and not-actions that {@code Microsoft.Authorization/permissions} returned.
 */
@Value.Immutable
public abstract class AzurePermissions {

  /** The action needed to create or edit a connector. */
  public static final String WRITE_SECURITY_CONNECTORS = "Microsoft.Security/securityConnectors/write";

  AzurePermissions() {}

  /** The role held, when known. */
  public abstract Optional<AzureRole> role();

  /** Granted actions (wildcards such as {@code *} or {@code Microsoft.Security/*} allowed). */
  public abstract List<String> actions();

  /** Actions excluded from the granted ones. */
  public abstract List<String> notActions();

  /** Permissions of someone holding this role. */
  public static AzurePermissions ofRole(AzureRole role) {
    return ImmutableAzurePermissions.builder().role(role).build();
  }

  /** Permissions as {@code Microsoft.Authorization/permissions} lists them. */
  public static AzurePermissions ofActions(List<String> actions, List<String> notActions) {
    return ImmutableAzurePermissions.builder().addAllActions(actions).addAllNotActions(notActions).build();
  }

  /** Whether {@code Microsoft.Security/securityConnectors/write} is granted. */
  public final boolean canWriteSecurityConnectors() {
    if (role().isPresent() && role().get().canWriteSecurityConnectors()) {
      return true;
    }
    return isGranted(WRITE_SECURITY_CONNECTORS);
  }

  /** Whether an action is granted by {@link #actions()} and not removed by {@link #notActions()}. */
  public final boolean isGranted(String action) {
    return actions().stream().anyMatch(p -> matches(p, action)) && notActions().stream().noneMatch(p -> matches(p, action));
  }

  private static boolean matches(String pattern, String action) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String a = action.toLowerCase(Locale.ROOT);
    if (!p.contains("*")) {
      return p.equals(a);
    }
    String regex = java.util.regex.Pattern.quote(p).replace("*", "\\E.*\\Q");
    return a.matches(regex);
  }
}
