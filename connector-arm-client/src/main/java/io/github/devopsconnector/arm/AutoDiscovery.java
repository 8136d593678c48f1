package io.github.devopsconnector.arm;

import java.util.List;
import java.util.Objects;

/** Whether a DevOps configuration onboards new organizations as they appear ({@code autoDiscovery}). */
public final class AutoDiscovery extends ExpandableValue {

  /** New organizations are onboarded; {@code topLevelInventoryList} is ignored. */
  public static final AutoDiscovery ENABLED = new AutoDiscovery("Enabled");
  /** Only the organizations of {@code topLevelInventoryList} are onboarded. */
  public static final AutoDiscovery DISABLED = new AutoDiscovery("Disabled");
  /** Auto-discovery does not apply. */
  public static final AutoDiscovery NOT_APPLICABLE = new AutoDiscovery("NotApplicable");

  private static final List<AutoDiscovery> KNOWN = List.of(ENABLED, DISABLED, NOT_APPLICABLE);

  private AutoDiscovery(String value) {
    super(value);
  }

  /**
   * The value with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static AutoDiscovery fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.value().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> new AutoDiscovery(name));
  }

  /** The known values. */
  public static List<AutoDiscovery> values() {
    return KNOWN;
  }
}
