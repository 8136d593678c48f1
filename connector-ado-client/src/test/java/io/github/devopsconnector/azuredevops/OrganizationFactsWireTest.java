package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationFactsWireTest {
  private static final String ENTITLEMENT = "/fabrikam/_apis/userentitlements/" + Wire.VSID;

  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final AzureDevOpsRestClient client = Wire.client(server, new FakeTime());

  @BeforeEach
  void start() {
    Wire.organization(server);
  }

  @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}")
  @CsvSource({
      "express,     account, none,       active,   BASIC",
      "EXPRESS,     Account, None,       Active,   BASIC",
      "advanced,    account, none,       active,   BASIC_PLUS_TEST_PLANS",
      "stakeholder, account, none,       active,   STAKEHOLDER",
      "stakeHolder, account, none,       active,   STAKEHOLDER",
      "none,        msdn,    eligible,   active,   VISUAL_STUDIO_SUBSCRIBER",
      "none,        msdn,    enterprise, active,   VISUAL_STUDIO_SUBSCRIBER",
      "none,        account, none,       active,   NONE",
      "express,     account, none,       disabled, NONE",
      "advanced,    account, none,       pending,  NONE",
  })
  void mapsTheUserEntitlementToAnAccessLevel(String license, String source, String msdn, String status,
      AccessLevel expected) {
    server.on("GET", ENTITLEMENT, Reply.json(200, Payloads.entitlement(license, source, msdn, status)));

    assertThat(client.accessLevel(Wire.ORG)).isEqualTo(expected);
    assertThat(server.requests(ENTITLEMENT).get(0).query()).containsEntry("api-version", "7.1");
  }

  @Test
  void theRecordedStakeholderEntitlementIsNotEnough() {
    server.on("GET", ENTITLEMENT,
        Reply.json(200, Payloads.exampleBody("GET__memberEntitlementManagement_UserEntitlementById.json")));

    AccessLevel level = client.accessLevel(Wire.ORG);

    assertThat(level).isEqualTo(AccessLevel.STAKEHOLDER);
    assertThat(level.isSufficientToOnboard()).isFalse();
  }

  @Test
  void connectionDataIsReadOnceForTheOrganization() {
    server.on("GET", ENTITLEMENT, Reply.json(200, Payloads.entitlement("express", "account", "none", "active")));
    server.on("GET", ENTITLEMENT.replace("fabrikam", "FABRIKAM"),
        Reply.json(200, Payloads.entitlement("express", "account", "none", "active")));

    client.accessLevel(Wire.ORG);
    client.organizationTenant(Wire.ORG);
    client.accessLevel(io.github.devopsconnector.core.OrganizationName.parse("FABRIKAM"));

    assertThat(server.requests(Wire.CONNECTION_DATA)).hasSize(1);
    assertThat(server.requests(Wire.CONNECTION_DATA).get(0).query()).containsEntry("api-version", "7.1-preview.1");
  }

  @Test
  void theTenantIsTheGuidInTheIdentityDescriptor() {
    assertThat(client.organizationTenant(Wire.ORG)).contains(TenantId.parse(Wire.TENANT));
  }

  @Test
  void aMicrosoftAccountOrganizationHasNoTenant() {
    server.on("GET", Wire.CONNECTION_DATA, Reply.json(200, Payloads.text("connectionData-msa.json")));

    assertThat(client.organizationTenant(Wire.ORG)).isEmpty();
  }

  @Test
  void aDirectMemberIsFoundWithOneHeadRequest() {
    // The recorded HEAD answer: 200, no body, the specification example's headers.
    Reply recorded = Reply.empty(200);
    var headers = Payloads.tree(Payloads.text("CheckMembershipExistenceUser.json"))
        .path("responses").path("200").path("headers").fields();
    while (headers.hasNext()) {
      var header = headers.next();
      recorded = recorded.header(header.getKey(), header.getValue().asText());
    }
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA), recorded);

    assertThat(client.isProjectCollectionAdministrator(Wire.ORG)).isTrue();

    assertThat(server.requests(Wire.GROUPS)).hasSize(2);
    assertThat(server.requests(Wire.GROUPS).get(1).query()).containsEntry("continuationToken", "page2")
        .containsEntry("api-version", "7.1-preview.1");
    assertThat(server.requests(Wire.membershipsUp(Wire.USER))).isEmpty();
  }

  @Test
  void aMemberThroughATeamGroupIsFoundByWalkingUp() {
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA), Reply.empty(404));
    server.on("GET", Wire.membershipsUp(Wire.USER), Reply.json(200, Payloads.text("memberships-user-up.json")));
    server.on("GET", Wire.membershipsUp(Wire.TEAM), Reply.json(200, Payloads.text("memberships-team-up.json")));
    server.on("GET", Wire.membershipsUp(Wire.CONTRIBUTORS),
        Reply.json(200, Payloads.text("memberships-contributors-up.json")));

    assertThat(client.isProjectCollectionAdministrator(Wire.ORG)).isTrue();

    assertThat(server.requests(Wire.membershipsUp(Wire.USER)).get(0).query())
        .containsEntry("direction", "up").containsEntry("api-version", "7.1-preview.1");
  }

  @Test
  void aUserInNoAdministratorGroupIsNotAnAdministrator() {
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA), Reply.empty(404));
    server.on("GET", Wire.membershipsUp(Wire.USER), Reply.json(200, Payloads.text("memberships-user-up.json")));
    server.on("GET", Wire.membershipsUp(Wire.TEAM),
        Reply.json(200, Payloads.text("memberships-contributors-up.json")));
    server.on("GET", Wire.membershipsUp(Wire.CONTRIBUTORS),
        Reply.json(200, Payloads.text("memberships-contributors-up.json")));
    server.on("GET", Wire.membershipsUp(Wire.VALID_USERS), Reply.json(200, Payloads.text("memberships-none.json")));

    assertThat(client.isProjectCollectionAdministrator(Wire.ORG)).isFalse();

    // Contributors is reached twice (from the user and from the team) but read once.
    assertThat(server.requests(Wire.membershipsUp(Wire.CONTRIBUTORS))).hasSize(1);
  }

  @Test
  void aMembershipCycleEnds() {
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA), Reply.empty(404));
    server.on("GET", Wire.membershipsUp(Wire.USER), Reply.json(200, edge(Wire.TEAM, Wire.USER)));
    server.on("GET", Wire.membershipsUp(Wire.TEAM), Reply.json(200, edge(Wire.CONTRIBUTORS, Wire.TEAM)));
    server.on("GET", Wire.membershipsUp(Wire.CONTRIBUTORS), Reply.json(200, edge(Wire.TEAM, Wire.CONTRIBUTORS)));

    assertThat(client.isProjectCollectionAdministrator(Wire.ORG)).isFalse();
    assertThat(server.requests()).hasSizeLessThan(10);
  }

  @ParameterizedTest(name = "administrators {0} edges up -> {1}")
  @CsvSource({"10, true", "11, false"})
  void theWalkReachesTenLevelsUp(int edges, boolean expected) {
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA), Reply.empty(404));
    // user -> level1 -> level2 -> ... -> level(edges - 1) -> administrators
    server.on("GET", Wire.membershipsUp(Wire.USER), Reply.json(200, edge(edges == 1 ? Wire.PCA : "vssgp.level1", Wire.USER)));
    for (int level = 1; level < edges; level++) {
      String container = level == edges - 1 ? Wire.PCA : "vssgp.level" + (level + 1);
      server.on("GET", Wire.membershipsUp("vssgp.level" + level), Reply.json(200, edge(container, "vssgp.level" + level)));
    }

    assertThat(client.isProjectCollectionAdministrator(Wire.ORG)).isEqualTo(expected);
    assertThat(server.requests(Wire.membershipsUp("vssgp.level9"))).hasSize(1);
    assertThat(server.requests(Wire.membershipsUp("vssgp.level10"))).isEmpty();
  }

  @Test
  void graphGroupsThatRepeatTheirTokenAreAProtocolFailure() {
    server.on("GET", Wire.GROUPS,
        Reply.json(200, Payloads.text("graph-groups-page1.json")).header("X-MS-ContinuationToken", "again"));

    assertThatThrownBy(() -> client.isProjectCollectionAdministrator(Wire.ORG))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL));
    assertThat(server.requests(Wire.GROUPS)).hasSize(2);
  }

  @Test
  void oauthPolicyAllowedIsOn() {
    server.on("GET", Wire.POLICY, Reply.json(200, Payloads.text("policy-oauth-allowed.json")));

    OAuthAppAccessStatus status = client.oauthAppAccess(Wire.ORG);

    assertThat(status.state()).isEqualTo(OAuthAppAccess.ON);
    assertThat(server.requests(Wire.POLICY).get(0).query()).containsEntry("api-version", "5.0-preview.1");
  }

  @Test
  void oauthPolicyDisallowedIsOff() {
    server.on("GET", Wire.POLICY, Reply.json(200, Payloads.text("policy-oauth-disallowed.json")));

    assertThat(client.oauthAppAccess(Wire.ORG).state()).isEqualTo(OAuthAppAccess.OFF);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"405, error-405.json", "404, error-TF200016.json", "403, error-TF400813.json",
      "500, error-503.json"})
  void anOauthPolicyThatCannotBeReadIsUnknownWithTheReason(int status, String body) {
    server.on("GET", Wire.POLICY, Reply.json(status, Payloads.text(body)));

    OAuthAppAccessStatus policy = client.oauthAppAccess(Wire.ORG);

    assertThat(policy.state()).isEqualTo(OAuthAppAccess.UNKNOWN);
    assertThat(policy.detail()).hasValueSatisfying(d -> assertThat(d).contains("undocumented")
        .contains("answered " + status));
  }

  @Test
  void anOauthPolicyAnsweredWithASignInPageIsUnknown() {
    server.on("GET", Wire.POLICY, Reply.html(203, Payloads.text("signin-page.html")));

    OAuthAppAccessStatus policy = client.oauthAppAccess(Wire.ORG);

    assertThat(policy.state()).isEqualTo(OAuthAppAccess.UNKNOWN);
    assertThat(policy.detail()).hasValueSatisfying(d -> assertThat(d).contains("sign-in page"));
  }

  @Test
  void anOauthPolicyWithoutAValueIsUnknown() {
    server.on("GET", Wire.POLICY, Reply.json(200, "{\"name\":\"Policy.DisallowOAuthAuthentication\"}"));

    assertThat(client.oauthAppAccess(Wire.ORG).state()).isEqualTo(OAuthAppAccess.UNKNOWN);
  }

  @Test
  void anUnreachableOauthPolicyIsUnknownNotAFailure() {
    server.close();

    OAuthAppAccessStatus policy = client.oauthAppAccess(Wire.ORG);

    assertThat(policy.state()).isEqualTo(OAuthAppAccess.UNKNOWN);
    assertThat(policy.detail()).hasValueSatisfying(d -> assertThat(d).contains("could not be reached"));
  }

  private static String edge(String container, String member) {
    return "{\"count\":1,\"value\":[{\"containerDescriptor\":\"" + container + "\",\"memberDescriptor\":\""
        + member + "\"}]}";
  }
}
