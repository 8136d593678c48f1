package io.github.devopsconnector.core;

import static io.github.devopsconnector.core.Fixtures.OWNER;
import static io.github.devopsconnector.core.Fixtures.SUBSCRIPTION;
import static io.github.devopsconnector.core.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitLabConnectorBuilderTest {

  private static ConnectorBuilder valid() {
    return ConnectorBuilder.gitLab().name("gitlab-connector").subscription(SUBSCRIPTION).resourceGroup("security-rg")
        .region("West Europe").tenant(TENANT).owner(OWNER).allExistingOrganizations();
  }

  private static GitLabGroupFacts.Builder facts(String group) {
    return GitLabGroupFacts.builder().group(OrganizationName.parse(group));
  }

  private static List<FindingCode> codes(GitLabGroupFacts facts) {
    return valid().organizationFacts(OrganizationFacts.gitLab(facts)).validate().findings().stream()
        .map(Finding::code).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void aValidGitLabConnectorGetsTheGitLabPlatformAndOffering() {
    Connector connector = valid().build();

    assertThat(connector.platform()).isEqualTo(DevOpsPlatform.GITLAB);
    assertThat(connector.offerings()).containsExactly(Offering.CSPM_MONITOR_GITLAB);
    assertThat(ConnectorBuilder.forPlatform(DevOpsPlatform.GITLAB).platform()).isEqualTo(DevOpsPlatform.GITLAB);
    assertThat(connector.organizations().kind()).isEqualTo(OrganizationSelection.Kind.ALL_EXISTING);
    assertThat(valid().allExistingAndFutureOrganizations().build().organizations().kind())
        .isEqualTo(OrganizationSelection.Kind.ALL_EXISTING_AND_FUTURE);
    assertThat(valid().organizations("contoso", "contoso.labs").build().organizations().organizations())
        .containsExactly(OrganizationName.parse("contoso"), OrganizationName.parse("contoso.labs"));
  }

  @Test
  void aGitLabConnectorNameFollowsTheAzureRuleNotGitHubsTwentyCharacters() {
    assertThat(valid().name("gitlab-connector-2024-production").validate().isValid()).isTrue();
    assertThat(valid().name("gitlab connector").validate().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.CONNECTOR_NAME_INVALID);
  }

  @Test
  void groupPathsFollowGitLabsRule() {
    assertThat(valid().organizations("contoso", "contoso.labs", "my_group", "ends-").validate().isValid()).isTrue();

    ValidationReport report = valid().organizations("contoso", "web.git", "a/b", "-lead").validate();

    assertThat(report.findings()).extracting(Finding::code).containsOnly(FindingCode.ORGANIZATION_SELECTION_INVALID)
        .hasSize(3);
    assertThat(report.findings().get(0).message()).contains("Entry 2 of 4").contains("'.git'");
    assertThat(report.findings().get(1).message()).contains("position 2 ('/')");
    assertThat(report.findings().get(0).remediation()).contains("https://gitlab.com/{path}");
    assertThat(valid().organizations("contoso", "Contoso").validate().findings()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("listed 2 times"));
  }

  @Test
  void azureDevOpsKeepsItsOwnNameRuleAndFindingsNowThatOrganizationNamesAreWider() {
    ValidationReport report = Fixtures.valid().organizations("contoso.labs").validate();

    assertThat(report.findings()).extracting(Finding::code)
        .containsExactly(FindingCode.ORGANIZATION_SELECTION_INVALID);
    assertThat(report.findings().get(0).message()).isEqualTo("Entry 1 of 1: The organization name \"contoso.labs\" "
        + "may only have ASCII letters, digits and hyphens; position 8 ('.') is not one.");
    assertThat(report.findings().get(0).remediation()).contains("https://dev.azure.com/{organization}");
  }

  @Test
  void aGroupWhereTheUserIsNoOwnerIsRefused() {
    assertThat(codes(facts("contoso").groupOwner(false).plan("ultimate").build()))
        .containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    Finding finding = GitLabGroupChecks.check(facts("contoso").groupOwner(false).build()).get(0);
    assertThat(finding.subject()).isEqualTo("organization:contoso");
    assertThat(finding.message()).contains("not an Owner of the GitLab group contoso");
    assertThat(finding.remediation()).contains("make you an Owner");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"free", "premium", "Premium", "premium_trial", "default", "bronze", "silver"})
  void aGroupWithoutUltimateIsRefused(String plan) {
    List<Finding> findings = GitLabGroupChecks.check(facts("contoso").groupOwner(true).plan(plan).build());

    assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.GITLAB_ULTIMATE_REQUIRED);
    assertThat(findings.get(0).message()).contains(plan).contains("GitLab Ultimate");
    assertThat(findings.get(0).remediation()).contains("Upgrade contoso to GitLab Ultimate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ultimate", "ULTIMATE", "ultimate_trial", "gold", "opensource", "platinum-2030"})
  void ultimatePlansAndPlansThisLibraryDoesNotKnowAreNotRefused(String plan) {
    assertThat(codes(facts("contoso").groupOwner(true).plan(plan).build())).isEmpty();
  }

  @Test
  void absentFactsAreNotChecked() {
    assertThat(codes(facts("contoso").build())).isEmpty();
    assertThat(GitLabGroupChecks.isUltimate(null)).isEmpty();
    assertThat(GitLabGroupChecks.isUltimate("premium")).contains(false);
  }

  @Test
  void anExplicitSelectionChecksOnlyTheGroupsItNames() {
    ValidationReport report = valid().organizations("contoso")
        .organizationFacts(OrganizationFacts.gitLab(facts("contoso").groupOwner(true).plan("ultimate").build()),
            OrganizationFacts.gitLab(facts("fabrikam").groupOwner(false).build()))
        .validate();

    assertThat(report.isValid()).isTrue();
  }

  @Test
  void factsOfAnotherPlatformAreAProgrammingError() {
    OrganizationFacts gitLab = OrganizationFacts.gitLab(facts("contoso").groupOwner(true).build());

    assertThat(gitLab.platform()).isEqualTo(DevOpsPlatform.GITLAB);
    assertThat(gitLab.organization()).isEqualTo(OrganizationName.parse("contoso"));
    assertThatThrownBy(() -> ConnectorBuilder.gitHub().organizationFacts(gitLab))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GitLab");
    assertThatThrownBy(() -> OrganizationFacts.builder().organization(OrganizationName.parse("contoso"))
        .platform(DevOpsPlatform.GITLAB).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OrganizationFacts.gitLab");
  }
}
