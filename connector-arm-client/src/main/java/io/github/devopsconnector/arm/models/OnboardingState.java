package io.github.devopsconnector.arm.models;

import com.azure.core.util.ExpandableStringEnum;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether an Azure DevOps organization, project or repository is onboarded ({@code onboardingState}). Values the
 * library does not know are kept as they are.
 */
public final class OnboardingState extends ExpandableStringEnum<OnboardingState> {

  /** Onboarded by this connector. */
  public static final OnboardingState ONBOARDED = known("Onboarded");
  /** Onboarded by another connector of the tenant; only top-level resources (organizations) report it. */
  public static final OnboardingState ONBOARDED_BY_OTHER_CONNECTOR = known("OnboardedByOtherConnector");
  /** Not onboarded by any connector. */
  public static final OnboardingState NOT_ONBOARDED = known("NotOnboarded");
  /** The state does not apply to this endpoint. */
  public static final OnboardingState NOT_APPLICABLE = known("NotApplicable");

  private static final List<OnboardingState> KNOWN =
      List.of(ONBOARDED, ONBOARDED_BY_OTHER_CONNECTOR, NOT_ONBOARDED, NOT_APPLICABLE);

  /**
   * Creates a value with no name; use {@link #fromString(String)} (required by {@link ExpandableStringEnum}).
   *
   * @deprecated use {@link #fromString(String)} or the constants
   */
  @Deprecated
  public OnboardingState() {}

  private static OnboardingState known(String name) {
    return fromString(name, OnboardingState.class);
  }

  /**
   * The state with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static OnboardingState fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.getValue().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> fromString(name, OnboardingState.class));
  }

  /** The known states. */
  public static Collection<OnboardingState> values() {
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
    return other instanceof OnboardingState && getValue() != null && getValue().equalsIgnoreCase(((OnboardingState) other).getValue());
  }

  @Override
  public int hashCode() {
    return getValue() == null ? 0 : getValue().toLowerCase(Locale.ROOT).hashCode();
  }
}
