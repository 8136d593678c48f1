package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the simulator pre-encodes, and that the world then answers from it. */
class AdoSimPagesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void encodesEveryPageADiscoveryReadsOfEachOrganizationThatLetsTheUserIn() {
    AdoSimWorld world = new AdoSimWorld(AdoSimulatorTestSupport.standard(), "http://127.0.0.1:1", 100, 20);
    AdoSimPages pages = AdoSimPages.encode(world, MAPPER);

    // contoso: 1 project page, 1 repository listing, 2 projects' pipeline pages; fabrikam: 1 + 1 + 1;
    // nested-org, plus, nobody: 1 + 1 each (no projects); locked refuses the user.
    assertThat(pages.size()).isEqualTo(4 + 3 + 2 * 3);
    assertThat(pages.bytes()).isPositive();
  }

  @Test
  void theWorldAnswersStoredPagesWithTheBytesItWouldEncode() throws Exception {
    AdoSimWorld world = new AdoSimWorld(AdoSimulatorTestSupport.standard(), "http://127.0.0.1:1", 100, 20);
    AdoSimOrg contoso = world.organization("contoso").view();
    byte[] perRequest = MAPPER.writeValueAsBytes(world.catalog.repositories(contoso).json);
    AdoSimReply firstPage = world.catalog.projects(contoso, Map.of("$top", "1"));

    world.usePages(AdoSimPages.encode(world, MAPPER));
    AdoSimReply stored = world.catalog.repositories(contoso);
    AdoSimReply notStored = world.catalog.projects(contoso, Map.of("$top", "1"));

    assertThat(stored.json).isNull();
    assertThat(stored.encoded).isEqualTo(perRequest);
    assertThat(notStored.encoded).isNull();
    assertThat(MAPPER.writeValueAsBytes(notStored.json)).isEqualTo(MAPPER.writeValueAsBytes(firstPage.json));
    assertThat(notStored.headers).isEqualTo(firstPage.headers);
  }
}
