package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EstateBuilderTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TENANT = "0b7e6c1a-9d2f-4e3b-8a5c-6f4d3e2c1b0a";

  @Test
  void buildsTheEstateItDescribes() {
    Estate estate = Estates.builder()
        .tenant(TENANT)
        .user("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera", "jamie@fabrikam.example")
        .organization("fabrikam", org -> org
            .accessLevel(AccessLevel.STAKEHOLDER)
            .projectCollectionAdministrator(false)
            .oauth(OAuthAppAccess.OFF)
            .tenant(OTHER_TENANT)
            .project("web", p -> p.repositories("api", "ui").pipelines("ci")))
        .organization("contoso")
        .onboardedElsewhere("contoso")
        .build();

    assertThat(estate.tenantId()).isEqualTo(TenantId.parse(TENANT));
    assertThat(estate.user().displayName()).isEqualTo("Jamie Rivera");
    EstateOrganization fabrikam = estate.organization(OrganizationName.parse("fabrikam")).orElseThrow();
    assertThat(fabrikam.accessLevel()).isEqualTo(AccessLevel.STAKEHOLDER);
    assertThat(fabrikam.projectCollectionAdministrator()).isFalse();
    assertThat(fabrikam.oauthThirdPartyAccess()).isEqualTo(OAuthAppAccess.OFF);
    assertThat(fabrikam.tenantId()).contains(TenantId.parse(OTHER_TENANT));
    assertThat(fabrikam.projects()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("web");
      assertThat(p.repositories()).extracting(EstateRepository::name).containsExactly("api", "ui");
      assertThat(p.repositories()).allSatisfy(r -> assertThat(r.defaultBranch()).contains("refs/heads/main"));
      assertThat(p.pipelines()).extracting(EstatePipeline::name).containsExactly("ci");
    });
    assertThat(estate.onboardedElsewhere()).containsExactly(OrganizationName.parse("contoso"));
  }

  @Test
  void defaultsDescribeAnOrganizationThatCanBeOnboarded() {
    Estate estate = Estates.builder().organization("fabrikam").build();

    EstateOrganization fabrikam = estate.organizations().get(0);
    assertThat(estate.tenantId().value()).isEqualTo(EstateBuilder.DEFAULT_TENANT);
    assertThat(estate.user().id()).isEqualTo(EstateBuilder.DEFAULT_USER_ID);
    assertThat(fabrikam.accessLevel()).isEqualTo(AccessLevel.BASIC);
    assertThat(fabrikam.projectCollectionAdministrator()).isTrue();
    assertThat(fabrikam.oauthThirdPartyAccess()).isEqualTo(OAuthAppAccess.ON);
    assertThat(fabrikam.accessible()).isTrue();
    assertThat(fabrikam.tenantId()).contains(estate.tenantId());
  }

  @Test
  void anOrganizationFollowsTheEstateTenantWhereverItIsSet() {
    Estate estate = Estates.builder()
        .organization("early")
        .organization("msa", org -> org.noTenant())
        .tenant(TENANT)
        .build();

    assertThat(estate.organization(OrganizationName.parse("early")).orElseThrow().tenantId())
        .contains(TenantId.parse(TENANT));
    assertThat(estate.organization(OrganizationName.parse("msa")).orElseThrow().tenantId()).isEmpty();
  }

  @Test
  void idsAreDeterministicAndPipelinesAreNumberedPerOrganization() {
    Estate first = sample();
    Estate second = sample();

    assertThat(first).isEqualTo(second);
    EstateProject web = first.organizations().get(0).projects().get(0);
    assertThat(web.id()).isEqualTo(UUID.nameUUIDFromBytes("project:fabrikam/web".getBytes(StandardCharsets.UTF_8))
        .toString());
    assertThat(web.id()).isEqualTo(Estates.projectId("Fabrikam", "Web"));
    assertThat(web.repositories().get(0).id()).isEqualTo(Estates.repositoryId("fabrikam", "web", "api"));
    assertThat(first.organizations().get(0).projects())
        .flatExtracting(EstateProject::pipelines)
        .extracting(EstatePipeline::id)
        .containsExactly(1L, 2L, 3L);
    assertThat(first.organizations().get(1).projects().get(0).pipelines())
        .extracting(EstatePipeline::id).containsExactly(1L);
  }

  @Test
  void emptyRepositoriesHaveNoDefaultBranch() {
    Estate estate = Estates.builder()
        .organization("fabrikam", org -> org.project("web", p -> p.emptyRepository("new").repository("old",
            "refs/heads/master")))
        .build();

    assertThat(estate.organizations().get(0).projects().get(0).repositories())
        .extracting(EstateRepository::defaultBranch)
        .containsExactly(Optional.empty(), Optional.of("refs/heads/master"));
  }

  @Test
  void refusesDuplicatesAndInvalidNames() {
    assertThatThrownBy(() -> Estates.builder().organization("fabrikam").organization("Fabrikam"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Fabrikam");
    assertThatThrownBy(() -> Estates.builder().organization("fabrikam", o -> o.projects("web", "WEB")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEB");
    assertThatThrownBy(() -> Estates.builder().organization("fabrikam", o -> o.project("web",
        p -> p.repositories("api", "Api")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Estates.builder().organization("fabrikam", o -> o.project("web",
        p -> p.pipelines("ci", "CI")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Estates.builder().organization("not valid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Estates.builder().tenant("nope")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Estates.builder().user(" ", "a", "b")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Estate sample() {
    return Estates.builder()
        .organization("fabrikam", org -> org
            .project("web", p -> p.repositories("api").pipelines("ci", "release"))
            .project("data", p -> p.pipelines("nightly")))
        .organization("contoso", org -> org.project("app", p -> p.pipelines("ci")))
        .build();
  }
}
