package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateGenerator;
import io.github.devopsconnector.testing.Estates;
import org.junit.jupiter.api.Test;

class RequestPlanTest {

  @Test
  void countsPagesOfProjectsAndPipelinesAndOneRepositoryListingPerOrganization() {
    Estate estate = EstateGenerator.builder().organizations(50).projectsPerOrganization(200).repositoriesPerProject(0)
        .pipelinesPerProject(1).build().generate();

    RequestPlan plan = RequestPlan.of(estate);

    assertThat(plan.fewestRequests()).isEqualTo(2 + 50 * (2 + 1 + 200));
    assertThat(plan.longestChain()).isEqualTo(2 + 2 + 1);
    assertThat(plan.rounds(64)).isEqualTo(159);
    assertThat(plan.idealMillis(20, 64)).isEqualTo(3180);
    assertThat(plan.idealMillis(20, 100_000)).as("the chain bounds it").isEqualTo(100);
  }

  @Test
  void anEmptyOrganizationStillTakesOnePageAndARefusingOneItsOneRequest() {
    Estate estate = Estates.builder()
        .tenant(Cli.TENANT)
        .user("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera", "jamie@fabrikam.example")
        .organization("empty")
        .organization("locked", o -> o.inaccessible())
        .organization("busy", o -> o.project("web", p -> p.pipelines(names("p", 150))))
        .build();

    RequestPlan plan = RequestPlan.of(estate);

    // profile + accounts + empty (1 page + 1 listing) + locked (1) + busy (1 page + 1 listing + 2 pipeline pages)
    assertThat(plan.fewestRequests()).isEqualTo(2 + 2 + 1 + 4);
    assertThat(plan.longestChain()).isEqualTo(2 + 1 + 2);
  }

  private static String[] names(String prefix, int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = prefix + i;
    }
    return names;
  }
}
