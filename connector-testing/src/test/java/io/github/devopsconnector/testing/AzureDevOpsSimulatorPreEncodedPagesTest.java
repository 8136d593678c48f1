package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pre-encoded pages answer exactly what the simulator encodes per request, and faults still apply to them. */
class AzureDevOpsSimulatorPreEncodedPagesTest {

  private static final List<String> REQUESTS = List.of(
      "/contoso/_apis/projects?api-version=7.1&$top=100",
      "/contoso/_apis/projects?api-version=7.1",
      "/contoso/_apis/projects?api-version=7.1&$top=1",
      "/contoso/_apis/projects?api-version=7.1&$top=1&continuationToken=1",
      "/contoso/_apis/git/repositories?api-version=7.1",
      "/contoso/Web%20Shop/_apis/git/repositories?api-version=7.1",
      "/contoso/Web%20Shop/_apis/pipelines?api-version=7.1&$top=100",
      "/contoso/Web%20Shop/_apis/pipelines?api-version=7.1",
      "/contoso/Web%20Shop/_apis/pipelines?api-version=7.1&$top=3",
      "/contoso/Infra/_apis/pipelines?api-version=7.1&$top=100",
      "/contoso/Missing/_apis/pipelines?api-version=7.1&$top=100",
      "/fabrikam/_apis/projects?api-version=7.1&$top=100",
      "/fabrikam/_apis/git/repositories?api-version=7.1",
      "/fabrikam/Fab/_apis/pipelines?api-version=7.1&$top=100",
      "/nested-org/_apis/projects?api-version=7.1&$top=100",
      "/nested-org/_apis/git/repositories?api-version=7.1",
      "/locked/_apis/projects?api-version=7.1&$top=100",
      "/locked/_apis/git/repositories?api-version=7.1",
      "/contoso/_apis/projects?api-version=6.0&$top=100");

  @Test
  void preEncodedPagesAnswerWhatIsEncodedPerRequest() {
    Estate estate = AdoSimulatorTestSupport.standard();
    try (AzureDevOpsSimulator plain = AzureDevOpsSimulator.builder(estate).build().start();
        AzureDevOpsSimulator encoded = AzureDevOpsSimulator.builder(estate).preEncodedPages(true).build().start()) {
      Client plainClient = new Client(plain);
      Client encodedClient = new Client(encoded);
      for (String request : REQUESTS) {
        HttpResponse<String> expected = plainClient.get(request);
        HttpResponse<String> actual = encodedClient.get(request);
        assertThat(actual.statusCode()).as(request).isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Content-Type")).as(request)
            .isEqualTo(expected.headers().firstValue("Content-Type"));
        assertThat(actual.headers().firstValue("X-MS-ContinuationToken")).as(request)
            .isEqualTo(expected.headers().firstValue("X-MS-ContinuationToken"));
        assertThat(actual.body().replace(encoded.endpoint(), "BASE")).as(request)
            .isEqualTo(expected.body().replace(plain.endpoint(), "BASE"));
      }
      assertThat(encoded.counters().totalRequests()).isEqualTo(REQUESTS.size());
    }
  }

  @Test
  void pagingThroughPreEncodedPagesReadsEveryProjectOnce() {
    Estate estate = AdoSimulatorTestSupport.withProjects(250);
    try (AzureDevOpsSimulator encoded = AzureDevOpsSimulator.builder(estate).preEncodedPages(true).build().start()) {
      Client client = new Client(encoded);
      HttpResponse<String> first = client.get("/big/_apis/projects?api-version=7.1&$top=100");
      HttpResponse<String> last = client.get("/big/_apis/projects?api-version=7.1&$top=100&continuationToken=200");
      assertThat(first.headers().firstValue("X-MS-ContinuationToken")).hasValue("100");
      assertThat(AdoSimulatorTestSupport.parse(first.body()).get("count").asInt()).isEqualTo(100);
      assertThat(last.headers().firstValue("X-MS-ContinuationToken")).isEmpty();
      assertThat(AdoSimulatorTestSupport.parse(last.body()).get("value").get(49).get("name").asText())
          .isEqualTo("project-249");
    }
  }

  @Test
  void corruptingFaultsCorruptACopyOfAPreEncodedPage() {
    Estate estate = AdoSimulatorTestSupport.standard();
    try (AzureDevOpsSimulator encoded = AzureDevOpsSimulator.builder(estate).preEncodedPages(true).build().start()) {
      Client client = new Client(encoded);
      String path = "/contoso/_apis/git/repositories?api-version=7.1";
      byte[] intact = client.get(path).body().getBytes(StandardCharsets.UTF_8);

      encoded.failNext(Route.ORGANIZATION_REPOSITORIES, Fault.TRUNCATED_JSON, 1);
      byte[] truncated = client.get(path).body().getBytes(StandardCharsets.UTF_8);
      encoded.failNext(Route.ORGANIZATION_REPOSITORIES, Fault.MALFORMED_JSON, 1);
      String malformed = client.get(path).body();
      byte[] after = client.get(path).body().getBytes(StandardCharsets.UTF_8);

      assertThat(truncated).isEqualTo(Arrays.copyOf(intact, intact.length / 2));
      assertThat(malformed).startsWith("{{").hasSize(intact.length + 1);
      assertThat(after).isEqualTo(intact);
      AdoSimulatorTestSupport.parse(new String(after, StandardCharsets.UTF_8));
    }
  }

  @Test
  void preEncodedPagesStillNeedTheCredential() {
    Estate estate = AdoSimulatorTestSupport.standard();
    try (AzureDevOpsSimulator encoded = AzureDevOpsSimulator.builder(estate).preEncodedPages(true).build().start()) {
      Client client = new Client(encoded);
      HttpResponse<String> anonymous = client.send(client.request("/contoso/_apis/git/repositories?api-version=7.1")
          .setHeader("Authorization", AdoSimulatorTestSupport.basic("", "not-the-token")).GET().build());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("TF400813").doesNotContain("web app");
    }
  }
}
