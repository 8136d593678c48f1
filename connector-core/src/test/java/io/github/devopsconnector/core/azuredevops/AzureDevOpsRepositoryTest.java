package io.github.devopsconnector.core.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A repository gives back exactly what it was built from, however compactly it keeps it. */
class AzureDevOpsRepositoryTest {

  private static final String ID = "5febef5a-833d-4e14-b9c0-14cb638f91e6";
  private static final String PROJECT_ID = "eb6e4656-77fc-42a1-9181-4c6d8e9da5d1";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ID + "|web app|https://dev.azure.com/contoso/Web%20Shop/_git/web%20app",
      "ffffffff-ffff-ffff-ffff-ffffffffffff|api|https://dev.azure.com/contoso/Web/_git/api",
      "00000000-0000-0000-0000-000000000000|api|https://dev.azure.com/contoso/Web/_git/api",
      "0123abcd-4567-89ef-a0b1-c2d3e4f5a6b7|api|https://dev.azure.com/contoso/Web/_git/apis",
      "5FEBEF5A-833D-4E14-B9C0-14CB638F91E6|api|https://dev.azure.com/contoso/Web/_git/api",
      "{5febef5a-833d-4e14-b9c0-14cb638f91e6}|api|https://dev.azure.com/contoso/Web/_git/api",
      "5febef5a-833d-4e14-b9c0-14cb638f91e|api|https://dev.azure.com/contoso/Web/_git/api/",
      "repo-1|Ünïcode|https://server/tfs/DefaultCollection/P/_git/Ünïcode",
      "5febef5a-833d-4e14-b9c0-14cb638f91e6|api|api",
      "5febef5a-833d-4e14-b9c0-14cb638f91e6|api|git@ssh.dev.azure.com:v3/contoso/Web/api"})
  void givesBackWhatItWasBuiltFrom(String id, String name, String url) {
    AzureDevOpsRepository repository = AzureDevOpsRepository.builder().id(id).name(name).url(url).defaultBranch("refs/heads/dev")
        .projectId(PROJECT_ID).projectName("Web Shop").build();

    assertThat(repository.id()).isEqualTo(id);
    assertThat(repository.name()).isEqualTo(name);
    assertThat(repository.url()).isEqualTo(url);
    assertThat(repository.defaultBranch()).hasValue("refs/heads/dev");
    assertThat(repository.projectId()).isEqualTo(PROJECT_ID);
    assertThat(repository.projectName()).isEqualTo("Web Shop");
    assertThat(AzureDevOpsRepository.builder().from(repository).build()).isEqualTo(repository)
        .hasSameHashCodeAs(repository);
  }

  @Test
  void equalAttributesMakeEqualRepositoriesAndAnyDifferenceMakesThemDiffer() {
    AzureDevOpsRepository repository = repository(ID, "api", "https://h/o/p/_git/api", Optional.of("refs/heads/main"));

    assertThat(repository(ID, "api", "https://h/o/p/_git/api", Optional.of("refs/heads/main")))
        .isEqualTo(repository).hasSameHashCodeAs(repository);
    assertThat(repository("5febef5a-833d-4e14-b9c0-14cb638f91e7", "api", "https://h/o/p/_git/api",
        Optional.of("refs/heads/main"))).isNotEqualTo(repository);
    assertThat(repository(ID.toUpperCase(java.util.Locale.ROOT), "api", "https://h/o/p/_git/api",
        Optional.of("refs/heads/main"))).isNotEqualTo(repository);
    assertThat(repository(ID, "api2", "https://h/o/p/_git/api", Optional.of("refs/heads/main")))
        .isNotEqualTo(repository);
    assertThat(repository(ID, "api", "https://h/o/q/_git/api", Optional.of("refs/heads/main")))
        .isNotEqualTo(repository);
    assertThat(repository(ID, "api", "https://h/o/p/_git/api", Optional.empty())).isNotEqualTo(repository);
    assertThat(repository.toString()).isEqualTo("AzureDevOpsRepository{id=" + ID + ", name=api, url=https://h/o/p/_git/api, "
        + "defaultBranch=refs/heads/main, projectId=" + PROJECT_ID + ", projectName=Web}");
  }

  @Test
  void repositoriesOfOneBuilderShareTheirProjectStringsAndBranches() {
    AzureDevOpsRepository.Builder builder = AzureDevOpsRepository.builder();
    AzureDevOpsRepository first = builder.id(ID).name("a").url("https://h/o/Web/_git/a")
        .defaultBranch(new String("refs/heads/trunk")).projectId(new String(PROJECT_ID))
        .projectName(new String("Web")).build();
    AzureDevOpsRepository second = builder.id("5febef5a-833d-4e14-b9c0-14cb638f91e7").name("b")
        .url("https://h/o/Web/_git/b").defaultBranch(new String("refs/heads/trunk"))
        .projectId(new String(PROJECT_ID)).projectName(new String("Web")).build();

    assertThat(second.projectId()).isSameAs(first.projectId());
    assertThat(second.projectName()).isSameAs(first.projectName());
    assertThat(second.defaultBranch().get()).isSameAs(first.defaultBranch().get());
    assertThat(first.url()).isEqualTo("https://h/o/Web/_git/a");
    assertThat(second.url()).isEqualTo("https://h/o/Web/_git/b");
  }

  @Test
  void aReusedBuilderKeepsEachAttributeUntilItIsSetAgain() {
    AzureDevOpsRepository.Builder builder = AzureDevOpsRepository.builder().id(ID).name("a").url("https://h/a")
        .defaultBranch("refs/heads/main").projectId(PROJECT_ID).projectName("Web");
    AzureDevOpsRepository first = builder.build();
    AzureDevOpsRepository empty = builder.name("b").url("https://h/b").defaultBranch(Optional.empty()).build();

    assertThat(first.defaultBranch()).hasValue("refs/heads/main");
    assertThat(empty.defaultBranch()).isEmpty();
    assertThat(empty.id()).isEqualTo(ID);
    assertThat(AzureDevOpsRepository.builder().defaultBranch("refs/heads/keep").from(empty).build().defaultBranch())
        .as("an absent default branch does not replace the builder's").hasValue("refs/heads/keep");
  }

  @Test
  void aCopyRenamedOrGivenAnotherIdKeepsItsUrlAndTheRest() {
    AzureDevOpsRepository original = repository(ID, "api", "https://h/o/p/_git/api", Optional.of("refs/heads/main"));

    AzureDevOpsRepository renamed = AzureDevOpsRepository.builder().from(original).name("service").build();
    AzureDevOpsRepository reidentified = AzureDevOpsRepository.builder().from(original).id("other-id")
        .url("https://h/o/p/_git/other").build();

    assertThat(renamed.url()).isEqualTo("https://h/o/p/_git/api");
    assertThat(renamed.id()).isEqualTo(ID);
    assertThat(renamed.name()).isEqualTo("service");
    assertThat(reidentified.id()).isEqualTo("other-id");
    assertThat(reidentified.url()).isEqualTo("https://h/o/p/_git/other");
    assertThat(reidentified.defaultBranch()).hasValue("refs/heads/main");
  }

  @Test
  void missingAttributesAreNamedAndNullsRefused() {
    assertThatThrownBy(() -> AzureDevOpsRepository.builder().name("a").projectName("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot build AzureDevOpsRepository, some of required attributes are not set [id, url, projectId]");
    assertThatThrownBy(() -> AzureDevOpsRepository.builder().id(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> AzureDevOpsRepository.builder().defaultBranch((String) null))
        .isInstanceOf(NullPointerException.class);
  }

  private static AzureDevOpsRepository repository(String id, String name, String url, Optional<String> branch) {
    return AzureDevOpsRepository.builder().id(id).name(name).url(url).defaultBranch(branch).projectId(PROJECT_ID)
        .projectName("Web").build();
  }
}
