package io.github.devopsconnector.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estates;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** When the extension starts and stops the simulators, run through the JUnit engine itself. */
class SimulatorExtensionLifecycleTest {

  static final List<AzureDevOpsSimulator> seen = new CopyOnWriteArrayList<>();
  static final List<AzureDevOpsClient> clients = new CopyOnWriteArrayList<>();

  @Test
  void anInstanceFieldStartsFreshSimulatorsForEveryTestAndStopsThemAfter() {
    seen.clear();
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerTest.class)).execute().testEvents();

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(seen).hasSize(2).doesNotHaveDuplicates();
    for (AzureDevOpsClient client : clients) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(client::signedInUser))
          .as("the extension closed the client").isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void aStaticFieldSharesOneStartAcrossTheClassAndStopsItAfterTheClass() {
    seen.clear();
    clients.clear();
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerClass.class)).execute()
        .testEvents();

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(clients.get(0)::signedInUser))
        .as("the extension closed the client").isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aMissingEstateFileFailsTheTestsWithItsName() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingFile.class)).execute()
        .containerEvents();

    tests.assertStatistics(stats -> stats.failed(1));
    assertThat(tests.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage)
        .orElse(""))).anySatisfy(message -> assertThat(message).contains("/estates/missing.json"));
  }

  static class PerTest {
    // The signed-in user comes from the profile API, which only an all-organizations token may read.
    @RegisterExtension
    final SimulatorExtension simulators = SimulatorExtension.forEstate(Estates.builder().tokenForAllOrganizations()
        .organization("fabrikam", org -> org.project("web")).build());

    @Test
    void first(AzureDevOpsSimulator ado, AzureDevOpsClient client) {
      seen.add(ado);
      clients.add(client);
      assertThat(client.signedInUser().displayName()).isNotBlank();
    }

    @Test
    void second(AzureDevOpsSimulator ado, AzureDevOpsClient client) {
      seen.add(ado);
      clients.add(client);
      assertThat(client.signedInUser().displayName()).isNotBlank();
    }
  }

  static class PerClass {
    @RegisterExtension
    static final SimulatorExtension simulators = SimulatorExtension.forEstate(Estates.builder()
        .organization("fabrikam", org -> org.project("web")).build());

    @Test
    void first(AzureDevOpsSimulator ado, AzureDevOpsClient client) {
      seen.add(ado);
      clients.add(client);
    }

    @Test
    void second(AzureDevOpsSimulator ado) {
      seen.add(ado);
    }
  }

  static class MissingFile {
    @RegisterExtension
    static final SimulatorExtension simulators = SimulatorExtension.forEstateResource("/estates/missing.json");

    @Test
    void neverRuns() {}
  }
}
