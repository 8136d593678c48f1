package io.github.devopsconnector.core;

import java.util.Locale;

/**
 * A user's access level in an Azure DevOps organization, derived from the user entitlement
 * ({@code accessLevel.accountLicenseType}, {@code licensingSource}, {@code msdnLicenseType}). Onboarding needs
 * Basic or better: Basic, Basic + Test Plans, or a Visual Studio subscription. Stakeholder is not enough.
 */
public enum AccessLevel {
  /** Basic ({@code express}). */
  BASIC("Basic", true),
  /** Basic + Test Plans ({@code advanced}). */
  BASIC_PLUS_TEST_PLANS("Basic + Test Plans", true),
  /** Visual Studio subscriber (licensing source {@code msdn}); counts as Basic. */
  VISUAL_STUDIO_SUBSCRIBER("Visual Studio Subscriber", true),
  /** Stakeholder: free, limited access. Not sufficient to onboard. */
  STAKEHOLDER("Stakeholder", false),
  /** No access level assigned, or the entitlement is not active. */
  NONE("None", false);

  private final String displayName;
  private final boolean sufficient;

  AccessLevel(String displayName, boolean sufficient) {
    this.displayName = displayName;
    this.sufficient = sufficient;
  }

  /** The name the Azure DevOps portal shows. */
  public String displayName() {
    return displayName;
  }

  /** Whether this access level is enough to onboard the organization to a connector. */
  public boolean isSufficientToOnboard() {
    return sufficient;
  }

  /**
   * The access level an entitlement describes. Values compare ignoring case (real payloads spell both
   * {@code stakeholder} and {@code stakeHolder}); {@code null} counts as {@code none}.
   *
   * <table>
   *   <caption>Mapping</caption>
   *   <tr><th>accountLicenseType</th><th>licensingSource</th><th>msdnLicenseType</th><th>access level</th></tr>
   *   <tr><td>any</td><td>msdn</td><td>not none</td><td>{@link #VISUAL_STUDIO_SUBSCRIBER}</td></tr>
   *   <tr><td>express</td><td>any</td><td>any</td><td>{@link #BASIC}</td></tr>
   *   <tr><td>advanced</td><td>any</td><td>any</td><td>{@link #BASIC_PLUS_TEST_PLANS}</td></tr>
   *   <tr><td>stakeholder</td><td>any</td><td>any</td><td>{@link #STAKEHOLDER}</td></tr>
   *   <tr><td>professional, earlyAdopter</td><td>any</td><td>any</td><td>{@link #BASIC}</td></tr>
   *   <tr><td>anything else</td><td>any</td><td>any</td><td>{@link #NONE}</td></tr>
   * </table>
   */
  public static AccessLevel fromEntitlement(String accountLicenseType, String licensingSource, String msdnLicenseType) {
    String license = normalize(accountLicenseType);
    String source = normalize(licensingSource);
    String msdn = normalize(msdnLicenseType);
    if (source.equals("msdn") && !msdn.equals("none")) {
      return VISUAL_STUDIO_SUBSCRIBER;
    }
    switch (license) {
      case "express":
      case "professional":
      case "earlyadopter":
        return BASIC;
      case "advanced":
        return BASIC_PLUS_TEST_PLANS;
      case "stakeholder":
        return STAKEHOLDER;
      default:
        return NONE;
    }
  }

  private static String normalize(String value) {
    return value == null || value.isBlank() ? "none" : value.trim().toLowerCase(Locale.ROOT);
  }
}
