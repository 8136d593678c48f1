package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EstateGeneratorTest {

  private static EstateGenerator.Builder small() {
    return EstateGenerator.builder().organizations(3).projectsPerOrganization(7).repositoriesPerProject(4)
        .pipelinesPerProject(2);
  }

  @Test
  void theSameSeedGivesAnEqualEstate() {
    Estate first = small().seed(7).build().generate();
    Estate second = small().seed(7).build().generate();

    assertThat(second).isEqualTo(first);
    assertThat(EstateFiles.toJson(second)).isEqualTo(EstateFiles.toJson(first));
  }

  @Test
  void anotherSeedGivesOtherNamesAndIds() {
    Estate seven = small().seed(7).build().generate();
    Estate eight = small().seed(8).build().generate();

    assertThat(eight.tenantId()).isNotEqualTo(seven.tenantId());
    assertThat(eight.user().id()).isNotEqualTo(seven.user().id());
    assertThat(names(eight)).isNotEqualTo(names(seven));
    Set<String> sevenIds = repositoryIds(seven);
    assertThat(repositoryIds(eight)).noneMatch(sevenIds::contains);
  }

  @Test
  void fixedCountsGiveExactTotals() {
    Estate estate = small().seed(1).build().generate();

    assertThat(estate.organizations()).hasSize(3);
    assertThat(estate.projectCount()).isEqualTo(3 * 7);
    assertThat(estate.repositoryCount()).isEqualTo(3 * 7 * 4);
    assertThat(estate.pipelineCount()).isEqualTo(3 * 7 * 2);
    assertThat(estate.organizations()).allSatisfy(o -> {
      assertThat(o.projects()).hasSize(7).allSatisfy(p -> {
        assertThat(p.repositories()).hasSize(4)
            .allSatisfy(r -> assertThat(r.defaultBranch()).contains("refs/heads/main"));
        assertThat(p.pipelines()).hasSize(2);
      });
    });
  }

  @Test
  void generatedOrganizationsAreReadyToOnboardInTheEstatesTenant() {
    TenantId tenant = TenantId.parse("11111111-2222-3333-4444-555555555555");

    Estate estate = small().tenantId(tenant).build().generate();

    assertThat(estate.tenantId()).isEqualTo(tenant);
    assertThat(estate.onboardedElsewhere()).isEmpty();
    assertThat(estate.organizations()).allSatisfy(o -> {
      assertThat(o.tenantId()).contains(tenant);
      assertThat(o.accessLevel()).isEqualTo(AccessLevel.BASIC);
      assertThat(o.projectCollectionAdministrator()).isTrue();
      assertThat(o.oauthThirdPartyAccess()).isEqualTo(OAuthAppAccess.ON);
      assertThat(o.accessible()).isTrue();
    });
  }

  @Test
  void namesAreUniqueAndIdsFollowTheFileRules() {
    Estate estate = EstateGenerator.builder().seed(3).organizations(2).projectsPerOrganization(50)
        .repositoriesPerProject(200).pipelinesPerProject(20).build().generate();

    EstateFileIds ids = new EstateFileIds();
    assertThat(estate.organizations()).allSatisfy(o -> {
      assertThat(OrganizationName.isValid(o.name().value())).isTrue();
      assertThat(o.projects()).extracting(p -> p.name().toLowerCase()).doesNotHaveDuplicates();
      assertThat(o.projects()).flatExtracting(EstateProject::pipelines).extracting(EstatePipeline::id)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 50 * 20).boxed().collect(Collectors.toList()));
      assertThat(o.projects()).allSatisfy(p -> {
        assertThat(p.id()).isEqualTo(ids.project(o.name().value(), p.name()));
        assertThat(p.repositories()).extracting(r -> r.name().toLowerCase()).doesNotHaveDuplicates();
        assertThat(p.pipelines()).extracting(EstatePipeline::name).doesNotHaveDuplicates();
        assertThat(p.repositories()).allSatisfy(r ->
            assertThat(r.id()).isEqualTo(ids.repository(o.name().value(), p.name(), r.name())));
      });
    });
    // The whole estate passes the file format's rules.
    assertThat(EstateFiles.parse(EstateFiles.toJson(estate))).isEqualTo(estate);
  }

  @Test
  void projectsAreDeterministicAndExact() {
    OrganizationName fabrikam = OrganizationName.parse("fabrikam");

    List<EstateProject> first = EstateGenerator.projects(fabrikam, 12, 3, 2, 42);
    List<EstateProject> again = EstateGenerator.projects(OrganizationName.parse("FABRIKAM"), 12, 3, 2, 42);
    List<EstateProject> other = EstateGenerator.projects(fabrikam, 12, 3, 2, 43);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).hasSize(12);
    assertThat(first).allSatisfy(p -> assertThat(p.repositories()).hasSize(3));
    assertThat(first).flatExtracting(EstateProject::pipelines).extracting(EstatePipeline::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L,
            22L, 23L, 24L);
    assertThat(first.get(0).name()).endsWith("-0001");
    assertThat(first.get(11).name()).endsWith("-0012");
  }

  @Test
  void projectsWithZeroCountsAreEmpty() {
    assertThat(EstateGenerator.projects(OrganizationName.parse("fabrikam"), 0, 5, 5, 1)).isEmpty();
    assertThat(EstateGenerator.projects(OrganizationName.parse("fabrikam"), 2, 0, 0, 1))
        .allSatisfy(p -> assertThat(p.repositories()).isEmpty());
  }

  @Test
  void variationSpreadsRepositoryCountsAroundTheTarget() {
    Estate estate = EstateGenerator.builder().seed(5).organizations(2).projectsPerOrganization(100)
        .repositoriesPerProject(20).repositoryCountVariation(25).build().generate();

    Set<Integer> sizes = estate.organizations().stream().flatMap(o -> o.projects().stream())
        .map(p -> p.repositories().size()).collect(Collectors.toSet());
    assertThat(sizes).allSatisfy(n -> assertThat(n).isBetween(15, 25));
    assertThat(sizes.size()).isGreaterThan(3);
    assertThat(estate).isEqualTo(EstateGenerator.builder().seed(5).organizations(2).projectsPerOrganization(100)
        .repositoriesPerProject(20).repositoryCountVariation(25).build().generate());
  }

  @Test
  void emptyRepositoriesHaveNoDefaultBranch() {
    Estate estate = EstateGenerator.builder().seed(5).projectsPerOrganization(50).repositoriesPerProject(20)
        .emptyRepositoryPercent(20).build().generate();

    long empty = estate.organizations().get(0).projects().stream().flatMap(p -> p.repositories().stream())
        .filter(r -> r.defaultBranch().isEmpty()).count();
    assertThat(empty).isBetween(100L, 300L);
    assertThat(estate.repositoryCount()).isEqualTo(1000);
  }

  @Test
  void rejectsCountsOutOfRange() {
    assertThatThrownBy(() -> EstateGenerator.builder().organizations(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organizations must be between 0 and 1,000");
    assertThatThrownBy(() -> EstateGenerator.builder().projectsPerOrganization(10_001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectsPerOrganization");
    assertThatThrownBy(() -> EstateGenerator.builder().repositoriesPerProject(1_001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repositoriesPerProject");
    assertThatThrownBy(() -> EstateGenerator.builder().pipelinesPerProject(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pipelinesPerProject");
    assertThatThrownBy(() -> EstateGenerator.builder().repositoryCountVariation(101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repositoryCountVariation");
    assertThatThrownBy(() -> EstateGenerator.builder().emptyRepositoryPercent(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emptyRepositoryPercent");
    assertThatThrownBy(() -> EstateGenerator.builder().tenantId(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("tenantId");
    assertThatThrownBy(() -> EstateGenerator.projects(null, 1, 1, 1, 1))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("organization");
    assertThatThrownBy(() -> EstateGenerator.projects(OrganizationName.parse("a"), 10_000, 1_000, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10,000,000 repositories");
  }

  @Test
  void rejectsEstatesBeyondTheTotalLimits() {
    assertThatThrownBy(() -> EstateGenerator.builder().organizations(1_000).projectsPerOrganization(100)
        .repositoriesPerProject(11).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1,100,000 repositories");
    assertThatThrownBy(() -> EstateGenerator.builder().organizations(100).projectsPerOrganization(100)
        .repositoriesPerProject(80).repositoryCountVariation(50).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1,200,000 repositories");
    assertThatThrownBy(() -> EstateGenerator.builder().organizations(100).projectsPerOrganization(1_000)
        .repositoriesPerProject(0).pipelinesPerProject(11).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1,100,000 pipelines");
  }

  @Test
  void generatesTheLargeEstateExactlyAndItRoundTrips() {
    Estate estate = EstateGenerator.builder()
        .seed(7)
        .organizations(50)
        .projectsPerOrganization(200)
        .repositoriesPerProject(20)
        .pipelinesPerProject(2)
        .build()
        .generate();

    assertThat(estate.organizations()).hasSize(50);
    assertThat(estate.projectCount()).isEqualTo(10_000);
    assertThat(estate.repositoryCount()).isEqualTo(200_000);
    assertThat(estate.pipelineCount()).isEqualTo(20_000);
    assertThat(repositoryIds(estate)).hasSize(200_000);
    assertThat(estate.organizations()).extracting(EstateOrganization::name).doesNotHaveDuplicates();
    assertThat(EstateFiles.parse(EstateFiles.toJson(estate))).isEqualTo(estate);
  }

  private static List<String> names(Estate estate) {
    return estate.organizations().stream()
        .flatMap(o -> o.projects().stream().map(p -> o.name().value() + "/" + p.name()))
        .collect(Collectors.toList());
  }

  private static Set<String> repositoryIds(Estate estate) {
    Set<String> ids = new HashSet<>();
    estate.organizations().forEach(o -> o.projects().forEach(p -> p.repositories().forEach(r -> ids.add(r.id()))));
    return ids;
  }
}
