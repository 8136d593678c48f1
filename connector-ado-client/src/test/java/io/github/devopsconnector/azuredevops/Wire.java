package io.github.devopsconnector.azuredevops;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.core.OrganizationName;
import java.time.Duration;

/** The shared cast of the wire tests: one organization, its user and groups, and a client for the server. */
final class Wire {
  static final OrganizationName ORG = OrganizationName.parse("fabrikam");
  static final String PAT = "52charpatlookalike0123456789abcdefghijklmnopqrstuv";
  static final String VSID = "00470e34-da61-6a69-bd96-487a849ec558";
  static final String TENANT = "45aa3d2d-7442-473d-b4d3-3c670da9dd96";
  static final String USER = "aad.MDA0NzBlMzQtZGE2MS03YTY5LWJkOTYtNDg3YTg0OWVjNTU4";
  static final String TEAM =
      "vssgp.Uy0xLTktMTU1MTM3NDI0NS0yMTc2MDU2ODQ4LTMyODAwNzczODUtMjM4NDQzMDA4Mi0yNTc3Njk3NTA4LTEtMzc5ODc3NjQ4NS02MDUxNTc3MDItMjYwNTUyMjgyMi0xMTc1OTEzNzYz";
  static final String CONTRIBUTORS =
      "vssgp.Uy0xLTktMTU1MTM3NDI0NS0xMjA0NDAwOTY5LTI0MDI5ODY0MTMtMjE3OTQwODYxNi0zLTI2MzcwNDYxMDEtMzM5MzQ4NTA2NC0yNDEwMjM2NzY0LTQxMjg3MjQ3NzU";
  static final String VALID_USERS =
      "vssgp.Uy0xLTktMTU1MTM3NDI0NS0yMTc2MDU2ODQ4LTMyODAwNzczODUtMjM4NDQzMDA4Mi0yNTc3Njk3NTA4LTAtMC0wLTAtMw";
  static final String PCA =
      "vssgp.Uy0xLTktMTU1MTM3NDI0NS0yMTc2MDU2ODQ4LTMyODAwNzczODUtMjM4NDQzMDA4Mi0yNTc3Njk3NTA4LTAtMC0wLTAtMQ";

  static final String CONNECTION_DATA = "/fabrikam/_apis/connectionData";
  static final String GROUPS = "/fabrikam/_apis/graph/groups";
  /** The collection's scope descriptor, resolved from the organization id of the connectionData fixture. */
  static final String COLLECTION_DESCRIPTOR = "/fabrikam/_apis/graph/descriptors/10feb381-82c3-4902-8e1f-840299a48ae4";
  static final String POLICY = "/fabrikam/_apis/OrganizationPolicy/Policies/Policy.DisallowOAuthAuthentication";
  static final String PROJECTS = "/fabrikam/_apis/projects";

  private Wire() {}

  static String membershipCheck(String subject, String container) {
    return "/fabrikam/_apis/graph/memberships/" + subject + "/" + container;
  }

  static String membershipsUp(String subject) {
    return "/fabrikam/_apis/graph/Memberships/" + subject;
  }

  /** connectionData and two pages of graph groups, PCA on the second. */
  static void organization(RawHttpServer server) {
    server.on("GET", CONNECTION_DATA, Reply.json(200, Payloads.text("connectionData-aad.json")));
    server.on("GET", GROUPS, request -> "page2".equals(request.query().get("continuationToken"))
        ? Reply.json(200, Payloads.text("graph-groups-page2.json"))
        : Reply.json(200, Payloads.text("graph-groups-page1.json")).header("X-MS-ContinuationToken", "page2"));
  }

  /** A client for the server with a PAT, fast retries and the fake clock. */
  static AzureDevOpsRestClientBuilder builder(RawHttpServer server, FakeTime time) {
    return new AzureDevOpsRestClientBuilder()
        .endpoint(server.url())
        .personalAccessToken(PAT)
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions()
            .setBaseDelay(Duration.ofMillis(100))
            .setMaxDelay(Duration.ofSeconds(60))))
        .clock(time).sleeper(time);
  }

  static AzureDevOpsRestClient client(RawHttpServer server, FakeTime time) {
    return builder(server, time).buildClient();
  }
}
