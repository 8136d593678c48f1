package io.github.devopsconnector.arm.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Whether a DevOps configuration onboards new organizations as they appear ({@code autoDiscovery}). */
public final class AutoDiscovery extends ExpandableStringEnum<AutoDiscovery> {

  /** New organizations are onboarded; {@code topLevelInventoryList} is ignored. */
  public static final AutoDiscovery ENABLED = known("Enabled");
  /** Only the organizations of {@code topLevelInventoryList} are onboarded. */
  public static final AutoDiscovery DISABLED = known("Disabled");
  /** Auto-discovery does not apply. */
  public static final AutoDiscovery NOT_APPLICABLE = known("NotApplicable");

  private static final List<AutoDiscovery> KNOWN = List.of(ENABLED, DISABLED, NOT_APPLICABLE);

  /**
   * Creates a value with no name; use {@link #fromString(String)} (required by {@link ExpandableStringEnum}).
   *
   * @deprecated use {@link #fromString(String)} or the constants
   */
  @Deprecated
  public AutoDiscovery() {}

  private static AutoDiscovery known(String name) {
    return fromString(name, AutoDiscovery.class);
  }

  /**
   * The value with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static AutoDiscovery fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.getValue().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> fromString(name, AutoDiscovery.class));
  }

  /** The known values. */
  public static Collection<AutoDiscovery> values() {
    return KNOWN;
  }

  /**
   * The value as ARM spells it.
   *
   * @return the value
   */
  public String value() {
    return getValue();
  }

  /** Values compare ignoring case, as ARM does. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AutoDiscovery && getValue() != null && getValue().equalsIgnoreCase(((AutoDiscovery) other).getValue());
  }

  @Override
  public int hashCode() {
    return getValue() == null ? 0 : getValue().toLowerCase(Locale.ROOT).hashCode();
  }
}
