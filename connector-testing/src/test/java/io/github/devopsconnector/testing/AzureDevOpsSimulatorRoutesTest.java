package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.TENANT;
import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.USER_ID;
import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every route of the wire contract, checked for its JSON shape and its paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureDevOpsSimulatorRoutesTest {

  private static final Pattern TENANT_IN_DESCRIPTOR = Pattern.compile(";([0-9a-fA-F-]{36})\\\\");
  private static final String PCA = "Project Collection Administrators";

  private AzureDevOpsSimulator simulator;
  private Client client;

  @BeforeAll
  void start() {
    simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).groupPageSize(3).build().start();
    client = new Client(simulator);
  }

  @AfterAll
  void stop() {
    simulator.close();
  }

  @Test
  void profileHasTheFieldsOfTheService() {
    JsonNode me = client.json("/_apis/profile/profiles/me?api-version=7.1");

    assertThat(me.get("id").asText()).isEqualTo(USER_ID);
    assertThat(me.get("publicAlias").asText()).isEqualTo(USER_ID);
    assertThat(me.get("displayName").asText()).isEqualTo("Normal Paulk");
    assertThat(me.get("emailAddress").asText()).isEqualTo("normal@contoso.com");
    assertThat(me.get("coreRevision").isInt()).isTrue();
    assertThat(me.get("revision").isInt()).isTrue();
    assertThat(me.get("timeStamp").asText()).isNotBlank();
  }

  @Test
  void accountsListEveryOrganizationOfTheMember() {
    JsonNode accounts = client.json("/_apis/accounts?memberId=" + USER_ID + "&api-version=7.1");

    assertThat(accounts.get("count").asInt()).isEqualTo(6);
    List<String> names = new ArrayList<>();
    for (JsonNode account : accounts.get("value")) {
      names.add(account.get("accountName").asText());
      assertThat(account.get("accountId").asText()).hasSize(36);
      assertThat(account.get("accountUri").asText())
          .isEqualTo("https://vssps.dev.azure.com/" + account.get("accountName").asText() + "/");
      assertThat(account.get("properties").isObject()).isTrue();
    }
    assertThat(names).containsExactly("contoso", "fabrikam", "nested-org", "locked", "plus", "nobody");
  }

  @Test
  void accountsRefuseAnotherMemberAndNeedAMember() {
    HttpResponse<String> other = client.get("/_apis/accounts?memberId=" + AdoSimulatorTestSupport.uuid("x")
        + "&api-version=7.1");
    HttpResponse<String> missing = client.get("/_apis/accounts?api-version=7.1");

    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(parse(other.body()).get("message").asText()).startsWith("TF400813");
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  @Test
  void connectionDataCarriesTheTenantInTheDescriptor() {
    JsonNode data = client.json("/contoso/_apis/connectionData?api-version=7.1-preview.1");
    JsonNode user = data.get("authenticatedUser");

    Matcher tenant = TENANT_IN_DESCRIPTOR.matcher(user.get("descriptor").asText());
    assertThat(tenant.find()).as(user.get("descriptor").asText()).isTrue();
    assertThat(tenant.group(1)).isEqualTo(TENANT);
    assertThat(user.get("descriptor").asText()).endsWith("\\normal@contoso.com");
    assertThat(user.get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(user.get("subjectDescriptor").asText()).startsWith("aad.");
    assertThat(user.get("isActive").asBoolean()).isTrue();
    assertThat(user.get("providerDisplayName").asText()).isEqualTo("Normal Paulk");
    assertThat(data.get("authorizedUser")).isEqualTo(user);
    assertThat(data.get("instanceId").asText())
        .isEqualTo(simulator.estate().organizations().get(0).id());
    assertThat(data.get("deploymentType").asText()).isEqualTo("hosted");
  }

  @Test
  void connectionDataOfAnOrganizationWithoutTenantHasNoGuidInTheDescriptor() {
    JsonNode user = client.json("/fabrikam/_apis/connectionData?api-version=7.1-preview.1")
        .get("authenticatedUser");

    assertThat(TENANT_IN_DESCRIPTOR.matcher(user.get("descriptor").asText()).find()).isFalse();
    assertThat(user.get("subjectDescriptor").asText()).startsWith("msa.");
  }

  @Test
  void projectsHaveTheServiceShape() {
    JsonNode projects = client.json("/contoso/_apis/projects?api-version=7.1&$top=100");

    assertThat(projects.get("count").asInt()).isEqualTo(2);
    JsonNode web = projects.get("value").get(0);
    assertThat(web.get("id").asText()).isEqualTo(AdoSimulatorTestSupport.uuid("web"));
    assertThat(web.get("name").asText()).isEqualTo("Web Shop");
    assertThat(web.get("url").asText()).isEqualTo(simulator.endpoint() + "/contoso/_apis/projects/" + web.get("id")
        .asText());
    assertThat(web.get("state").asText()).isEqualTo("wellFormed");
    assertThat(web.get("visibility").asText()).isEqualTo("private");
    assertThat(web.get("revision").isNumber()).isTrue();
    assertThat(web.get("lastUpdateTime").asText()).isNotBlank();
  }

  @Test
  void repositoriesOfTheWholeOrganizationAndOfOneProject() {
    JsonNode all = client.json("/contoso/_apis/git/repositories?api-version=7.1");
    JsonNode web = client.json("/contoso/Web%20Shop/_apis/git/repositories?api-version=7.1");
    JsonNode byId = client.json("/contoso/" + AdoSimulatorTestSupport.uuid("infra")
        + "/_apis/git/repositories?api-version=7.1");

    assertThat(all.get("count").asInt()).isEqualTo(3);
    assertThat(web.get("count").asInt()).isEqualTo(2);
    assertThat(byId.get("value").get(0).get("name").asText()).isEqualTo("terraform");
    JsonNode app = web.get("value").get(0);
    assertThat(app.get("id").asText()).isEqualTo(AdoSimulatorTestSupport.uuid("web-app"));
    assertThat(app.get("name").asText()).isEqualTo("web app");
    assertThat(app.get("defaultBranch").asText()).isEqualTo("refs/heads/main");
    assertThat(app.get("remoteUrl").asText()).isEqualTo(simulator.endpoint() + "/contoso/Web%20Shop/_git/web%20app");
    assertThat(app.get("webUrl").asText()).isEqualTo(app.get("remoteUrl").asText());
    assertThat(app.get("isDisabled").asBoolean()).isFalse();
    assertThat(app.get("size").asLong()).isPositive();
    assertThat(app.get("url").asText()).startsWith(simulator.endpoint() + "/contoso/");
    assertThat(app.get("project").get("id").asText()).isEqualTo(AdoSimulatorTestSupport.uuid("web"));
    assertThat(app.get("project").get("name").asText()).isEqualTo("Web Shop");
    assertThat(app.get("project").get("state").asText()).isEqualTo("wellFormed");
    assertThat(app.get("project").get("url").asText()).isNotBlank();
    JsonNode empty = web.get("value").get(1);
    assertThat(empty.has("defaultBranch")).isFalse();
    assertThat(empty.get("size").asLong()).isZero();
  }

  @Test
  void anUnknownProjectIsNotFound() {
    HttpResponse<String> response = client.get("/contoso/Nope/_apis/git/repositories?api-version=7.1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(parse(response.body()).get("message").asText()).startsWith("TF200016");
  }

  @Test
  void pipelinesArePagedWithAnOpaqueToken() {
    List<String> names = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    String token = null;
    int requests = 0;
    do {
      String query = "?api-version=7.1&$top=3"
          + (token == null ? "" : "&continuationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      HttpResponse<String> response = client.get("/contoso/Web%20Shop/_apis/pipelines" + query);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = parse(response.body());
      assertThat(page.get("count").asInt()).isEqualTo(page.get("value").size());
      for (JsonNode pipeline : page.get("value")) {
        names.add(pipeline.get("name").asText());
        assertThat(pipeline.get("id").isNumber()).isTrue();
        assertThat(pipeline.get("folder").asText()).isEqualTo("\\");
        assertThat(pipeline.get("revision").isNumber()).isTrue();
        assertThat(pipeline.get("url").asText()).startsWith(simulator.endpoint() + "/contoso/");
      }
      token = response.headers().firstValue("X-MS-ContinuationToken").orElse(null);
      if (token != null) {
        tokens.add(token);
      }
      requests++;
    } while (token != null && requests < 10);

    assertThat(names).containsExactly("ci", "cd", "nightly", "lint", "docs", "release", "perf");
    assertThat(requests).isEqualTo(3);
    assertThat(tokens).hasSize(2).allSatisfy(t -> assertThat(t).doesNotMatch("\\d+"));
  }

  @Test
  void aPipelineTokenMustBeUrlEncodedAndBelongToItsProject() {
    String token = client.get("/contoso/Web%20Shop/_apis/pipelines?api-version=7.1&$top=3")
        .headers().firstValue("X-MS-ContinuationToken").orElseThrow();

    HttpResponse<String> raw = client.get("/contoso/Web%20Shop/_apis/pipelines?api-version=7.1&$top=3"
        + "&continuationToken=" + token.replace("=", "%3D"));
    HttpResponse<String> otherProject = client.get("/contoso/Infra/_apis/pipelines?api-version=7.1&$top=3"
        + "&continuationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

    assertThat(token).contains("+");
    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(otherProject.statusCode()).isEqualTo(400);
  }

  @Test
  void userEntitlementsMapEveryAccessLevel() {
    Map<String, AccessLevel> expected = Map.of("contoso", AccessLevel.BASIC, "fabrikam", AccessLevel.STAKEHOLDER,
        "nested-org", AccessLevel.VISUAL_STUDIO_SUBSCRIBER, "plus", AccessLevel.BASIC_PLUS_TEST_PLANS,
        "nobody", AccessLevel.NONE);
    for (Map.Entry<String, AccessLevel> org : expected.entrySet()) {
      String vsid = vsid(org.getKey());
      JsonNode entitlement = client.json("/" + org.getKey() + "/_apis/userentitlements/" + vsid
          + "?api-version=7.1");
      JsonNode level = entitlement.get("accessLevel");

      assertThat(entitlement.get("id").asText()).isEqualTo(vsid);
      assertThat(entitlement.get("user").get("principalName").asText()).isEqualTo("normal@contoso.com");
      assertThat(entitlement.get("user").get("descriptor").asText()).isEqualTo(subject(org.getKey()));
      AccessLevel parsed = AccessLevel.fromEntitlement(level.get("accountLicenseType").asText(),
          level.get("licensingSource").asText(), level.get("msdnLicenseType").asText());
      assertThat(parsed).as(org.getKey()).isEqualTo(org.getValue());
      assertThat(level.get("status").asText()).isEqualTo(org.getValue() == AccessLevel.NONE ? "none" : "active");
      assertThat(level.get("licenseDisplayName").asText()).isNotBlank();
      assertThat(level.get("assignmentSource").asText()).isEqualTo("unknown");
    }
    JsonNode basic = client.json("/contoso/_apis/userentitlements/" + vsid("contoso") + "?api-version=7.1")
        .get("accessLevel");
    assertThat(basic.get("accountLicenseType").asText()).isEqualTo("express");
    assertThat(basic.get("licensingSource").asText()).isEqualTo("account");
    assertThat(basic.get("msdnLicenseType").asText()).isEqualTo("none");
    assertThat(basic.get("licenseDisplayName").asText()).isEqualTo("Basic");
  }

  @Test
  void anEntitlementOfAnotherIdentityIsNotFound() {
    HttpResponse<String> response = client.get("/contoso/_apis/userentitlements/"
        + AdoSimulatorTestSupport.uuid("someone") + "?api-version=7.1");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void groupsArePagedAndTheAdministratorsComeLast() {
    List<JsonNode> groups = allGroups("contoso");

    assertThat(groups).hasSizeGreaterThan(3);
    assertThat(groups.get(groups.size() - 1).get("principalName").asText())
        .isEqualTo("[contoso]\\" + PCA);
    Set<String> descriptors = new HashSet<>();
    for (JsonNode group : groups) {
      assertThat(group.get("subjectKind").asText()).isEqualTo("group");
      assertThat(group.get("origin").asText()).isEqualTo("vsts");
      assertThat(group.get("descriptor").asText()).startsWith("vssgp.");
      assertThat(group.has("displayName")).isTrue();
      assertThat(group.has("domain")).isTrue();
      descriptors.add(group.get("descriptor").asText());
    }
    assertThat(descriptors).hasSameSizeAs(groups);
    JsonNode pca = groups.get(groups.size() - 1);
    assertThat(pca.get("domain").asText())
        .isEqualTo("vstfs:///Framework/IdentityDomain/" + simulator.estate().organizations().get(0).id());
    assertThat(groups.stream().filter(g -> g.get("displayName").asText().equals(PCA))).hasSize(1);
  }

  @Test
  void aDirectAdministratorPassesTheMembershipCheck() {
    String pca = pcaDescriptor("contoso");

    assertThat(client.head(membership("contoso", subject("contoso"), pca)).statusCode()).isEqualTo(200);
    assertThat(reachesByWalkingUp("contoso", subject("contoso"), pca)).isTrue();
  }

  @Test
  void aNestedAdministratorIsFoundOnlyByWalkingUp() {
    String pca = pcaDescriptor("nested-org");
    String user = subject("nested-org");
    JsonNode direct = client.json("/nested-org/_apis/graph/Memberships/" + user
        + "?direction=up&api-version=7.1-preview.1");

    assertThat(client.head(membership("nested-org", user, pca)).statusCode()).isEqualTo(404);
    assertThat(direct.get("count").asInt()).isPositive();
    for (JsonNode edge : direct.get("value")) {
      assertThat(edge.get("memberDescriptor").asText()).isEqualTo(user);
      assertThat(edge.get("containerDescriptor").asText()).isNotEqualTo(pca);
    }
    assertThat(reachesByWalkingUp("nested-org", user, pca)).isTrue();
  }

  @Test
  void aNonAdministratorBelongsToOtherGroupsOnly() {
    String pca = pcaDescriptor("fabrikam");
    String user = subject("fabrikam");

    assertThat(client.head(membership("fabrikam", user, pca)).statusCode()).isEqualTo(404);
    assertThat(client.json("/fabrikam/_apis/graph/Memberships/" + user + "?direction=up&api-version=7.1-preview.1")
        .get("count").asInt()).isPositive();
    assertThat(reachesByWalkingUp("fabrikam", user, pca)).isFalse();
  }

  @Test
  void membersOfTheAdministratorsAreListedDownwards() {
    String pca = pcaDescriptor("contoso");
    JsonNode down = client.json("/contoso/_apis/graph/Memberships/" + pca
        + "?direction=down&api-version=7.1-preview.1");

    assertThat(down.get("value")).anySatisfy(edge ->
        assertThat(edge.get("memberDescriptor").asText()).isEqualTo(subject("contoso")));
  }

  @Test
  void theOAuthPolicyAnswersByItsState() {
    String route = "/_apis/OrganizationPolicy/Policies/Policy.DisallowOAuthAuthentication?api-version=5.0-preview.1";
    JsonNode on = client.json("/contoso" + route);
    JsonNode off = client.json("/fabrikam" + route);
    HttpResponse<String> unknown = client.get("/nested-org" + route);

    assertThat(on.get("name").asText()).isEqualTo("Policy.DisallowOAuthAuthentication");
    assertThat(on.get("effectiveValue").asBoolean()).isFalse();
    assertThat(on.get("value").asBoolean()).isFalse();
    assertThat(on.has("enforce")).isTrue();
    assertThat(on.has("isValueUndefined")).isTrue();
    assertThat(off.get("effectiveValue").asBoolean()).isTrue();
    assertThat(unknown.statusCode()).isEqualTo(405);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(parse(unknown.body()).get("message").asText()).isNotBlank();
  }

  @Test
  void anInaccessibleOrganizationRefusesEveryCall() {
    List<String> paths = List.of("/locked/_apis/connectionData?api-version=7.1-preview.1",
        "/locked/_apis/projects?api-version=7.1",
        "/locked/_apis/git/repositories?api-version=7.1",
        "/locked/_apis/graph/groups?api-version=7.1-preview.1",
        "/locked/_apis/userentitlements/" + AdoSimulatorTestSupport.uuid("x") + "?api-version=7.1",
        "/locked/_apis/OrganizationPolicy/Policies/Policy.DisallowOAuthAuthentication?api-version=5.0-preview.1");
    for (String path : paths) {
      HttpResponse<String> response = client.get(path);
      JsonNode error = parse(response.body());

      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(error.get("message").asText()).as(path).startsWith("TF400813");
      assertThat(error.get("typeKey").asText()).isEqualTo("UnauthorizedRequestException");
      assertThat(error.has("$id")).isTrue();
      assertThat(error.has("innerException")).isTrue();
      assertThat(error.has("errorCode")).isTrue();
      assertThat(error.has("eventId")).isTrue();
    }
    assertThat(client.head("/locked/_apis/graph/memberships/a/b?api-version=7.1-preview.1").statusCode())
        .isEqualTo(401);
  }

  @Test
  void anUnknownOrganizationIsNotFound() {
    for (String org : List.of("nowhere", "not_a_valid_name")) {
      HttpResponse<String> response = client.get("/" + org + "/_apis/projects?api-version=7.1");

      assertThat(response.statusCode()).as(org).isEqualTo(404);
      assertThat(parse(response.body()).get("message").asText()).startsWith("TF200016");
    }
  }

  @Test
  void organizationNamesIgnoreCase() {
    assertThat(client.json("/CONTOSO/_apis/projects?api-version=7.1").get("count").asInt()).isEqualTo(2);
  }

  @Test
  void unknownPathsAndMethodsAreRefused() {
    HttpResponse<String> unknown = client.get("/contoso/_apis/wit/workitems?api-version=7.1");
    HttpResponse<String> post = client.send(client.request("/contoso/_apis/projects?api-version=7.1")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(parse(unknown.body()).get("message").asText()).isNotBlank();
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(simulator.counters().requests(AzureDevOpsSimulator.Route.UNMATCHED)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theApiVersionOfTheContractIsRequired() {
    HttpResponse<String> missing = client.get("/contoso/_apis/projects");
    HttpResponse<String> wrong = client.get("/contoso/_apis/graph/groups?api-version=7.1");
    HttpResponse<String> inAccept = client.send(client.request("/contoso/_apis/projects")
        .setHeader("Accept", "application/json; api-version=7.1").GET().build());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(parse(missing.body()).get("typeKey").asText()).isEqualTo("VssVersionNotSpecifiedException");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(parse(wrong.body()).get("typeKey").asText()).isEqualTo("VssInvalidPreviewVersionException");
    assertThat(parse(wrong.body()).get("message").asText()).contains("\"7.1-preview\"");
    assertThat(inAccept.statusCode()).isEqualTo(200);
  }

  private String vsid(String org) {
    return client.json("/" + org + "/_apis/connectionData?api-version=7.1-preview.1")
        .get("authenticatedUser").get("id").asText();
  }

  private String subject(String org) {
    return client.json("/" + org + "/_apis/connectionData?api-version=7.1-preview.1")
        .get("authenticatedUser").get("subjectDescriptor").asText();
  }

  private List<JsonNode> allGroups(String org) {
    List<JsonNode> groups = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      HttpResponse<String> response = client.get("/" + org + "/_apis/graph/groups?api-version=7.1-preview.1"
          + (token == null ? "" : "&continuationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = parse(response.body());
      assertThat(page.get("value").size()).isLessThanOrEqualTo(3).isEqualTo(page.get("count").asInt());
      page.get("value").forEach(groups::add);
      token = response.headers().firstValue("X-MS-ContinuationToken").orElse(null);
      pages++;
    } while (token != null && pages < 100);
    assertThat(pages).isGreaterThan(1).isLessThan(100);
    return groups;
  }

  private String pcaDescriptor(String org) {
    return allGroups(org).stream()
        .filter(g -> g.get("principalName").asText().equalsIgnoreCase("[" + org + "]\\" + PCA))
        .map(g -> g.get("descriptor").asText())
        .findFirst().orElseThrow();
  }

  private static String membership(String org, String subject, String container) {
    return "/" + org + "/_apis/graph/memberships/" + subject + "/" + container + "?api-version=7.1-preview.1";
  }

  /** The client's walk: breadth-first up the membership graph, with a visited set and a depth bound. */
  private boolean reachesByWalkingUp(String org, String subject, String target) {
    Set<String> visited = new HashSet<>();
    ArrayDeque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
    queue.add(Map.entry(subject, 0));
    while (!queue.isEmpty()) {
      Map.Entry<String, Integer> next = queue.poll();
      if (next.getValue() >= 10 || !visited.add(next.getKey())) {
        continue;
      }
      JsonNode up = client.json("/" + org + "/_apis/graph/Memberships/" + next.getKey()
          + "?direction=up&api-version=7.1-preview.1");
      for (JsonNode edge : up.get("value")) {
        String container = edge.get("containerDescriptor").asText();
        if (container.equals(target)) {
          return true;
        }
        queue.add(Map.entry(container, next.getValue() + 1));
      }
    }
    return false;
  }
}
