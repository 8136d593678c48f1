package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class InventoryWireTest {
  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final FakeTime time = new FakeTime();
  private final AzureDevOpsRestClient client = Wire.client(server, time);

  @Test
  void readsTheProfileWithBasicAuthAndTheSuppressHeader() {
    server.on("GET", "/_apis/profile/profiles/me",
        Reply.json(200, Payloads.exampleBody("GET__profile_profiles_me.json")));

    AzureDevOpsUser user = client.signedInUser();

    assertThat(user.id()).isEqualTo("d6245f20-2af8-44f4-9451-8107cb2767db");
    assertThat(user.displayName()).isEqualTo("Normal Paulk");
    assertThat(user.emailAddress()).contains("fabrikamfiber16@hotmail.com");
    Request request = server.requests().get(0);
    assertThat(request.query()).containsEntry("api-version", "7.1");
    String expected = "Basic " + Base64.getEncoder().encodeToString((":" + Wire.PAT).getBytes(StandardCharsets.UTF_8));
    assertThat(request.header("Authorization")).isEqualTo(expected);
    assertThat(request.header("X-TFS-FedAuthRedirect")).isEqualTo("Suppress");
    assertThat(request.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void listsTheOrganizationsOfTheMember() {
    server.on("GET", "/_apis/accounts",
        Reply.json(200, Payloads.exampleBody("GET__Accounts_memberId-_userId_.json")));

    List<AzureDevOpsOrganization> organizations =
        client.organizations(AzureDevOpsUser.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Normal Paulk", Optional.empty()));

    assertThat(organizations).extracting(o -> o.name().value()).containsExactly("Fabrikam-Fiber-Inc", "NormalPaulk");
    assertThat(organizations.get(0).id()).isEqualTo("6affcbef-fe5d-44c6-8a29-439b79aaa118");
    assertThat(organizations.get(0).url()).as("the organization URL, on the core host")
        .isEqualTo(server.url() + "/Fabrikam-Fiber-Inc");
    assertThat(organizations.get(0).identityUrl()).as("accountUri, the identity host")
        .hasValue("https://vssps.dev.azure.com/Fabrikam-Fiber-Inc/");
    assertThat(server.requests().get(0).query())
        .containsEntry("memberId", "d6245f20-2af8-44f4-9451-8107cb2767db")
        .containsEntry("api-version", "7.1");
  }

  @Test
  void pagesThroughThreeHundredFiftyProjectsWithIntegerTokens() {
    server.on("GET", Wire.PROJECTS, request -> {
      int skip = Integer.parseInt(request.query().getOrDefault("continuationToken", "0"));
      int top = Integer.parseInt(request.query().get("$top"));
      int end = Math.min(skip + top, 350);
      Reply reply = Reply.json(200, Payloads.projectPage(skip, end));
      return end < 350 ? reply.header("X-MS-ContinuationToken", String.valueOf(end)) : reply;
    });

    List<AzureDevOpsProject> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      ResultPage<AzureDevOpsProject> page = client.projects(Wire.ORG, token);
      all.addAll(page.items());
      token = page.continuationToken();
      pages++;
    } while (token.isPresent() && pages < 10);

    assertThat(pages).isEqualTo(4);
    assertThat(all).hasSize(350);
    assertThat(all).extracting(AzureDevOpsProject::name).doesNotHaveDuplicates().contains("Project-0", "Project-349");
    assertThat(server.requests(Wire.PROJECTS)).extracting(r -> r.query().get("continuationToken"))
        .containsExactly(null, "100", "200", "300");
    assertThat(server.requests(Wire.PROJECTS)).allSatisfy(r -> assertThat(r.query())
        .containsEntry("$top", "100").containsEntry("api-version", "7.1"));
  }

  @Test
  void theRecordedProjectsPageIsTheLastWhenThereIsNoToken() {
    server.on("GET", Wire.PROJECTS, Reply.json(200, Payloads.exampleBody("GET__projects.json")));

    ResultPage<AzureDevOpsProject> page = client.projects(Wire.ORG, Optional.empty());

    assertThat(page.items()).extracting(AzureDevOpsProject::name)
        .containsExactly("Fabrikam-Fiber-TFVC", "Fabrikam-Fiber-Git", "TestGit");
    assertThat(page.continuationToken()).isEmpty();
  }

  @Test
  void aProjectsTokenThatDoesNotMoveForwardIsAProtocolFailure() {
    server.on("GET", Wire.PROJECTS,
        Reply.json(200, Payloads.projectPage(100, 200)).header("X-MS-ContinuationToken", "100"));

    assertThatThrownBy(() -> client.projects(Wire.ORG, Optional.of("100")))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
          assertThat(e.getMessage()).contains("continuation token \"100\"").contains("projects of the organization fabrikam");
        });

    server.on("GET", Wire.PROJECTS,
        Reply.json(200, Payloads.projectPage(200, 300)).header("X-MS-ContinuationToken", "100"));
    assertThatThrownBy(() -> client.projects(Wire.ORG, Optional.of("200")))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL));
  }

  @Test
  void listsTheRepositoriesOfTheWholeOrganizationInOneCall() {
    server.on("GET", "/fabrikam/_apis/git/repositories",
        Reply.json(200, Payloads.exampleBody("GET__git_repositories.json")));

    List<AzureDevOpsRepository> repositories = client.repositories(Wire.ORG);

    assertThat(repositories).extracting(AzureDevOpsRepository::name)
        .containsExactly("AnotherRepository", "Fabrikam-Fiber-Git", "TestGit");
    AzureDevOpsRepository first = repositories.get(0);
    assertThat(first.defaultBranch()).isEmpty();
    assertThat(first.url()).isEqualTo("https://dev.azure.com/fabrikam/Fabrikam-Fiber-Git/_git/AnotherRepository");
    assertThat(first.projectName()).isEqualTo("Fabrikam-Fiber-Git");
    assertThat(first.projectId()).isEqualTo("6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c");
    assertThat(repositories.get(1).defaultBranch()).contains("refs/heads/master");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void listsTheRepositoriesOfAProjectWhoseNameNeedsEncoding() {
    server.on("GET", "/fabrikam/Fabrikam Fiber & Co/_apis/git/repositories",
        Reply.json(200, Payloads.exampleBody("GET__git_repositories.json")));

    List<AzureDevOpsRepository> repositories = client.repositories(Wire.ORG, "Fabrikam Fiber & Co");

    assertThat(repositories).hasSize(3);
    assertThat(server.requests().get(0).rawPath()).isEqualTo("/fabrikam/Fabrikam%20Fiber%20%26%20Co/_apis/git/repositories");
  }

  @Test
  void pagesThroughPipelinesWithOpaqueTokens() {
    String opaque = "eyJsYXN0SWQiOjE1fQ==+/x";
    String project = "/fabrikam/Fabrikam-Fiber-Git/_apis/pipelines";
    server.on("GET", project, request -> opaque.equals(request.query().get("continuationToken"))
        ? Reply.json(200, Payloads.text("pipelines-page2.json"))
        : Reply.json(200, Payloads.text("pipelines-page1.json")).header("X-MS-ContinuationToken", opaque));

    ResultPage<AzureDevOpsPipeline> first = client.pipelines(Wire.ORG, "Fabrikam-Fiber-Git", Optional.empty());
    ResultPage<AzureDevOpsPipeline> second = client.pipelines(Wire.ORG, "Fabrikam-Fiber-Git", first.continuationToken());

    assertThat(first.items()).extracting(AzureDevOpsPipeline::id).containsExactly(12L, 15L);
    assertThat(first.items().get(1).folder()).isEqualTo("\\security");
    assertThat(first.continuationToken()).contains(opaque);
    assertThat(second.items()).extracting(AzureDevOpsPipeline::name).containsExactly("release");
    assertThat(second.continuationToken()).isEmpty();
    Map<String, String> query = server.requests(project).get(1).query();
    assertThat(query).containsEntry("continuationToken", opaque).containsEntry("$top", "100");
  }

  @Test
  void aPipelinesTokenThatRepeatsIsAProtocolFailure() {
    server.on("GET", "/fabrikam/Fabrikam-Fiber-Git/_apis/pipelines",
        Reply.json(200, Payloads.text("pipelines-page1.json")).header("X-MS-ContinuationToken", "same"));

    ResultPage<AzureDevOpsPipeline> first = client.pipelines(Wire.ORG, "Fabrikam-Fiber-Git", Optional.empty());
    assertThatThrownBy(() -> client.pipelines(Wire.ORG, "Fabrikam-Fiber-Git", first.continuationToken()))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
          assertThat(e.getMessage()).contains("\"same\"");
        });
  }

  @Test
  void blankArgumentsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.repositories(Wire.ORG, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("project");
    assertThatThrownBy(() -> client.projects(null, Optional.empty()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("organization");
    assertThat(server.requests()).isEmpty();
  }
}
