package io.github.devopsconnector.core;

import static io.github.devopsconnector.core.Fixtures.OTHER_TENANT;
import static io.github.devopsconnector.core.Fixtures.goodFacts;
import static io.github.devopsconnector.core.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad input per row, on an otherwise valid builder: each must give exactly one finding with the expected
 * code and subject, and a message that names the specific problem.
 */
class ConnectorBuilderBadInputTest {

  private static final String SUB = Fixtures.SUBSCRIPTION;
  private static final String LONG = "a".repeat(10_000);

  private static Arguments bad(String label, Supplier<ConnectorBuilder> builder, FindingCode code, String subject,
      String messageFragment) {
    return Arguments.of(label, builder, code, subject, messageFragment);
  }

  static Stream<Arguments> badNames() {
    FindingCode c = FindingCode.CONNECTOR_NAME_INVALID;
    return Stream.of(
        bad("name null", () -> valid().name(null), c, "name", "The connector name is missing."),
        bad("name empty", () -> valid().name(""), c, "name", "must be 1 to 64 characters long; it has 0."),
        bad("name one space", () -> valid().name(" "), c, "name", "is blank"),
        bad("name tabs and spaces", () -> valid().name(" \t "), c, "name", "is blank"),
        bad("name leading space", () -> valid().name(" ado"), c, "name", "starts with U+0020 SPACE"),
        bad("name trailing space", () -> valid().name("ado "), c, "name", "ends with U+0020 SPACE"),
        bad("name trailing newline", () -> valid().name("ado\n"), c, "name", "ends with U+000A LINE FEED (LF)"),
        bad("name leading tab", () -> valid().name("\tado"), c, "name", "starts with U+0009 CHARACTER TABULATION"),
        bad("name trailing no-break space", () -> valid().name("ado\u00a0"), c, "name",
            "ends with U+00A0 NO-BREAK SPACE"),
        bad("name trailing ideographic space", () -> valid().name("ado\u3000"), c, "name",
            "ends with U+3000 IDEOGRAPHIC SPACE"),
        bad("name 65 characters", () -> valid().name("a".repeat(65)), c, "name", "it has 65."),
        bad("name 10000 characters", () -> valid().name(LONG), c, "name", "it has 10000."),
        bad("name Cyrillic a first", () -> valid().name("\u0430do-connector"), c, "name",
            "position 1 (U+0430 CYRILLIC SMALL LETTER A)"),
        bad("name Cyrillic o inside", () -> valid().name("ado-c\u043Ennector"), c, "name",
            "position 6 (U+043E CYRILLIC SMALL LETTER O)"),
        bad("name fullwidth letters", () -> valid().name("\uff41\uff44\uff4f"), c, "name",
            "U+FF41 FULLWIDTH LATIN SMALL LETTER A"),
        bad("name zero-width space", () -> valid().name("ado\u200bconnector"), c, "name",
            "position 4 (U+200B ZERO WIDTH SPACE)"),
        bad("name RTL override", () -> valid().name("ado\u202egnp.exe"), c, "name",
            "U+202E RIGHT-TO-LEFT OVERRIDE"),
        bad("name NUL", () -> valid().name("ado\u0000x"), c, "name", "position 4 (U+0000 NULL)"),
        bad("name inner space", () -> valid().name("ado connector"), c, "name", "position 4 (U+0020 SPACE)"),
        bad("name slash", () -> valid().name("ado/connector"), c, "name", "position 4 ('/')"),
        bad("name emoji", () -> valid().name("ado\ud83d\ude00"), c, "name", "U+1F600 GRINNING FACE"),
        bad("name starts with hyphen", () -> valid().name("-ado"), c, "name", "must start with a letter or digit"),
        bad("name starts with underscore", () -> valid().name("_ado"), c, "name",
            "must start with a letter or digit, not '_'"),
        bad("name starts with period", () -> valid().name(".ado"), c, "name", "must start with a letter or digit"),
        bad("name ends with period", () -> valid().name("ado."), c, "name", "must not end with a period or hyphen"),
        bad("name ends with hyphen", () -> valid().name("ado-"), c, "name", "must not end with a period or hyphen"));
  }

  static Stream<Arguments> badSubscriptions() {
    FindingCode c = FindingCode.SUBSCRIPTION_ID_INVALID;
    return Stream.of(
        bad("subscription null", () -> valid().subscription(null), c, "subscription",
            "The subscription id is missing."),
        bad("subscription empty", () -> valid().subscription(""), c, "subscription", "it has 0)"),
        bad("subscription blank", () -> valid().subscription("   "), c, "subscription", "is blank"),
        bad("subscription display name", () -> valid().subscription("Pay-As-You-Go"), c, "subscription",
            "is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, 36 characters; it has 13)"),
        bad("subscription leading space", () -> valid().subscription(" " + SUB), c, "subscription",
            "starts with U+0020 SPACE"),
        bad("subscription trailing space", () -> valid().subscription(SUB + " "), c, "subscription",
            "ends with U+0020 SPACE"),
        bad("subscription trailing CRLF", () -> valid().subscription(SUB + "\r\n"), c, "subscription",
            "ends with U+000A LINE FEED (LF)"),
        bad("subscription in braces", () -> valid().subscription("{" + SUB + "}"), c, "subscription", "it has 38)"),
        bad("subscription without hyphens", () -> valid().subscription(SUB.replace("-", "")), c, "subscription",
            "it has 32)"),
        bad("subscription non-hex letter", () -> valid().subscription("g" + SUB.substring(1)), c, "subscription",
            "position 1 ('g') should be an ASCII hexadecimal digit."),
        bad("subscription fullwidth digit", () -> valid().subscription("\uff18" + SUB.substring(1)), c,
            "subscription", "position 1 (U+FF18 FULLWIDTH DIGIT EIGHT)"),
        bad("subscription Cyrillic a", () -> valid().subscription(SUB.substring(0, 12) + "\u0430" + SUB.substring(13)),
            c, "subscription", "position 13 (U+0430 CYRILLIC SMALL LETTER A)"),
        bad("subscription zero-width space", () -> valid().subscription("\u200b" + SUB.substring(1)), c,
            "subscription", "position 1 (U+200B ZERO WIDTH SPACE)"),
        bad("subscription hyphen misplaced", () -> valid().subscription(SUB.substring(0, 8) + "c-" + SUB.substring(10)),
            c, "subscription", "position 9 ('c') should be a hyphen."),
        bad("subscription NULs", () -> valid().subscription("\u0000".repeat(36)), c, "subscription",
            "position 1 (U+0000 NULL)"),
        bad("subscription 10000 characters", () -> valid().subscription(LONG), c, "subscription", "it has 10000)"));
  }

  static Stream<Arguments> badResourceGroups() {
    FindingCode c = FindingCode.RESOURCE_GROUP_NAME_INVALID;
    String s = "resourceGroup";
    return Stream.of(
        bad("rg null", () -> valid().resourceGroup(null), c, s, "The resource group name is missing."),
        bad("rg empty", () -> valid().resourceGroup(""), c, s, "must be 1 to 90 characters long; it has 0."),
        bad("rg blank", () -> valid().resourceGroup(" "), c, s, "is blank"),
        bad("rg trailing space", () -> valid().resourceGroup("my-rg "), c, s, "ends with U+0020 SPACE"),
        bad("rg leading space", () -> valid().resourceGroup(" my-rg"), c, s, "starts with U+0020 SPACE"),
        bad("rg trailing tab", () -> valid().resourceGroup("my-rg\t"), c, s, "ends with U+0009"),
        bad("rg inner space", () -> valid().resourceGroup("my rg"), c, s, "position 3 (U+0020 SPACE)"),
        bad("rg ends with period", () -> valid().resourceGroup("my-rg."), c, s, "must not end with a period."),
        bad("rg 91 characters", () -> valid().resourceGroup("r".repeat(91)), c, s, "it has 91."),
        bad("rg slash", () -> valid().resourceGroup("rg/prod"), c, s, "position 3 ('/')"),
        bad("rg NUL", () -> valid().resourceGroup("rg\u0000"), c, s, "position 3 (U+0000 NULL)"),
        bad("rg RTL override", () -> valid().resourceGroup("rg\u202eved"), c, s, "U+202E RIGHT-TO-LEFT OVERRIDE"),
        bad("rg Cyrillic", () -> valid().resourceGroup("\u0440g-prod"), c, s,
            "position 1 (U+0440 CYRILLIC SMALL LETTER ER)"),
        bad("rg fullwidth", () -> valid().resourceGroup("\uff52\uff47"), c, s,
            "U+FF52 FULLWIDTH LATIN SMALL LETTER R"),
        bad("rg zero-width joiner", () -> valid().resourceGroup("my\u200drg"), c, s,
            "position 3 (U+200D ZERO WIDTH JOINER)"),
        bad("rg hash", () -> valid().resourceGroup("rg#1"), c, s, "position 3 ('#')"));
  }

  static Stream<Arguments> badRegions() {
    FindingCode c = FindingCode.REGION_UNKNOWN;
    FindingCode ns = FindingCode.REGION_NOT_SUPPORTED;
    String s = "region";
    String list = "Supported regions: East Asia (eastasia), Australia East (australiaeast), Canada Central "
        + "(canadacentral), West Europe (westeurope), North Europe (northeurope), Sweden Central (swedencentral), "
        + "UK South (uksouth), East US (eastus), Central US (centralus).";
    return Stream.of(
        bad("region null", () -> valid().region(null), c, s, "The region is missing."),
        bad("region empty", () -> valid().region(""), c, s, "The region is empty."),
        bad("region blank", () -> valid().region("  "), c, s, "is blank"),
        bad("region leading space", () -> valid().region(" centralus"), c, s, "starts with U+0020 SPACE"),
        bad("region trailing space", () -> valid().region("Central US "), c, s, "ends with U+0020 SPACE"),
        bad("region trailing newline", () -> valid().region("centralus\n"), c, s, "ends with U+000A"),
        bad("region leading tab", () -> valid().region("\tcentralus"), c, s, "starts with U+0009"),
        bad("region hyphen", () -> valid().region("central-us"), c, s,
            "position 8 ('-') is not an ASCII letter, digit or space."),
        bad("region underscore", () -> valid().region("central_us"), c, s, "position 8 ('_')"),
        bad("region zero-width space", () -> valid().region("central\u200bus"), c, s,
            "position 8 (U+200B ZERO WIDTH SPACE)"),
        bad("region Cyrillic es", () -> valid().region("\u0441entralus"), c, s,
            "position 1 (U+0441 CYRILLIC SMALL LETTER ES)"),
        bad("region fullwidth", () -> valid().region("\uff43entralus"), c, s,
            "U+FF43 FULLWIDTH LATIN SMALL LETTER C"),
        bad("region NUL", () -> valid().region("centralus\u0000x"), c, s, "position 10 (U+0000 NULL)"),
        bad("region RTL override", () -> valid().region("centralus\u202ex"), c, s, "U+202E RIGHT-TO-LEFT OVERRIDE"),
        bad("region not a region", () -> valid().region("narnia"), c, s,
            "\"narnia\" is not an Azure region name this library knows."),
        bad("region 10000 characters", () -> valid().region(LONG), c, s, "(10000 characters)"),
        bad("region westus2", () -> valid().region("westus2"), ns, s, "not offered in West US 2 (westus2). " + list),
        bad("region West US 2 display", () -> valid().region("West US 2"), ns, s, "not offered in West US 2"),
        bad("region japaneast", () -> valid().region("japaneast"), ns, s, "not offered in Japan East (japaneast)"),
        bad("region Brazil South", () -> valid().region("BRAZIL SOUTH"), ns, s, "Brazil South (brazilsouth)"),
        bad("region southcentralus", () -> valid().region("southcentralus"), ns, s, list),
        bad("region outside replaced list", () -> valid().supportedRegions(List.of(AzureRegion.WEST_EUROPE)), ns, s,
            "not offered in Central US (centralus). Supported regions: West Europe (westeurope)."),
        bad("region with empty supported list", () -> valid().supportedRegions(List.of()), ns, s,
            "Supported regions: none is configured."));
  }

  static Stream<Arguments> badClouds() {
    FindingCode c = FindingCode.CLOUD_NOT_SUPPORTED;
    return Stream.of(
        bad("cloud US Government", () -> valid().cloud(AzureCloud.US_GOVERNMENT), c, "cloud",
            "commercial cloud only; Azure Government (AzureUSGovernment) is not supported."),
        bad("cloud China", () -> valid().cloud(AzureCloud.CHINA), c, "cloud",
            "Azure operated by 21Vianet (AzureChinaCloud) is not supported."),
        bad("cloud enum null", () -> valid().cloud((AzureCloud) null), c, "cloud", "The cloud is missing."),
        bad("cloud text null", () -> valid().cloud((String) null), c, "cloud", "The cloud is missing."),
        bad("cloud AzureUSGovernment", () -> valid().cloud("AzureUSGovernment"), c, "cloud", "Azure Government"),
        bad("cloud usgov", () -> valid().cloud("usgov"), c, "cloud", "Azure Government (AzureUSGovernment)"),
        bad("cloud AzureChinaCloud", () -> valid().cloud("AzureChinaCloud"), c, "cloud", "21Vianet"),
        bad("cloud 21vianet", () -> valid().cloud("21Vianet"), c, "cloud", "21Vianet (AzureChinaCloud)"),
        bad("cloud empty", () -> valid().cloud(""), c, "cloud", "The cloud \"\" is not an Azure cloud name"),
        bad("cloud padded", () -> valid().cloud(" AzureCloud"), c, "cloud", "starts with U+0020 SPACE"),
        bad("cloud trailing newline", () -> valid().cloud("AzureCloud\n"), c, "cloud", "ends with U+000A"),
        bad("cloud unknown", () -> valid().cloud("Azure Stack"), c, "cloud",
            "\"Azure Stack\" is not an Azure cloud name; known names are AzureCloud"),
        bad("cloud Cyrillic", () -> valid().cloud("Azure\u0421loud"), c, "cloud", "is not an Azure cloud name"));
  }

  static Stream<Arguments> badOfferings() {
    FindingCode c = FindingCode.OFFERING_NOT_APPLICABLE;
    String s = "offerings";
    return Stream.of(
        bad("offering retired by name", () -> valid().offerings("DefenderForDevOpsAzureDevOps"), c, s,
            "was retired: it was removed from the API by api-version 2024-07-01-preview and can no longer be "
                + "created. Its replacement is CspmMonitorAzureDevOps"),
        bad("offering retired by constant", () -> valid().offerings(Offering.DEFENDER_FOR_DEVOPS_AZURE_DEVOPS), c, s,
            "Its replacement is CspmMonitorAzureDevOps"),
        bad("offering retired GitHub", () -> valid(DevOpsPlatform.GITHUB).offerings("defenderfordevopsgithub"), c, s,
            "Its replacement is CspmMonitorGithub"),
        bad("offering of GitHub on Azure DevOps", () -> valid().offerings("CspmMonitorGithub"), c, s,
            "The offering CspmMonitorGithub applies to GitHub connectors, not Azure DevOps."),
        bad("offering of GitLab on Azure DevOps", () -> valid().offerings(Offering.CSPM_MONITOR_GITLAB), c, s,
            "applies to GitLab connectors, not Azure DevOps"),
        bad("offering of Azure DevOps on GitHub",
            () -> valid(DevOpsPlatform.GITHUB).offerings(Offering.CSPM_MONITOR_AZURE_DEVOPS), c, s,
            "applies to Azure DevOps connectors, not GitHub"),
        bad("offering retired and other platform", () -> valid().offerings("DefenderForDevOpsGitLab"), c, s,
            "applies to GitLab connectors, not Azure DevOps; it was also retired"),
        bad("offering of another cloud", () -> valid().offerings("CspmMonitorAws"), c, s,
            "\"CspmMonitorAws\" is not an offering of DevOps connectors."),
        bad("offering Defender CSPM", () -> valid().offerings("DefenderCspmAzureDevOps"), c, s,
            "Defender CSPM is not enabled on a DevOps connector"),
        bad("offering empty text", () -> valid().offerings(""), c, s, "\"\" is not an offering"),
        bad("offering padded", () -> valid().offerings(" CspmMonitorAzureDevOps"), c, s, "starts with U+0020 SPACE"),
        bad("offering zero-width space", () -> valid().offerings("CspmMonitorAzureDevOps\u200b"), c, s,
            "is not an offering of DevOps connectors"),
        bad("offerings null array", () -> valid().offerings((String[]) null), c, s, "The offerings are missing (null)."),
        bad("offerings empty array", () -> valid().offerings(new String[0]), c, s,
            "No offering was given; Azure DevOps connectors need CspmMonitorAzureDevOps."),
        bad("offering null text", () -> valid().offerings("CspmMonitorAzureDevOps", null), c, s,
            "An offering is missing (null) (entry 2 of 2)."),
        bad("offering null constant", () -> valid().offerings((Offering) null), c, s, "An offering is missing (null)."),
        bad("offering twice", () -> valid().offerings("CspmMonitorAzureDevOps", "cspmmonitorazuredevops"), c, s,
            "The offering CspmMonitorAzureDevOps is listed more than once (entry 2 of 2)."));
  }

  static Stream<Arguments> badPermissions() {
    FindingCode c = FindingCode.AZURE_PERMISSION_MISSING;
    String s = "azurePermissions";
    return Stream.of(
        bad("Security Reader", () -> valid().azurePermissions(AzurePermissions.ofRole(AzureRole.SECURITY_READER)), c,
            s, "Security Reader may read connectors and their findings, but not create or change them."),
        bad("Reader", () -> valid().azurePermissions(AzurePermissions.ofRole(AzureRole.READER)), c, s,
            "The role Reader does not allow Microsoft.Security/securityConnectors/write"),
        bad("read-only actions", () -> valid().azurePermissions(AzurePermissions.ofActions(List.of("*/read"),
            List.of())), c, s, "None of the granted actions (\"*/read\") covers"),
        bad("connector read only", () -> valid().azurePermissions(AzurePermissions.ofActions(
            List.of("Microsoft.Security/securityConnectors/read"), List.of())), c, s, "None of the granted actions"),
        bad("other provider", () -> valid().azurePermissions(AzurePermissions.ofActions(
            List.of("Microsoft.SecurityInsights/*"), List.of())), c, s, "None of the granted actions"),
        bad("write removed by notActions", () -> valid().azurePermissions(AzurePermissions.ofActions(
            List.of("Microsoft.Security/*"), List.of("Microsoft.Security/securityConnectors/write"))), c, s,
            "the not-actions take it away again"),
        bad("everything but Microsoft.Security", () -> valid().azurePermissions(AzurePermissions.ofActions(
            List.of("*"), List.of("Microsoft.Security/*"))), c, s, "the not-actions take it away again"),
        bad("no actions", () -> valid().azurePermissions(AzurePermissions.ofActions(List.of(), List.of())), c, s,
            "No action is granted"),
        bad("Security Reader with read actions", () -> valid().azurePermissions(ImmutableAzurePermissions.builder()
            .role(AzureRole.SECURITY_READER).addActions("Microsoft.Security/*/read").build()), c, s,
            "The role Security Reader does not grant it either."),
        bad("many actions shown bounded", () -> valid().azurePermissions(AzurePermissions.ofActions(
            List.of("a/read", "b/read", "c/read", "d/read", "e/read", "f/read", "g/read"), List.of())), c, s,
            "and 2 more"));
  }

  static Stream<Arguments> badSelections() {
    FindingCode c = FindingCode.ORGANIZATION_SELECTION_INVALID;
    String s = "organizations";
    Supplier<ConnectorBuilder> unselected = () -> ConnectorBuilder.azureDevOps().name("ado-connector")
        .subscription(SUB).resourceGroup("rg").region("centralus").tenant(Fixtures.TENANT).owner(Fixtures.OWNER);
    return Stream.of(
        bad("no selection", unselected, c, s, "No organization selection was made."),
        bad("selection null", () -> valid().organizations((OrganizationSelection) null), c, s,
            "The organization selection is missing (null)."),
        bad("names null array", () -> valid().organizations((String[]) null), c, s,
            "The explicit organization list is missing (null)."),
        bad("names empty", () -> valid().organizations(new String[0]), c, s,
            "The explicit organization list is empty"),
        bad("duplicate ignoring case", () -> valid().organizations("contoso", "Contoso"), c, s,
            "The organization contoso is listed 2 times (contoso, Contoso); organization names compare ignoring case."),
        bad("triplicate", () -> valid().organizations("a", "b", "A", "a"), c, s, "is listed 3 times (a, A, a)"),
        bad("null name", () -> valid().organizations("contoso", null), c, s,
            "Entry 2 of 2: The organization name is missing."),
        bad("empty name", () -> valid().organizations(""), c, s, "must be 1 to 50 characters long; it has 0."),
        bad("blank name", () -> valid().organizations(" "), c, s, "is blank"),
        bad("leading space", () -> valid().organizations(" contoso"), c, s, "starts with U+0020 SPACE"),
        bad("trailing space", () -> valid().organizations("contoso "), c, s, "ends with U+0020 SPACE"),
        bad("inner space", () -> valid().organizations("con toso"), c, s, "position 4 (U+0020 SPACE)"),
        bad("leading hyphen", () -> valid().organizations("-contoso"), c, s, "must start and end with a letter or digit"),
        bad("trailing hyphen", () -> valid().organizations("contoso-"), c, s, "must start and end with a letter or digit"),
        bad("Cyrillic o", () -> valid().organizations("c\u043entoso"), c, s,
            "position 2 (U+043E CYRILLIC SMALL LETTER O)"),
        bad("51 characters", () -> valid().organizations("o".repeat(51)), c, s, "it has 51."),
        bad("RTL override", () -> valid().organizations("contoso\u202e"), c, s, "U+202E RIGHT-TO-LEFT OVERRIDE"),
        bad("NUL", () -> valid().organizations("contoso\u0000"), c, s, "U+0000 NULL"),
        bad("period", () -> valid().organizations("contoso.com"), c, s, "position 8 ('.')"),
        bad("underscore", () -> valid().organizations("contoso_dev"), c, s, "position 8 ('_')"),
        bad("URL instead of name", () -> valid().organizations("https://dev.azure.com/contoso"), c, s,
            "position 6 (':')"));
  }

  static Stream<Arguments> badIdentity() {
    return Stream.of(
        bad("tenant null", () -> valid().tenant(null), FindingCode.TENANT_ID_INVALID, "tenant",
            "The tenant id is missing."),
        bad("tenant domain name", () -> valid().tenant("contoso.onmicrosoft.com"), FindingCode.TENANT_ID_INVALID,
            "tenant", "is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, 36 characters; it has 23)"),
        bad("tenant padded", () -> valid().tenant(Fixtures.TENANT + " "), FindingCode.TENANT_ID_INVALID, "tenant",
            "ends with U+0020 SPACE"),
        bad("tenant fullwidth digit", () -> valid().tenant("\uff17" + Fixtures.TENANT.substring(1)),
            FindingCode.TENANT_ID_INVALID, "tenant", "U+FF17 FULLWIDTH DIGIT SEVEN"),
        bad("owner null", () -> valid().owner(null), FindingCode.OWNER_MISSING, "owner",
            "The connector's owner is missing."));
  }

  static Stream<Arguments> badOrganizations() {
    String s = "organization:contoso";
    return Stream.of(
        bad("not PCA", () -> valid().organizationFacts(goodFacts("contoso").projectCollectionAdministrator(false)
            .build()), FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR, s,
            "You are not a Project Collection Administrator of the organization contoso."),
        bad("Stakeholder", () -> valid().organizationFacts(goodFacts("contoso").accessLevel(AccessLevel.STAKEHOLDER)
            .build()), FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT, s, "(Stakeholder is not enough)"),
        bad("no access level", () -> valid().organizationFacts(goodFacts("contoso").accessLevel(AccessLevel.NONE)
            .build()), FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT, s, "is None; onboarding needs Basic"),
        bad("OAuth off", () -> valid().organizationFacts(goodFacts("contoso").oauthAppAccess(OAuthAppAccess.OFF)
            .build()), FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED, s, "blocks third-party applications that use OAuth"),
        bad("OAuth unknown", () -> valid().organizationFacts(goodFacts("contoso").oauthAppAccess(OAuthAppAccess.UNKNOWN)
            .oauthAppAccessDetail("the organization policy API answered 405").build()),
            FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN, s, "could not be read: the organization policy API answered 405."),
        bad("other tenant", () -> valid().organizationFacts(goodFacts("contoso").tenant(TenantId.parse(OTHER_TENANT))
            .build()), FindingCode.ADO_TENANT_MISMATCH, s,
            "is connected to the Microsoft Entra tenant " + OTHER_TENANT));
  }

  static Stream<Arguments> allBadInputs() {
    return Stream.of(badNames(), badSubscriptions(), badResourceGroups(), badRegions(), badClouds(), badOfferings(),
        badPermissions(), badSelections(), badIdentity(), badOrganizations()).flatMap(s -> s);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("allBadInputs")
  void eachBadInputGivesOneSpecificFinding(String label, Supplier<ConnectorBuilder> builder, FindingCode code,
      String subject, String messageFragment) {
    ValidationReport report = builder.get().validate();

    assertThat(report.findings()).as(label).hasSize(1);
    Finding finding = report.findings().get(0);
    assertThat(finding.code()).as(label).isEqualTo(code);
    assertThat(finding.subject()).as(label).isEqualTo(subject);
    assertThat(finding.severity()).isEqualTo(code.defaultSeverity());
    assertThat(finding.message()).as(label).contains(messageFragment);
    assertThat(finding.remediation()).as(label).isNotBlank().isNotEqualTo(finding.message());
    assertSafe(finding);

    if (code.defaultSeverity() == Severity.ERROR) {
      assertThatThrownBy(() -> builder.get().build())
          .isInstanceOf(ConnectorValidationException.class)
          .hasMessageContaining(finding.message())
          .satisfies(e -> assertThat(((ConnectorValidationException) e).report()).isEqualTo(report));
    } else {
      assertThat(report.isValid()).isTrue();
      assertThat(builder.get().build().name().value()).isEqualTo("ado-connector");
    }
  }

  @Test
  void theTableCoversEveryBuilderCodeWithAtLeastEightyBadInputs() {
    List<Arguments> rows = allBadInputs().toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(80);
    assertThat(rows.stream().map(r -> (FindingCode) r.get()[2]).distinct())
        .containsExactlyInAnyOrder(FindingCode.CONNECTOR_NAME_INVALID, FindingCode.SUBSCRIPTION_ID_INVALID,
            FindingCode.RESOURCE_GROUP_NAME_INVALID, FindingCode.REGION_UNKNOWN, FindingCode.REGION_NOT_SUPPORTED,
            FindingCode.CLOUD_NOT_SUPPORTED, FindingCode.OFFERING_NOT_APPLICABLE,
            FindingCode.AZURE_PERMISSION_MISSING, FindingCode.ORGANIZATION_SELECTION_INVALID,
            FindingCode.TENANT_ID_INVALID, FindingCode.OWNER_MISSING,
            FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR, FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT,
            FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED, FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN,
            FindingCode.ADO_TENANT_MISMATCH);
  }

  /** Messages are bounded and free of control, invisible and bidirectional characters, whatever the input. */
  static void assertSafe(Finding finding) {
    for (String text : List.of(finding.message(), finding.remediation(), finding.subject())) {
      assertThat(text.length()).as(text).isLessThan(1_000);
      assertThat(text.chars().filter(ch -> ch < 0x20 || ch == 0x7f || (ch >= 0x200b && ch <= 0x200f)
          || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0xfeff)).as(text).isEmpty();
    }
  }
}
