package io.github.devopsconnector.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Discovery and preflight end by their time limit, stop paging in circles, and free their threads on cancel. */
class DiscoveryDeadlineTest {
  private static final OrganizationName SLOW = OrganizationName.parse("slow");
  private static final OrganizationName FINE = OrganizationName.parse("fine");

  /** A client whose "slow" organization blocks (until interrupted) and whose listings can page forever. */
  private static final class Client implements AzureDevOpsClient {
    final CountDownLatch blocked = new CountDownLatch(1);
    final AtomicLong interrupted = new AtomicLong();
    volatile boolean circles;
    volatile boolean endless;
    final AtomicLong pages = new AtomicLong();

    private void block(OrganizationName organization) {
      if (!organization.equals(SLOW)) {
        return;
      }
      blocked.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        Thread.currentThread().interrupt();
        throw ServiceException.builder(ServiceException.Kind.TRANSIENT, "interrupted").build();
      }
    }

    @Override
    public AzureDevOpsUser signedInUser() {
      return AzureDevOpsUser.of("u1", "Ada", Optional.empty());
    }

    @Override
    public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
      return List.of(AzureDevOpsOrganization.of("o1", SLOW, "https://x/slow"), AzureDevOpsOrganization.of("o2", FINE, "https://x/f"));
    }

    @Override
    public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> token) {
      if (organization.equals(SLOW) && (circles || endless)) {
        long n = pages.incrementAndGet();
        return ResultPage.of(List.of(AzureDevOpsProject.of(circles ? "p" : "p" + n, circles ? "P" : "P" + n)),
            Optional.of("t" + n));
      }
      block(organization);
      return ResultPage.of(List.of(AzureDevOpsProject.of(organization.value() + "-p", "Web")), Optional.empty());
    }

    @Override
    public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
      return List.of();
    }

    @Override
    public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
      return List.of();
    }

    @Override
    public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project, Optional<String> token) {
      return ResultPage.of(List.of(), Optional.empty());
    }

    @Override
    public AccessLevel accessLevel(OrganizationName organization) {
      block(organization);
      return AccessLevel.BASIC;
    }

    @Override
    public boolean isProjectCollectionAdministrator(OrganizationName organization) {
      return true;
    }

    @Override
    public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
      return OAuthAppAccessStatus.of(OAuthAppAccess.ON, "on");
    }

    @Override
    public Optional<TenantId> organizationTenant(OrganizationName organization) {
      return Optional.empty();
    }
  }

  private static OrganizationOutcome outcome(Inventory inventory, OrganizationName name) {
    return inventory.organizations().stream().map(OrganizationInventory::outcome)
        .filter(o -> o.organization().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aDiscoveryEndsAtItsTimeLimitWithTheOtherOrganizationsResults() throws Exception {
    Client client = new Client();
    long start = System.nanoTime();
    Inventory inventory = InventoryDiscovery.builder().client(client)
        .options(DiscoveryOptions.builder().timeout(Duration.ofMillis(500)).build()).build()
        .discover(OrganizationSelection.allExisting());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(outcome(inventory, SLOW).status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(outcome(inventory, SLOW).error().orElseThrow().kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
    assertThat(outcome(inventory, SLOW).error().orElseThrow().message()).contains("time limit");
    assertThat(outcome(inventory, FINE).status()).isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(client.interrupted).hasValue(1);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aCancelledDiscoveryInterruptsItsWorkAndFreesItsThreads() throws Exception {
    Client client = new Client();
    DiscoveryHandle<Inventory> handle = InventoryDiscovery.builder().client(client).build()
        .start(OrganizationSelection.allExisting());
    client.blocked.await();
    long start = System.nanoTime();
    handle.cancel();
    assertThat(handle.awaitTermination(Duration.ofSeconds(1))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(client.interrupted).hasValue(1);
    Thread.sleep(100);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("inventory-discovery"));
  }

  @Test
  void pagesOfRepeatsAndEndlessPagesFailTheOrganization() {
    Client circles = new Client();
    circles.circles = true;
    Inventory inventory = InventoryDiscovery.builder().client(circles).build()
        .discover(OrganizationSelection.allExisting());
    assertThat(outcome(inventory, SLOW).error().orElseThrow().message()).contains("only items already seen");
    assertThat(circles.pages).hasValue(2);

    Client endless = new Client();
    endless.endless = true;
    inventory = InventoryDiscovery.builder().client(endless)
        .options(DiscoveryOptions.builder().maxProjectPages(7).build()).build()
        .discover(OrganizationSelection.allExisting());
    assertThat(outcome(inventory, SLOW).error().orElseThrow().message()).contains("did not end after 7 pages");
    assertThat(endless.pages).hasValue(7);
    assertThat(outcome(inventory, FINE).status()).isEqualTo(OrganizationStatus.DISCOVERED);
  }

  @Test
  void aPreflightEndsAtItsTimeLimitWithTheOtherOrganizationsChecked() {
    Client client = new Client();
    long start = System.nanoTime();
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(new InMemoryTenantRegistry())
        .options(DiscoveryOptions.builder().timeout(Duration.ofMillis(500)).build()).build()
        .check(OrganizationSelection.allExisting(), ValidationReport.of(List.of()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    OrganizationPreflight slow = report.organizations().stream().filter(o -> o.organization().equals(SLOW))
        .findFirst().orElseThrow();
    assertThat(slow.error().orElseThrow().message()).contains("time limit");
    assertThat(report.organizations().stream().filter(o -> o.organization().equals(FINE)).findFirst()
        .orElseThrow().isEligible()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void optionsAreChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoveryOptions.builder().timeout(Duration.ZERO)
        .build()).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoveryOptions.builder().maxWait(Duration.ofDays(2))
        .build()).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoveryOptions.builder().maxProjectPages(0)
        .build()).isInstanceOf(IllegalArgumentException.class);
    assertThat(DiscoveryOptions.defaults().timeout()).isEqualTo(Duration.ofMinutes(30));
  }
}
