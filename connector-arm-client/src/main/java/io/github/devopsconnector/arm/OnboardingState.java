package io.github.devopsconnector.arm;

import java.util.List;
import java.util.Objects;

/**
 * Whether an Azure DevOps organization, project or repository is onboarded ({@code onboardingState}). Values the
 * library does not know are kept as they are.
 */
public final class OnboardingState extends ExpandableValue {

  /** Onboarded by this connector. */
  public static final OnboardingState ONBOARDED = new OnboardingState("Onboarded");
  /** Onboarded by another connector of the tenant; only top-level resources (organizations) report it. */
  public static final OnboardingState ONBOARDED_BY_OTHER_CONNECTOR = new OnboardingState("OnboardedByOtherConnector");
  /** Not onboarded by any connector. */
  public static final OnboardingState NOT_ONBOARDED = new OnboardingState("NotOnboarded");
  /** The state does not apply to this endpoint. */
  public static final OnboardingState NOT_APPLICABLE = new OnboardingState("NotApplicable");

  private static final List<OnboardingState> KNOWN =
      List.of(ONBOARDED, ONBOARDED_BY_OTHER_CONNECTOR, NOT_ONBOARDED, NOT_APPLICABLE);

  private OnboardingState(String value) {
    super(value);
  }

  /**
   * The state with this name: a constant when known (ignoring case), else a new value.
   *
   * @throws NullPointerException if the name is null
   */
  public static OnboardingState fromString(String name) {
    Objects.requireNonNull(name, "name");
    return KNOWN.stream().filter(s -> s.value().equalsIgnoreCase(name)).findFirst()
        .orElseGet(() -> new OnboardingState(name));
  }

  /** The known states. */
  public static List<OnboardingState> values() {
    return KNOWN;
  }
}
