package io.github.devopsconnector.core;

import static io.github.devopsconnector.core.Fixtures.OWNER;
import static io.github.devopsconnector.core.Fixtures.SUBSCRIPTION;
import static io.github.devopsconnector.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubConnectorBuilderTest {

  private static ConnectorBuilder valid() {
    return ConnectorBuilder.gitHub().name("gh-connector").subscription(SUBSCRIPTION).resourceGroup("security-rg")
        .region("West Europe").tenant(TENANT).owner(OWNER).allExistingOrganizations();
  }

  private static GitHubOwnerFacts.Builder goodFacts(String owner) {
    return GitHubOwnerFacts.builder().owner(OrganizationName.parse(owner)).organizationOwner(true)
        .app(GitHubAppAccess.ALL_REPOSITORIES).enterpriseManagedUsers(false).dataResidency(false);
  }

  @Test
  void aValidGitHubConnectorGetsTheGitHubPlatformAndOffering() {
    Connector connector = valid().build();

    assertThat(connector.platform()).isEqualTo(DevOpsPlatform.GITHUB);
    assertThat(connector.offerings()).containsExactly(Offering.CSPM_MONITOR_GITHUB);
    assertThat(ConnectorBuilder.forPlatform(DevOpsPlatform.GITHUB).platform()).isEqualTo(DevOpsPlatform.GITHUB);
  }

  @Test
  void aGitHubConnectorNameHasAtMostTwentyCharacters() {
    assertThat(valid().name("a".repeat(20)).validate().isValid()).isTrue();

    ValidationReport report = valid().name("gh-connector-2024-prod").validate();

    assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.CONNECTOR_NAME_INVALID);
    assertThat(report.findings().get(0).message()).contains("22 characters").contains("at most 20");
    assertThat(report.findings().get(0).remediation()).contains("1 to 20");
  }

  @Test
  void anAzureDevOpsConnectorNameMayStillBeLonger() {
    assertThat(Fixtures.valid().name("ado-connector-2024-production").validate().isValid()).isTrue();
  }

  @Test
  void ownerLoginsFollowGitHubsRule() {
    ValidationReport report = valid().organizations("contoso", "my_org", "a--b", "x".repeat(40), "-lead").validate();

    assertThat(report.findings()).extracting(Finding::code).containsOnly(FindingCode.ORGANIZATION_SELECTION_INVALID)
        .hasSize(4);
    assertThat(report.findings().get(0).message()).contains("Entry 2 of 5").contains("position 3 ('_')");
    assertThat(report.findings().get(0).remediation()).contains("https://github.com/{login}");
    assertThat(valid().organizations("contoso", "Contoso").validate().findings()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("listed 2 times"));
  }

  @Test
  void nationalCloudsAreRefusedForGitHubToo() {
    assertThat(valid().cloud(AzureCloud.US_GOVERNMENT).validate().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.CLOUD_NOT_SUPPORTED);
  }

  @Test
  void missingAzurePermissionIsReportedForGitHubToo() {
    assertThat(valid().azurePermissions(AzurePermissions.ofRole(AzureRole.SECURITY_READER)).validate().findings())
        .extracting(Finding::code).containsExactly(FindingCode.AZURE_PERMISSION_MISSING);
  }

  @Test
  void everyGitHubOwnerRuleGivesItsFindingWithMessageAndRemediation() {
    ValidationReport report = valid().organizationFacts(
        OrganizationFacts.gitHub(goodFacts("good").build()),
        OrganizationFacts.gitHub(goodFacts("members-only").organizationOwner(false).build()),
        OrganizationFacts.gitHub(goodFacts("no-app").app(GitHubAppAccess.NOT_INSTALLED).build()),
        OrganizationFacts.gitHub(goodFacts("some-repos").app(GitHubAppAccess.SELECTED_REPOSITORIES).build()),
        OrganizationFacts.gitHub(goodFacts("emu").enterpriseManagedUsers(true).build()),
        OrganizationFacts.gitHub(goodFacts("residency").dataResidency(true).build())).validate();

    assertThat(report.about("organization:good")).isEmpty();
    assertThat(report.about("organization:members-only")).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(report.about("organization:no-app")).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    assertThat(report.about("organization:some-repos")).extracting(Finding::code, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES,
            Severity.WARNING));
    assertThat(report.about("organization:some-repos").get(0).remediation()).contains("All repositories");
    assertThat(report.about("organization:emu")).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED);
    assertThat(report.about("organization:residency")).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_DATA_RESIDENCY_NOT_SUPPORTED);
    assertThat(report.findings()).allSatisfy(f -> {
      assertThat(f.message()).isNotBlank();
      assertThat(f.remediation()).isNotBlank();
    });
    assertThat(report.isValid()).isFalse();
  }

  @Test
  void aSelectedRepositoriesInstallationWarnsButDoesNotBlock() {
    Connector connector = valid().organizations("some-repos").organizationFacts(OrganizationFacts.gitHub(
        goodFacts("some-repos").app(GitHubAppAccess.SELECTED_REPOSITORIES).build())).build();

    assertThat(connector.organizations().organizations()).containsExactly(OrganizationName.parse("some-repos"));
  }

  @Test
  void factsOfAnotherPlatformAreAProgrammingError() {
    assertThatThrownBy(() -> valid().organizationFacts(Fixtures.goodFacts("contoso").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Azure DevOps");
    assertThatThrownBy(() -> Fixtures.valid().organizationFacts(OrganizationFacts.gitHub(goodFacts("c").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GitHub");
    assertThatThrownBy(() -> OrganizationFacts.builder().organization(OrganizationName.parse("x"))
        .platform(DevOpsPlatform.GITHUB).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void azureDevOpsFactsStillGiveAzureDevOpsFindings() {
    List<Finding> findings = OrganizationChecks.check(Fixtures.goodFacts("contoso")
        .projectCollectionAdministrator(false).build(), java.util.Optional.empty());

    assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR);
  }
}
