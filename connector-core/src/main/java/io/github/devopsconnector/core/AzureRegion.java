package io.github.devopsconnector.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Azure public-cloud region. {@link #find(String)} accepts the forms people write: {@code Central US},
 * {@code centralus} and {@code CentralUS} are the same region.
 */
public final class AzureRegion {

  private static final Map<String, AzureRegion> KNOWN = new LinkedHashMap<>();

  static {
    String[][] regions = {
      {"eastus", "East US"}, {"eastus2", "East US 2"}, {"southcentralus", "South Central US"},
      {"westus2", "West US 2"}, {"westus3", "West US 3"}, {"australiaeast", "Australia East"},
      {"southeastasia", "Southeast Asia"}, {"northeurope", "North Europe"}, {"swedencentral", "Sweden Central"},
      {"uksouth", "UK South"}, {"westeurope", "West Europe"}, {"centralus", "Central US"},
      {"southafricanorth", "South Africa North"}, {"centralindia", "Central India"}, {"eastasia", "East Asia"},
      {"indonesiacentral", "Indonesia Central"}, {"japaneast", "Japan East"}, {"japanwest", "Japan West"},
      {"koreacentral", "Korea Central"}, {"malaysiawest", "Malaysia West"},
      {"newzealandnorth", "New Zealand North"}, {"canadacentral", "Canada Central"},
      {"francecentral", "France Central"}, {"germanywestcentral", "Germany West Central"},
      {"italynorth", "Italy North"}, {"norwayeast", "Norway East"}, {"polandcentral", "Poland Central"},
      {"spaincentral", "Spain Central"}, {"switzerlandnorth", "Switzerland North"},
      {"mexicocentral", "Mexico Central"}, {"uaenorth", "UAE North"}, {"brazilsouth", "Brazil South"},
      {"israelcentral", "Israel Central"}, {"qatarcentral", "Qatar Central"}, {"chilecentral", "Chile Central"},
      {"austriaeast", "Austria East"}, {"belgiumcentral", "Belgium Central"}, {"denmarkeast", "Denmark East"},
      {"northcentralus", "North Central US"}, {"westus", "West US"}, {"westcentralus", "West Central US"},
      {"australiacentral", "Australia Central"}, {"australiacentral2", "Australia Central 2"},
      {"australiasoutheast", "Australia Southeast"}, {"southindia", "South India"}, {"westindia", "West India"},
      {"jioindiawest", "Jio India West"}, {"jioindiacentral", "Jio India Central"},
      {"koreasouth", "Korea South"}, {"canadaeast", "Canada East"}, {"francesouth", "France South"},
      {"germanynorth", "Germany North"}, {"norwaywest", "Norway West"},
      {"switzerlandwest", "Switzerland West"}, {"ukwest", "UK West"}, {"uaecentral", "UAE Central"},
      {"brazilsoutheast", "Brazil Southeast"}, {"southafricawest", "South Africa West"},
    };
    for (String[] region : regions) {
      KNOWN.put(region[0], new AzureRegion(region[0], region[1]));
    }
  }

  /**
   * Region names of the national clouds, from {@code az account list-locations} in each: Azure Government
   * (https://learn.microsoft.com/azure/azure-government/documentation-government-developer-guide) and Azure operated
   * by 21Vianet (https://learn.microsoft.com/azure/china/resources-developer-guide).
   */
  private static final Map<String, String[]> NATIONAL = new LinkedHashMap<>();

  static {
    String[][] government = {{"usgovvirginia", "USGov Virginia"}, {"usgovtexas", "USGov Texas"},
      {"usgovarizona", "USGov Arizona"}, {"usgoviowa", "USGov Iowa"}, {"usdodeast", "USDoD East"},
      {"usdodcentral", "USDoD Central"}};
    String[][] china = {{"chinaeast", "China East"}, {"chinaeast2", "China East 2"}, {"chinaeast3", "China East 3"},
      {"chinanorth", "China North"}, {"chinanorth2", "China North 2"}, {"chinanorth3", "China North 3"}};
    for (String[] region : government) {
      NATIONAL.put(region[0], new String[] {region[1], AzureCloud.US_GOVERNMENT.name()});
    }
    for (String[] region : china) {
      NATIONAL.put(region[0], new String[] {region[1], AzureCloud.CHINA.name()});
    }
  }

  /** Central US. */
  public static final AzureRegion CENTRAL_US = KNOWN.get("centralus");
  /** East US. */
  public static final AzureRegion EAST_US = KNOWN.get("eastus");
  /** West Europe. */
  public static final AzureRegion WEST_EUROPE = KNOWN.get("westeurope");

  private static final Set<AzureRegion> DEVOPS_DEFAULT =
      Stream.of("eastasia", "australiaeast", "canadacentral", "westeurope", "northeurope", "swedencentral",
              "uksouth", "eastus", "centralus")
          .map(KNOWN::get)
          .collect(Collectors.collectingAndThen(Collectors.toCollection(java.util.LinkedHashSet::new),
              Collections::unmodifiableSet));

  private final String name;
  private final String displayName;

  private AzureRegion(String name, String displayName) {
    this.name = name;
    this.displayName = displayName;
  }

  /** The programmatic name ARM uses, e.g. {@code centralus}. */
  public String name() {
    return name;
  }

  /** The display name, e.g. {@code Central US}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The known region with this name, in any of its usual spellings: spaces and case are ignored, so
   * {@code "Central US"}, {@code "centralus"} and {@code "CentralUS"} all find Central US. Anything with
   * characters other than ASCII letters, digits and spaces finds nothing.
   */
  public static Optional<AzureRegion> find(String text) {
    return key(text).map(KNOWN::get);
  }

  /**
   * The national cloud (Azure Government, Azure operated by 21Vianet) a region name belongs to, in any of its usual
   * spellings ({@code usgovvirginia}, {@code USGov Virginia}); empty for public-cloud and unknown names.
   */
  public static Optional<AzureCloud> nationalCloudOf(String text) {
    return key(text).map(NATIONAL::get).map(entry -> AzureCloud.valueOf(entry[1]));
  }

  /** The display name of a national-cloud region ({@code USGov Virginia}), when {@link #nationalCloudOf} knows it. */
  public static Optional<String> nationalDisplayName(String text) {
    return key(text).map(NATIONAL::get).map(entry -> entry[0]);
  }

  private static Optional<String> key(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        key.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        key.append(c);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(key.toString());
  }

  /**
   * The known region with this name.
   *
   * @throws IllegalArgumentException if it is not a known Azure region
   */
  public static AzureRegion parse(String text) {
    return find(text).orElseThrow(() -> new IllegalArgumentException("Not an Azure region: " + Texts.quote(text)));
  }

  /** Every Azure public-cloud region this library knows, in a stable order. */
  public static Set<AzureRegion> knownRegions() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(KNOWN.values()));
  }

  /**
   * The regions where Defender for Cloud offers DevOps connectors, as documented in January 2025: East Asia,
   * Australia East, Canada Central, West Europe, North Europe, Sweden Central, UK South, East US and Central
   * US. {@link ConnectorBuilder#supportedRegions(java.util.Collection)} replaces it when the list changes.
   */
  public static Set<AzureRegion> devOpsSupportedRegions() {
    return DEVOPS_DEFAULT;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AzureRegion && ((AzureRegion) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return displayName + " (" + name + ")";
  }
}
