package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Project paging with the integer {@code X-MS-ContinuationToken}. */
class AzureDevOpsSimulatorPagingTest {

  @Test
  void twoHundredFiftyProjectsComeInThreePages() {
    Estate estate = AdoSimulatorTestSupport.withProjects(250);
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
      Client client = new Client(simulator);
      List<String> ids = new ArrayList<>();
      List<Optional<String>> tokens = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      Optional<String> token = Optional.empty();
      do {
        HttpResponse<String> response = client.get("/big/_apis/projects?api-version=7.1&$top=100"
            + token.map(t -> "&continuationToken=" + t).orElse(""));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = parse(response.body());
        counts.add(page.get("count").asInt());
        page.get("value").forEach(p -> ids.add(p.get("id").asText()));
        token = response.headers().firstValue("X-MS-ContinuationToken");
        tokens.add(token);
      } while (token.isPresent() && tokens.size() < 10);

      assertThat(counts).containsExactly(100, 100, 50);
      assertThat(tokens).containsExactly(Optional.of("100"), Optional.of("200"), Optional.empty());
      List<String> expected = new ArrayList<>();
      estate.organizations().get(0).projects().forEach(p -> expected.add(p.id()));
      assertThat(ids).isEqualTo(expected);
      assertThat(simulator.counters().requests(AzureDevOpsSimulator.Route.PROJECTS)).isEqualTo(3);
    }
  }

  @Test
  void topChoosesThePageSizeAndItsAbsenceGivesAHundred() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.withProjects(250)).build().start()) {
      Client client = new Client(simulator);
      HttpResponse<String> thirty = client.get("/big/_apis/projects?api-version=7.1&$top=30");
      HttpResponse<String> tooMany = client.get("/big/_apis/projects?api-version=7.1&%24top=500");
      HttpResponse<String> none = client.get("/big/_apis/projects?api-version=7.1");
      HttpResponse<String> last = client.get("/big/_apis/projects?api-version=7.1&$top=30&continuationToken=240");
      HttpResponse<String> skipped = client.get("/big/_apis/projects?api-version=7.2-preview.4&$top=100&$skip=200");

      assertThat(parse(thirty.body()).get("count").asInt()).isEqualTo(30);
      assertThat(thirty.headers().firstValue("X-MS-ContinuationToken")).hasValue("30");
      // The service documents no cap on $top and answers far more than 100 when asked.
      assertThat(parse(tooMany.body()).get("count").asInt()).isEqualTo(250);
      assertThat(parse(skipped.body()).get("count").asInt()).isEqualTo(50);
      assertThat(parse(skipped.body()).get("value").get(0).get("name").asText()).isEqualTo("project-200");
      assertThat(parse(none.body()).get("count").asInt()).isEqualTo(100);
      assertThat(parse(last.body()).get("count").asInt()).isEqualTo(10);
      assertThat(parse(last.body()).get("value").get(0).get("name").asText()).isEqualTo("project-240");
      assertThat(last.headers().firstValue("X-MS-ContinuationToken")).isEmpty();
    }
  }

  @Test
  void theProjectPageSizeCapsEveryPage() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.withProjects(25))
        .projectPageSize(10).build().start()) {
      Client client = new Client(simulator);
      HttpResponse<String> first = client.get("/big/_apis/projects?api-version=7.1&$top=100");

      assertThat(parse(first.body()).get("count").asInt()).isEqualTo(10);
      assertThat(first.headers().firstValue("X-MS-ContinuationToken")).hasValue("10");
    }
  }

  @Test
  void badPagingParametersAreRefused() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.withProjects(5)).build().start()) {
      Client client = new Client(simulator);

      assertThat(client.get("/big/_apis/projects?api-version=7.1&continuationToken=abc").statusCode())
          .isEqualTo(400);
      assertThat(client.get("/big/_apis/projects?api-version=7.1&continuationToken=-1").statusCode())
          .isEqualTo(400);
      assertThat(client.get("/big/_apis/projects?api-version=7.1&$top=0").statusCode()).isEqualTo(400);
      assertThat(client.get("/big/_apis/graph/groups?api-version=7.1-preview.1&continuationToken=xyz")
          .statusCode()).isEqualTo(400);
    }
  }
}
