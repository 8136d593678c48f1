package io.github.devopsconnector.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a {@link Connector} from input as people have it (plain strings copied from the portal, a CLI or a
 * configuration file) and checks every rule before anything is created.
 *
 * <pre>{@code
 * ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
 *     .name("ado-connector")
 *     .subscription("8b090c71-cfba-494d-87a6-e10b321a0d98")
 *     .resourceGroup("security-rg")
 *     .region("Central US")
 *     .tenant("3d1e4b5c-7a2f-4e8b-9c6d-0f1a2b3c4d5e")
 *     .owner(Identity.of("5f1c2a3e-0000-4000-8000-000000000001", "Ada"))
 *     .allExistingAndFutureOrganizations();
 * ValidationReport report = builder.validate();   // every problem at once
 * Connector connector = builder.build();          // or ConnectorValidationException
 * }</pre>
 *
 * <p><b>Nothing throws until {@link #build()}.</b> Setters accept anything, {@code null} included, and keep it;
 * {@link #validate()} turns every problem into a {@link Finding} with a stable {@link FindingCode}, a subject, a
 * message that says what is wrong and a remediation that says what to do. Each setter replaces what an earlier
 * call of the same setter gave.
 *
 * <p><b>Subjects.</b> {@code name}, {@code subscription}, {@code resourceGroup}, {@code region}, {@code cloud},
 * {@code tenant}, {@code owner}, {@code offerings}, {@code azurePermissions}, {@code organizations}, and
 * {@code organization:<name>} for the per-organization rules of {@link OrganizationChecks}.
 *
 * <p><b>Whitespace is refused, never trimmed.</b> A value that is blank or starts or ends with whitespace
 * ({@code " centralus"}, {@code "my-rg "}, a trailing newline) gives a finding that says so: the connector
 * created must be exactly the one checked, and padding usually means a copy-and-paste accident. Spaces inside
 * a region name ({@code "Central US"}) are part of its display name and are accepted.
 *
 * <p><b>Messages are safe to show and log.</b> User input appears in them only through a bounded, escaped
 * rendering (at most 80 characters, control and invisible characters as {@code \}{@code uXXXX}), and a
 * character that breaks a rule is named by code point and Unicode name, so that a Cyrillic {@code а} is not
 * mistaken for a Latin {@code a}.
 *
 * <p>A builder is not thread-safe; {@link #validate()} and {@link #build()} may be called any number of times.
 */
public final class ConnectorBuilder {

  private static final String WRITE = AzurePermissions.WRITE_SECURITY_CONNECTORS;
  /** Microsoft's GitHub quickstart: "The connector name is limited to 20 characters" for GitHub connectors. */
  private static final int GITHUB_NAME_LIMIT = 20;
  private static final String PADDING_FIX =
      "Remove the whitespace before and after the value: it is refused rather than trimmed. ";

  private enum SelectionSource { NOT_SET, SELECTION, NAMES }

  /** One entry of {@link #offerings(String...)} or {@link #offerings(Offering...)}. */
  private static final class OfferingInput {
    final String text;
    final Offering value;
    final boolean fromText;

    OfferingInput(String text, Offering value, boolean fromText) {
      this.text = text;
      this.value = value;
      this.fromText = fromText;
    }
  }

  private final DevOpsPlatform platform;
  private String name;
  private String subscription;
  private String resourceGroup;
  private String region;
  private AzureCloud cloud = AzureCloud.COMMERCIAL;
  private String cloudText;
  private boolean cloudGivenAsText;
  private List<OfferingInput> offerings;
  private boolean offeringsNull;
  private SelectionSource selectionSource = SelectionSource.NOT_SET;
  private OrganizationSelection selection;
  private List<String> organizationNames;
  private Identity owner;
  private String tenant;
  private AzurePermissions azurePermissions;
  private List<OrganizationFacts> organizationFacts = List.of();
  private Set<AzureRegion> supportedRegions = AzureRegion.devOpsSupportedRegions();

  private ConnectorBuilder(DevOpsPlatform platform) {
    this.platform = platform;
  }

  /** A builder for an Azure DevOps connector. */
  public static ConnectorBuilder azureDevOps() {
    return new ConnectorBuilder(DevOpsPlatform.AZURE_DEVOPS);
  }

  /**
   * A builder for a GitHub connector. The Azure side is the same as for Azure DevOps; the differences are GitHub's:
   * the name has at most 20 characters, the "organizations" are GitHub owners named by login (1 to 39 letters,
   * digits and single hyphens), and their facts are {@link OrganizationFacts#gitHub(GitHubOwnerFacts)}, judged by
   * {@link GitHubOwnerChecks}.
   *
   * <pre>{@code
   * Connector connector = ConnectorBuilder.gitHub()
   *     .name("gh-connector").subscription(subscription).resourceGroup("security-rg").region("West Europe")
   *     .tenant(tenant).owner(owner)
   *     .organizations("contoso", "contoso-labs")   // or allExistingOrganizations()
   *     .build();
   * }</pre>
   */
  public static ConnectorBuilder gitHub() {
    return new ConnectorBuilder(DevOpsPlatform.GITHUB);
  }

  /**
   * A builder for a GitLab connector. The Azure side is the same as for Azure DevOps (Microsoft's GitLab quickstart
   * sets no name limit of its own, so the name follows {@link ConnectorName}'s rule); the "organizations" are
   * GitLab top-level groups named by path (1 to 255 letters, digits, {@code _ - .}), and their facts are
   * {@link OrganizationFacts#gitLab(GitLabGroupFacts)}, judged by {@link GitLabGroupChecks}.
   *
   * <pre>{@code
   * Connector connector = ConnectorBuilder.gitLab()
   *     .name("gitlab-connector").subscription(subscription).resourceGroup("security-rg").region("West Europe")
   *     .tenant(tenant).owner(owner)
   *     .organizations("contoso", "contoso.labs")   // top-level group paths, or allExistingOrganizations()
   *     .build();
   * }</pre>
   */
  public static ConnectorBuilder gitLab() {
    return new ConnectorBuilder(DevOpsPlatform.GITLAB);
  }

  /**
   * A builder for a connector of this platform; {@code forPlatform(DevOpsPlatform.GITHUB)} is {@link #gitHub()} and
   * {@code forPlatform(DevOpsPlatform.GITLAB)} is {@link #gitLab()}.
   *
   * @throws IllegalArgumentException if the platform is {@code null}: without it there is nothing to build
   */
  public static ConnectorBuilder forPlatform(DevOpsPlatform platform) {
    if (platform == null) {
      throw new IllegalArgumentException("The DevOps platform is missing: use ConnectorBuilder.azureDevOps() or "
          + "ConnectorBuilder.gitHub() or ConnectorBuilder.gitLab().");
    }
    return new ConnectorBuilder(platform);
  }

  /** The platform this builder builds a connector for. */
  public DevOpsPlatform platform() {
    return platform;
  }

  /** The connector's resource name (checked by {@link ConnectorName}'s rule). */
  public ConnectorBuilder name(String name) {
    this.name = name;
    return this;
  }

  /** The id of the subscription the connector is created in: a GUID. */
  public ConnectorBuilder subscription(String subscriptionId) {
    this.subscription = subscriptionId;
    return this;
  }

  /** The resource group the connector is created in (checked by {@link ResourceGroupName}'s rule). */
  public ConnectorBuilder resourceGroup(String resourceGroup) {
    this.resourceGroup = resourceGroup;
    return this;
  }

  /**
   * The Azure region, in any usual spelling: {@code "Central US"}, {@code "centralus"}, {@code "CentralUS"} and
   * {@code "central us"} are the same region. It must be one of the {@link #supportedRegions(Collection)}.
   */
  public ConnectorBuilder region(String region) {
    this.region = region;
    return this;
  }

  /** The Azure cloud; {@link AzureCloud#COMMERCIAL} unless set, and the only one DevOps connectors exist in. */
  public ConnectorBuilder cloud(AzureCloud cloud) {
    this.cloud = cloud;
    this.cloudGivenAsText = false;
    return this;
  }

  /** The Azure cloud by name, as {@link AzureCloud#parse(String)} reads it ({@code AzureCloud}, {@code public}, …). */
  public ConnectorBuilder cloud(String cloud) {
    this.cloudText = cloud;
    this.cloudGivenAsText = true;
    return this;
  }

  /**
   * The offerings by their ARM names ({@code CspmMonitorAzureDevOps}), ignoring case. Unset, the connector gets
   * {@link Offering#defaultFor(DevOpsPlatform)}, which is what nearly every connector needs.
   */
  public ConnectorBuilder offerings(String... offerings) {
    this.offeringsNull = offerings == null;
    this.offerings = offerings == null ? null
        : Arrays.stream(offerings).map(text -> new OfferingInput(text, null, true)).collect(Collectors.toList());
    return this;
  }

  /** The offerings. Unset, the connector gets {@link Offering#defaultFor(DevOpsPlatform)}. */
  public ConnectorBuilder offerings(Offering... offerings) {
    this.offeringsNull = offerings == null;
    this.offerings = offerings == null ? null
        : Arrays.stream(offerings).map(value -> new OfferingInput(null, value, false)).collect(Collectors.toList());
    return this;
  }

  /** Onboards every organization the authorizing user administers today ({@code autoDiscovery} disabled). */
  public ConnectorBuilder allExistingOrganizations() {
    return organizations(OrganizationSelection.allExisting());
  }

  /** Onboards every organization the authorizing user administers, today and later (auto-discovery). */
  public ConnectorBuilder allExistingAndFutureOrganizations() {
    return organizations(OrganizationSelection.allExistingAndFuture());
  }

  /**
   * Onboards exactly these organizations, by name. The list must not be empty, every name must be a valid
   * {@link OrganizationName}, and no organization may be named twice (names compare ignoring case).
   */
  public ConnectorBuilder organizations(String... organizations) {
    this.selectionSource = SelectionSource.NAMES;
    this.selection = null;
    this.organizationNames = organizations == null ? null : new ArrayList<>(Arrays.asList(organizations));
    return this;
  }

  /** Onboards the organizations of this selection. */
  public ConnectorBuilder organizations(OrganizationSelection selection) {
    this.selectionSource = SelectionSource.SELECTION;
    this.selection = selection;
    this.organizationNames = null;
    return this;
  }

  /** The identity whose authorization the connector will use: its owner. */
  public ConnectorBuilder owner(Identity owner) {
    this.owner = owner;
    return this;
  }

  /** The Microsoft Entra tenant id of the subscription: a GUID. */
  public ConnectorBuilder tenant(String tenantId) {
    this.tenant = tenantId;
    return this;
  }

  /**
   * What the caller may do in the resource group, when known (from its role or from
   * {@code Microsoft.Authorization/permissions}). Unset or {@code null}, permissions are not checked.
   */
  public ConnectorBuilder azurePermissions(AzurePermissions permissions) {
    this.azurePermissions = permissions;
    return this;
  }

  /**
   * What is known about the authorizing user in each organization, checked with
   * {@link OrganizationChecks#check(OrganizationFacts, Optional)}. Facts about an organization that an explicit
   * selection leaves out are not checked; when one organization has several facts, the last one counts.
   * {@code null} (the array or an entry) means nothing is known, like facts that were never given.
   *
   * @throws IllegalArgumentException if facts are about another platform than the builder's (a programming
   *     error, not bad input: GitHub facts come from {@link OrganizationFacts#gitHub(GitHubOwnerFacts)})
   */
  public ConnectorBuilder organizationFacts(OrganizationFacts... facts) {
    List<OrganizationFacts> given = facts == null ? List.of()
        : Arrays.stream(facts).filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
    for (OrganizationFacts fact : given) {
      if (fact.platform() != platform) {
        throw new IllegalArgumentException("The facts about " + fact.organization() + " are about "
            + fact.platform().displayName() + ", but this builder builds a " + platform.displayName()
            + " connector.");
      }
    }
    this.organizationFacts = given;
    return this;
  }

  /**
   * Replaces the regions where DevOps connectors are offered ({@link AzureRegion#devOpsSupportedRegions()} by
   * default), for when Microsoft changes the list. {@code null} restores the default; {@code null} entries are
   * skipped; an empty collection allows no region at all.
   */
  public ConnectorBuilder supportedRegions(Collection<AzureRegion> regions) {
    this.supportedRegions = regions == null ? AzureRegion.devOpsSupportedRegions()
        : Collections.unmodifiableSet(regions.stream().filter(Objects::nonNull)
            .collect(Collectors.<AzureRegion, Set<AzureRegion>>toCollection(LinkedHashSet::new)));
    return this;
  }

  /**
   * Checks every rule and reports every finding at once, in a stable order: connector fields first, then the
   * organization selection, then each organization's facts.
   *
   * @return the report; {@link ValidationReport#isValid()} tells whether {@link #build()} would succeed
   */
  public ValidationReport validate() {
    return new Evaluation().report;
  }

  /**
   * The connector, when no finding is an error (warnings do not block).
   *
   * @throws ConnectorValidationException if any finding is an error; it carries the whole report and its
   *     message lists every finding
   */
  public Connector build() {
    Evaluation evaluation = new Evaluation();
    if (!evaluation.report.isValid()) {
      throw new ConnectorValidationException(evaluation.report);
    }
    return Connector.trustedBuilder()
        .name(evaluation.name)
        .subscription(evaluation.subscription)
        .resourceGroup(evaluation.resourceGroup)
        .region(evaluation.region)
        .cloud(evaluation.cloud)
        .platform(platform)
        .addAllOfferings(evaluation.offerings)
        .organizations(evaluation.selection)
        .owner(owner)
        .tenant(evaluation.tenant)
        .build();
  }

  /** One pass over the builder's state: the findings and, where valid, the parsed values. */
  private final class Evaluation {
    private final List<Finding> findings = new ArrayList<>();
    private ConnectorName name;
    private SubscriptionId subscription;
    private ResourceGroupName resourceGroup;
    private AzureRegion region;
    private AzureCloud cloud;
    private TenantId tenant;
    private List<Offering> offerings;
    private OrganizationSelection selection;
    private final ValidationReport report;

    Evaluation() {
      String raw = ConnectorBuilder.this.name;
      if (field(FindingCode.CONNECTOR_NAME_INVALID, "name", raw, ConnectorName.problem(raw),
          "Use 1 to 64 ASCII letters, digits, hyphens, underscores and periods, starting with a letter or digit "
              + "and ending with neither a period nor a hyphen, such as ado-connector-prod.")) {
        name = ConnectorName.parse(raw);
        if (platform == DevOpsPlatform.GITHUB && raw.length() > GITHUB_NAME_LIMIT) {
          name = null;
          add(FindingCode.CONNECTOR_NAME_INVALID, "name", "The connector name " + Texts.quote(raw) + " has "
              + raw.length() + " characters; a GitHub connector's name has at most " + GITHUB_NAME_LIMIT + ".",
              "Use a name of 1 to " + GITHUB_NAME_LIMIT + " characters, such as gh-connector-prod.");
        }
      }
      raw = ConnectorBuilder.this.subscription;
      if (field(FindingCode.SUBSCRIPTION_ID_INVALID, "subscription", raw, SubscriptionId.problem(raw),
          "Use the subscription id, a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) that az account show --query id "
              + "prints, not the subscription's display name.")) {
        subscription = SubscriptionId.parse(raw);
      }
      raw = ConnectorBuilder.this.resourceGroup;
      if (field(FindingCode.RESOURCE_GROUP_NAME_INVALID, "resourceGroup", raw, ResourceGroupName.problem(raw),
          "Use the name of an existing resource group: 1 to 90 ASCII letters, digits, underscores, parentheses, "
              + "hyphens and periods, not ending with a period.")) {
        resourceGroup = ResourceGroupName.parse(raw);
      }
      checkRegion();
      checkCloud();
      raw = ConnectorBuilder.this.tenant;
      if (field(FindingCode.TENANT_ID_INVALID, "tenant", raw, TenantId.problem(raw),
          "Use the Microsoft Entra tenant id of the subscription, a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) "
              + "that az account show --query tenantId prints, not the tenant's domain name.")) {
        tenant = TenantId.parse(raw);
      }
      if (owner == null) {
        add(FindingCode.OWNER_MISSING, "owner", "The connector's owner is missing.",
            "Set owner(Identity) to the identity that authorizes the connector in " + platform.displayName()
                + ": the connector uses its authorization, and only it can edit the connector without "
                + "re-authorizing.");
      }
      checkOfferings();
      checkPermissions();
      checkSelection();
      checkOrganizations();
      report = ValidationReport.of(findings);
    }

    private void add(FindingCode code, String subject, String message, String remediation) {
      findings.add(Finding.of(code, subject, message, remediation));
    }

    /** Reports a value type's problem, if any; true when the raw value is valid. */
    private boolean field(FindingCode code, String subject, String raw, Optional<String> problem, String fix) {
      if (problem.isEmpty()) {
        return true;
      }
      add(code, subject, problem.get(), Texts.isPadded(raw) ? PADDING_FIX + fix : fix);
      return false;
    }

    private void checkRegion() {
      String raw = ConnectorBuilder.this.region;
      String supported = supportedRegions.isEmpty() ? "none is configured"
          : supportedRegions.stream().map(AzureRegion::toString).collect(Collectors.joining(", "));
      String fix = "Use an Azure region name such as centralus or Central US (az account list-locations lists "
          + "them); DevOps connectors are offered in: " + supported + ".";
      if (raw == null) {
        add(FindingCode.REGION_UNKNOWN, "region", "The region is missing.", fix);
        return;
      }
      Optional<String> whitespace = Texts.whitespaceProblem("region", raw);
      if (whitespace.isPresent()) {
        add(FindingCode.REGION_UNKNOWN, "region", whitespace.get(), Texts.isPadded(raw) ? PADDING_FIX + fix : fix);
        return;
      }
      Optional<AzureRegion> found = AzureRegion.find(raw);
      Optional<AzureCloud> national = AzureRegion.nationalCloudOf(raw);
      if (found.isEmpty() && national.isPresent()) {
        add(FindingCode.CLOUD_NOT_SUPPORTED, "region", "The region " + Texts.quote(raw) + " ("
            + AzureRegion.nationalDisplayName(raw).orElse(raw) + ") is in " + cloudName(national.get()) + " ("
            + national.get().cliName() + "); Defender for Cloud DevOps connectors exist only in the Azure commercial "
            + "cloud.", "Create the connector in a subscription of the Azure commercial cloud, in one of: "
            + supported + ".");
        return;
      }
      if (found.isEmpty()) {
        add(FindingCode.REGION_UNKNOWN, "region", unknownRegion(raw), fix);
        return;
      }
      if (!supportedRegions.contains(found.get())) {
        add(FindingCode.REGION_NOT_SUPPORTED, "region",
            "DevOps connectors are not offered in " + found.get() + ". Supported regions: " + supported + ".",
            supportedRegions.isEmpty()
                ? "supportedRegions(...) was given an empty list: give the regions where connectors are offered, "
                    + "or null for the default list."
                : "Create the connector in one of the supported regions listed above; if Microsoft has added "
                    + "regions since, pass the current list to supportedRegions(...).");
        return;
      }
      region = found.get();
    }

    private String unknownRegion(String raw) {
      if (raw.isEmpty()) {
        return "The region is empty.";
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (!(c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
          return "The region " + Texts.quote(raw) + " is not an Azure region name: position " + (i + 1) + " ("
              + Texts.describeAt(raw, i) + ") is not an ASCII letter, digit or space.";
        }
      }
      return "The region " + Texts.quote(raw) + " is not an Azure region name this library knows.";
    }

    private void checkCloud() {
      String fix = "Use the Azure commercial cloud (AzureCloud.COMMERCIAL), the only cloud with DevOps connectors.";
      AzureCloud chosen = ConnectorBuilder.this.cloud;
      if (cloudGivenAsText) {
        String raw = cloudText;
        if (raw == null) {
          add(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", "The cloud is missing.", fix);
          return;
        }
        Optional<String> whitespace = Texts.whitespaceProblem("cloud", raw);
        if (whitespace.isPresent()) {
          add(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", whitespace.get(),
              Texts.isPadded(raw) ? PADDING_FIX + fix : fix);
          return;
        }
        Optional<AzureCloud> parsed = AzureCloud.parse(raw);
        if (parsed.isEmpty()) {
          add(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", "The cloud " + Texts.quote(raw)
              + " is not an Azure cloud name; known names are AzureCloud, AzureUSGovernment and AzureChinaCloud.",
              fix);
          return;
        }
        chosen = parsed.get();
      } else if (chosen == null) {
        add(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", "The cloud is missing.", fix);
        return;
      }
      if (!chosen.supportsDevOpsConnectors()) {
        add(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", "DevOps connectors are offered in the Azure commercial cloud "
            + "only; " + cloudName(chosen) + " (" + chosen.cliName() + ") is not supported.", fix);
        return;
      }
      cloud = chosen;
    }

    private void checkOfferings() {
      Offering expected = Offering.defaultFor(platform);
      String fix = "Use " + expected.armName() + ", the offering of " + platform.displayName()
          + " connectors (or leave offerings unset).";
      if (offeringsNull) {
        add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "The offerings are missing (null).", fix);
        return;
      }
      if (ConnectorBuilder.this.offerings == null) {
        offerings = List.of(expected);
        return;
      }
      List<OfferingInput> inputs = ConnectorBuilder.this.offerings;
      if (inputs.isEmpty()) {
        add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings",
            "No offering was given; " + platform.displayName() + " connectors need " + expected.armName() + ".",
            fix);
        return;
      }
      Set<Offering> accepted = new LinkedHashSet<>();
      boolean ok = true;
      for (int i = 0; i < inputs.size(); i++) {
        String entry = inputs.size() == 1 ? "" : " (entry " + (i + 1) + " of " + inputs.size() + ")";
        Optional<Offering> offering = offering(inputs.get(i), entry, fix);
        if (offering.isEmpty()) {
          ok = false;
        } else if (!accepted.add(offering.get())) {
          ok = false;
          add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings",
              "The offering " + offering.get().armName() + " is listed more than once" + entry + ".",
              "List each offering once.");
        }
      }
      if (ok) {
        offerings = List.copyOf(accepted);
      }
    }

    /** The offering of one entry, or empty after reporting why it cannot be used. */
    private Optional<Offering> offering(OfferingInput input, String entry, String fix) {
      Offering offering = input.value;
      if (input.fromText) {
        String raw = input.text;
        if (raw == null) {
          add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "An offering is missing (null)" + entry + ".", fix);
          return Optional.empty();
        }
        Optional<String> whitespace = Texts.whitespaceProblem("offering", raw);
        if (whitespace.isPresent()) {
          add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", whitespace.get(),
              Texts.isPadded(raw) ? PADDING_FIX + fix : fix);
          return Optional.empty();
        }
        Optional<Offering> known = Offering.fromArmName(raw);
        if (known.isEmpty()) {
          boolean defenderCspm = raw.toLowerCase(Locale.ROOT).startsWith("defendercspm");
          add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "The offering " + Texts.quote(raw)
              + " is not an offering of DevOps connectors" + entry + "."
              + (defenderCspm ? " Defender CSPM is not enabled on a DevOps connector: it is enabled on a "
                  + "subscription or cloud connector in the same tenant." : ""), fix);
          return Optional.empty();
        }
        offering = known.get();
      } else if (offering == null) {
        add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "An offering is missing (null)" + entry + ".", fix);
        return Optional.empty();
      }
      Offering replacement = Offering.defaultFor(offering.platform());
      if (offering.platform() != platform) {
        add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "The offering " + offering.armName() + " applies to "
            + offering.platform().displayName() + " connectors, not " + platform.displayName() + entry
            + (offering.isRetired() ? "; it was also retired (removed by api-version 2024-07-01-preview)." : "."),
            fix);
        return Optional.empty();
      }
      if (offering.isRetired()) {
        add(FindingCode.OFFERING_NOT_APPLICABLE, "offerings", "The offering " + offering.armName()
            + " was retired: it was removed from the API by api-version 2024-07-01-preview and can no longer be "
            + "created" + entry + ". Its replacement is " + replacement.armName() + " (foundational CSPM).",
            "Use " + replacement.armName() + " instead.");
        return Optional.empty();
      }
      return Optional.of(offering);
    }

    private void checkPermissions() {
      AzurePermissions permissions = azurePermissions;
      if (permissions == null || permissions.canWriteSecurityConnectors()) {
        return;
      }
      String message;
      if (permissions.role().isPresent() && permissions.actions().isEmpty()) {
        AzureRole role = permissions.role().get();
        message = "The role " + role.displayName() + " does not allow " + WRITE + ", which creating a connector "
            + "needs" + (role == AzureRole.SECURITY_READER
                ? ": Security Reader may read connectors and their findings, but not create or change them."
                : ": it may only read.");
      } else if (AzurePermissions.ofActions(permissions.actions(), List.of()).isGranted(WRITE)) {
        message = "The granted actions include " + WRITE + ", but the not-actions take it away again.";
      } else if (permissions.actions().isEmpty()) {
        message = "No action is granted in the resource group, so " + WRITE + " is missing.";
      } else {
        List<String> actions = permissions.actions();
        String shown = actions.stream().limit(5).map(Texts::quote).collect(Collectors.joining(", "))
            + (actions.size() > 5 ? " and " + (actions.size() - 5) + " more" : "");
        message = "None of the granted actions (" + shown + ") covers " + WRITE + "."
            + permissions.role().map(r -> " The role " + r.displayName() + " does not grant it either.").orElse("");
      }
      add(FindingCode.AZURE_PERMISSION_MISSING, "azurePermissions", message,
          "Ask for Contributor, Security Admin or Owner on the resource group, or a custom role that grants " + WRITE
              + ". Security Reader is enough to read the connector's findings later, not to create it.");
    }

    private void checkSelection() {
      String fix = "Call allExistingOrganizations(), allExistingAndFutureOrganizations() (auto-discovery) or "
          + "organizations(...) with the organizations to onboard.";
      switch (selectionSource) {
        case NOT_SET:
          add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
              "No organization selection was made.", fix);
          return;
        case SELECTION:
          if (ConnectorBuilder.this.selection == null) {
            add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
                "The organization selection is missing (null).", fix);
          } else {
            selection = ConnectorBuilder.this.selection;
          }
          return;
        case NAMES:
        default:
          checkNames(fix);
      }
    }

    private void checkNames(String fix) {
      List<String> names = organizationNames;
      if (names == null) {
        add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
            "The explicit organization list is missing (null).", fix);
        return;
      }
      if (names.isEmpty()) {
        add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
            "The explicit organization list is empty; it must name at least one organization.", fix);
        return;
      }
      List<OrganizationName> parsed = new ArrayList<>();
      Map<OrganizationName, List<String>> spellings = new LinkedHashMap<>();
      boolean ok = true;
      for (int i = 0; i < names.size(); i++) {
        String raw = names.get(i);
        Optional<String> problem = OrganizationName.problem(platform, raw);
        if (problem.isPresent()) {
          ok = false;
          add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
              "Entry " + (i + 1) + " of " + names.size() + ": " + problem.get(),
              (Texts.isPadded(raw) ? PADDING_FIX : "") + nameFix());
          continue;
        }
        OrganizationName organization = OrganizationName.parse(raw);
        spellings.computeIfAbsent(organization, key -> new ArrayList<>()).add(raw);
        parsed.add(organization);
      }
      for (Map.Entry<OrganizationName, List<String>> entry : spellings.entrySet()) {
        List<String> seen = entry.getValue();
        if (seen.size() > 1) {
          ok = false;
          add(FindingCode.ORGANIZATION_SELECTION_INVALID, "organizations",
              "The organization " + entry.getKey() + " is listed " + seen.size() + " times (" + String.join(", ", seen)
                  + "); organization names compare ignoring case.",
              "List each organization once.");
        }
      }
      if (ok) {
        selection = OrganizationSelection.explicit(parsed);
      }
    }

    private String nameFix() {
      switch (platform) {
        case GITHUB:
          return "Use the GitHub organization's login as in https://github.com/{login}: 1 to 39 ASCII letters, "
              + "digits and single hyphens, starting and ending with a letter or digit.";
        case GITLAB:
          return "Use the top-level group's path as in https://gitlab.com/{path}: 1 to 255 ASCII letters, digits, "
              + "'_', '-' and '.', not starting with '-' and not ending in '.git' or '.atom'.";
        case AZURE_DEVOPS:
        default:
          return "Use the organization's name as in https://dev.azure.com/{organization}: 1 to 50 ASCII letters, "
              + "digits and hyphens, starting and ending with a letter or digit.";
      }
    }

    private void checkOrganizations() {
      Map<OrganizationName, OrganizationFacts> latest = new LinkedHashMap<>();
      for (OrganizationFacts facts : organizationFacts) {
        latest.remove(facts.organization());
        latest.put(facts.organization(), facts);
      }
      for (OrganizationFacts facts : latest.values()) {
        if (selection != null && !selection.includes(facts.organization())) {
          continue;
        }

        findings.addAll(OrganizationChecks.check(facts, Optional.ofNullable(tenant)));
      }
    }
  }

  private static String cloudName(AzureCloud cloud) {
    switch (cloud) {
      case US_GOVERNMENT:
        return "Azure Government";
      case CHINA:
        return "Azure operated by 21Vianet";
      case COMMERCIAL:
      default:
        return "the Azure commercial cloud";
    }
  }
}
