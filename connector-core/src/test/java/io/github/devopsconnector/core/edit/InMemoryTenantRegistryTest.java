package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import static io.github.devopsconnector.core.edit.EditFixtures.OTHER_TENANT;
import static io.github.devopsconnector.core.edit.EditFixtures.TENANT;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static io.github.devopsconnector.core.edit.EditFixtures.orgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTenantRegistryTest {

  private static final String SUBSCRIPTION = "/subscriptions/8b090c71-cfba-494d-87a6-e10b321a0d98";
  private static final ConnectorId MAIN = ConnectorId.parse(SUBSCRIPTION
      + "/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/main");
  private static final ConnectorId OTHER = ConnectorId.parse(SUBSCRIPTION
      + "/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/other");

  private final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();

  @Test
  void claimsReleasesAndTellsWhoHoldsAnOrganization() {
    assertThat(registry.claim(TENANT, org("contoso"), MAIN)).isTrue();
    assertThat(registry.claim(TENANT, org("contoso"), MAIN)).as("claiming again does nothing").isFalse();
    registry.claim(TENANT, org("fabrikam"), MAIN);

    assertThat(registry.onboardedBy(TENANT, org("contoso"))).contains(MAIN);
    assertThat(registry.organizationsOf(TENANT, MAIN)).isEqualTo(orgs("contoso", "fabrikam"));

    registry.release(TENANT, org("contoso"), MAIN);
    assertThat(registry.onboardedBy(TENANT, org("contoso"))).isEmpty();
    assertThat(registry.organizationsOf(TENANT, MAIN)).isEqualTo(orgs("fabrikam"));
  }

  @Test
  void anotherConnectorOfTheTenantCannotClaimAHeldOrganization() {
    registry.claim(TENANT, org("contoso"), MAIN);

    assertThatThrownBy(() -> registry.claim(TENANT, org("CONTOSO"), OTHER))
        .isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class, e -> {
          assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
          assertThat(e.holderConnectorId()).contains(MAIN);
          assertThat(e.organization()).isEqualTo(org("contoso"));
        });
    assertThat(registry.onboardedBy(TENANT, org("contoso"))).contains(MAIN);
  }

  @Test
  void theSameOrganizationInAnotherTenantIsUnrelated() {
    registry.claim(TENANT, org("contoso"), MAIN);

    assertThat(registry.claim(OTHER_TENANT, org("contoso"), OTHER)).isTrue();
    assertThat(registry.onboardedBy(OTHER_TENANT, org("contoso"))).contains(OTHER);
    assertThat(registry.onboardedBy(TENANT, org("contoso"))).contains(MAIN);
  }

  @Test
  void onlyTheHolderReleasesAClaim() {
    registry.claim(TENANT, org("contoso"), MAIN);

    registry.release(TENANT, org("contoso"), OTHER);

    assertThat(registry.onboardedBy(TENANT, org("contoso"))).contains(MAIN);
  }

  @Test
  void ofConcurrentClaimsByDifferentConnectorsExactlyOneWins() throws Exception {
    int claimants = 16;
    ExecutorService pool = Executors.newFixedThreadPool(claimants);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < claimants; i++) {
        ConnectorId connector = ConnectorId.parse(MAIN.resourceId() + "-" + i);
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            return registry.claim(TENANT, org("contoso"), connector);
          } catch (OrganizationOnboardedElsewhereException e) {
            return false;
          }
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(registry.onboardedBy(TENANT, org("contoso"))).isPresent();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
