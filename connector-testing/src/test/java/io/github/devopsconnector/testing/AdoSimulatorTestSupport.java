package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Estates and a small HTTP client for the simulator tests. */
final class AdoSimulatorTestSupport {

  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String USER_ID = "d6245f20-2af8-44f4-9451-8107cb2767db";
  static final ObjectMapper JSON = new ObjectMapper();

  private AdoSimulatorTestSupport() {}

  /**
   * contoso: Basic, direct administrator, policy on, two projects; fabrikam: no tenant, Stakeholder, not an
   * administrator, policy off; nested-org: Visual Studio subscriber, administrator through a group, policy unknown;
   * locked: refuses the user; plus and nobody: the remaining access levels. The user's personal access token is
   * an all-organizations one, so the profile and accounts APIs answer too.
   */
  static Estate standard() {
    EstateProject web = EstateProject.builder().id(uuid("web")).name("Web Shop")
        .addRepositories(EstateRepository.of(uuid("web-app"), "web app", Optional.of("refs/heads/main")))
        .addRepositories(EstateRepository.of(uuid("web-empty"), "empty", Optional.empty()))
        .addPipelines(EstatePipeline.of(1, "ci"), EstatePipeline.of(2, "cd"), EstatePipeline.of(3, "nightly"),
            EstatePipeline.of(4, "lint"), EstatePipeline.of(5, "docs"), EstatePipeline.of(6, "release"),
            EstatePipeline.of(7, "perf"))
        .build();
    EstateProject infra = EstateProject.builder().id(uuid("infra")).name("Infra")
        .addRepositories(EstateRepository.of(uuid("infra-tf"), "terraform", Optional.of("refs/heads/master")))
        .addPipelines(EstatePipeline.of(8, "plan"))
        .build();
    return ImmutableEstate.builder()
        .tenantId(TenantId.parse(TENANT))
        .user(EstateUser.of(USER_ID, "Normal Paulk", "normal@contoso.com"))
        .addOrganizations(organization("contoso").tenantId(TenantId.parse(TENANT))
            .accessLevel(AccessLevel.BASIC).oauthThirdPartyAccess(OAuthAppAccess.ON)
            .addProjects(web, infra).build())
        .addOrganizations(organization("fabrikam").accessLevel(AccessLevel.STAKEHOLDER)
            .projectCollectionAdministrator(false).oauthThirdPartyAccess(OAuthAppAccess.OFF)
            .addProjects(EstateProject.builder().id(uuid("fab")).name("Fab").build()).build())
        .addOrganizations(organization("nested-org").tenantId(TenantId.parse(TENANT))
            .accessLevel(AccessLevel.VISUAL_STUDIO_SUBSCRIBER).administratorThroughNestedGroup(true)
            .oauthThirdPartyAccess(OAuthAppAccess.UNKNOWN).build())
        .addOrganizations(organization("locked").tenantId(TenantId.parse(TENANT)).accessible(false).build())
        .addOrganizations(organization("plus").accessLevel(AccessLevel.BASIC_PLUS_TEST_PLANS).build())
        .addOrganizations(organization("nobody").accessLevel(AccessLevel.NONE).build())
        .tokenForAllOrganizations(true)
        .build();
  }

  /** One organization, "big", with this many projects. */
  static Estate withProjects(int count) {
    EstateOrganization.Builder big = organization("big").tenantId(TenantId.parse(TENANT));
    for (int i = 0; i < count; i++) {
      big.addProjects(EstateProject.builder().id(uuid("p" + i)).name(String.format("project-%03d", i)).build());
    }
    return ImmutableEstate.builder()
        .tenantId(TenantId.parse(TENANT))
        .user(EstateUser.of(USER_ID, "Normal Paulk", "normal@contoso.com"))
        .addOrganizations(big.build())
        .tokenForAllOrganizations(true)
        .build();
  }

  static EstateOrganization.Builder organization(String name) {
    return EstateOrganization.builder().name(OrganizationName.parse(name));
  }

  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String basic(String user, String pat) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pat).getBytes(StandardCharsets.UTF_8));
  }

  static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends requests to one simulator the way the REST client does: PAT, Suppress, Accept JSON. */
  static final class Client {
    private final AzureDevOpsSimulator simulator;
    private final HttpClient http = newHttpClient();

    Client(AzureDevOpsSimulator simulator) {
      this.simulator = simulator;
    }

    HttpRequest.Builder request(String pathAndQuery) {
      return HttpRequest.newBuilder(URI.create(simulator.endpoint() + pathAndQuery))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", basic("", simulator.personalAccessToken()))
          .header("X-TFS-FedAuthRedirect", "Suppress")
          .header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String pathAndQuery) {
      return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> head(String pathAndQuery) {
      return send(request(pathAndQuery).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** GETs and parses a 200 JSON answer. */
    JsonNode json(String pathAndQuery) {
      HttpResponse<String> response = get(pathAndQuery);
      assertThat(response.statusCode()).as("status of %s: %s", pathAndQuery, response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      return parse(response.body());
    }

    HttpClient http() {
      return http;
    }
  }
}
