package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.InMemoryConnectorStore;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The helpers that spare integrators hand-written glue: registries, edit contexts, ARM credentials, time. */
class FixtureHelpersTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Estate ESTATE = Estates.builder().tokenForAllOrganizations()
      .tenant(TENANT)
      .user("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera", "jamie@fabrikam.example")
      .organization("fabrikam", o -> o.project("web", p -> p.repositories("api")))
      .organization("contoso", o -> o.accessLevel(AccessLevel.STAKEHOLDER))
      .organization("northwind", o -> o.inaccessible())
      .organization("taken")
      .onboardedElsewhere("taken", "adventureworks")
      .build();

  @Test
  void theTenantRegistryOfAnEstateHoldsWhatWasOnboardedElsewhere() {
    InMemoryTenantRegistry registry = Estates.tenantRegistry(ESTATE);

    TenantId tenant = TenantId.parse(TENANT);
    assertThat(registry.onboardedBy(tenant, OrganizationName.parse("taken")))
        .contains(Estates.ELSEWHERE_CONNECTOR_ID);
    assertThat(registry.onboardedBy(tenant, OrganizationName.parse("Adventureworks")))
        .contains(Estates.ELSEWHERE_CONNECTOR_ID);
    assertThat(registry.onboardedBy(tenant, OrganizationName.parse("fabrikam"))).isEmpty();
    assertThat(registry.organizationsOf(tenant, Estates.ELSEWHERE_CONNECTOR_ID)).hasSize(2);
    assertThat(Estates.tenantRegistry(ESTATE)).as("a new registry each time").isNotSameAs(registry);
  }

  @Test
  void editContextsGetTheFactsThePreflightRead() {
    PreflightReport preflight = Preflight.builder()
        .client(InMemoryAzureDevOpsClient.of(ESTATE))
        .tenantRegistry(Estates.tenantRegistry(ESTATE))
        .build()
        .check(OrganizationSelection.allExisting(), TenantId.parse(TENANT), ValidationReport.of(List.of()));

    List<OrganizationFacts> facts = EditContexts.factsOf(preflight);

    // northwind refuses the user: there is nothing to know about it.
    assertThat(facts).extracting(f -> f.organization().value())
        .containsExactlyInAnyOrder("fabrikam", "contoso", "taken");
    OrganizationFacts contoso = facts.stream().filter(f -> f.organization().value().equals("contoso")).findFirst()
        .orElseThrow();
    assertThat(contoso.accessLevel()).contains(AccessLevel.STAKEHOLDER);
    EditContext context = EditContexts.withFactsOf(preflight)
        .store(new InMemoryConnectorStore())
        .tenantRegistry(Estates.tenantRegistry(ESTATE))
        .build();
    assertThat(context.factsFor(OrganizationName.parse("contoso"))).contains(contoso);
    assertThat(context.organizationFacts()).hasSize(3);
  }

  @Test
  void theArmCredentialSignsAsTheIdentityAndNeverShowsTheToken() {
    var credential = ArmSimulator.credential("d6245f20-2af8-44f4-9451-8107cb2767db");
    TokenRequestContext request = new TokenRequestContext().addScopes("https://management.azure.com/.default");

    AccessToken sync = credential.getTokenSync(request);
    AccessToken async = credential.getToken(request).block();

    assertThat(sync.getToken()).isEqualTo(ArmSimulator.bearerToken("d6245f20-2af8-44f4-9451-8107cb2767db"));
    assertThat(async.getToken()).isEqualTo(sync.getToken());
    assertThat(sync.isExpired()).isFalse();
    assertThat(credential.toString()).doesNotContain("d6245f20");
    assertThatThrownBy(() -> ArmSimulator.credential("not a valid id"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void virtualTimeMovesOnlyWhenSomethingWaits() throws InterruptedException {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    VirtualTime time = VirtualTime.startingAt(start);

    assertThat(time.clock().instant()).isEqualTo(start);
    time.sleeper().sleep(Duration.ofSeconds(30));
    time.sleeper().sleep(Duration.ZERO);
    time.sleeper().sleep(Duration.ofMillis(1500));
    time.advance(Duration.ofMinutes(1));

    assertThat(time.clock().instant()).isEqualTo(start.plusSeconds(91).plusMillis(500));
    assertThat(time.now()).isEqualTo(time.clock().instant());
    assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(91_500));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofMillis(1500));
    assertThat(time.clock().withZone(java.time.ZoneId.of("Europe/Paris")).instant()).isEqualTo(time.now());
    assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void virtualTimeKeepsTheSumOfConcurrentWaits() throws Exception {
    VirtualTime time = VirtualTime.start();
    List<Thread> threads = List.of(1, 2, 3, 4).stream().map(i -> new Thread(() -> {
      for (int n = 0; n < 100; n++) {
        try {
          time.sleeper().sleep(Duration.ofMillis(i));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    })).collect(Collectors.toList());
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(1000));
    assertThat(time.sleeps()).hasSize(400);
  }

  @Test
  void aVirtualWaitOnAnInterruptedThreadThrowsLikeSleeping() {
    VirtualTime time = VirtualTime.start();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> time.sleeper().sleep(Duration.ofSeconds(1))).isInstanceOf(InterruptedException.class);
    assertThat(time.elapsed()).isZero();
  }
}
