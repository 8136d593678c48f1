package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateFilesTest {

  private static final TenantId TENANT = TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47");

  private static Estate example() throws IOException {
    try (InputStream in = EstateFilesTest.class.getResourceAsStream("/estates/example.json")) {
      return EstateFiles.read(in);
    }
  }

  private static String uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Test
  void readsTheDocumentedExampleWithItsDefaults() throws IOException {
    Estate estate = example();

    assertThat(estate.tenantId()).isEqualTo(TENANT);
    assertThat(estate.user().displayName()).isEqualTo("Dana Adler");
    assertThat(estate.user().email()).isEqualTo("dana@contoso.com");
    assertThat(estate.user().id()).isEqualTo(uuid("user:dana@contoso.com"));
    assertThat(estate.onboardedElsewhere()).containsExactly(OrganizationName.parse("adventureworks"));
    assertThat(estate.organizations()).extracting(o -> o.name().value())
        .containsExactly("fabrikam", "contoso-research", "tailspin", "northwind");

    EstateOrganization fabrikam = estate.organization(OrganizationName.parse("fabrikam")).orElseThrow();
    assertThat(fabrikam.id()).isEqualTo(uuid("org:fabrikam"));
    assertThat(fabrikam.tenantId()).contains(TENANT);
    assertThat(fabrikam.accessLevel()).isEqualTo(AccessLevel.BASIC);
    assertThat(fabrikam.projectCollectionAdministrator()).isTrue();
    assertThat(fabrikam.administratorThroughNestedGroup()).isFalse();
    assertThat(fabrikam.oauthThirdPartyAccess()).isEqualTo(OAuthAppAccess.ON);
    assertThat(fabrikam.accessible()).isTrue();
    EstateProject web = fabrikam.projects().get(0);
    assertThat(web.id()).isEqualTo(uuid("project:fabrikam/web"));
    assertThat(web.repositories()).containsExactly(
        EstateRepository.of(uuid("repository:fabrikam/web/api"), "api", Optional.of("refs/heads/main")),
        EstateRepository.of(uuid("repository:fabrikam/web/ui"), "ui", Optional.of("refs/heads/main")));
    assertThat(web.pipelines()).containsExactly(EstatePipeline.of(1, "ci"));
    EstateProject legacy = fabrikam.projects().get(1);
    assertThat(legacy.repositories()).extracting(EstateRepository::defaultBranch)
        .containsExactly(Optional.of("refs/heads/master"), Optional.empty());
    assertThat(legacy.pipelines()).isEmpty();

    EstateOrganization research = estate.organizations().get(1);
    assertThat(research.tenantId()).isEmpty();
    assertThat(research.accessLevel()).isEqualTo(AccessLevel.STAKEHOLDER);
    assertThat(research.projectCollectionAdministrator()).isFalse();
    assertThat(research.oauthThirdPartyAccess()).isEqualTo(OAuthAppAccess.OFF);
    assertThat(research.projects()).isEmpty();

    assertThat(estate.organizations().get(3).accessible()).isFalse();
  }

  @Test
  void theOrganizationIdRuleMatchesTheModelDefault() {
    EstateOrganization organization = EstateOrganization.builder().name(OrganizationName.parse("Fabrikam")).build();

    assertThat(EstateFileIds.organization("Fabrikam")).isEqualTo(organization.id());
  }

  @Test
  void derivedIdsAreNameBasedUuidsOfTheLowerCasedPath() {
    EstateFileIds ids = new EstateFileIds();

    assertThat(ids.project("Fabrikam", "Web")).isEqualTo(uuid("project:fabrikam/web"));
    assertThat(ids.repository("Fabrikam", "Ünï Côdé", "API")).isEqualTo(uuid("repository:fabrikam/ünï côdé/api"));
    for (int i = 0; i < 1000; i++) {
      assertThat(ids.derive("key " + i)).isEqualTo(uuid("key " + i));
    }
  }

  @Test
  void idsIgnoreTheCaseOfNames() {
    Estate lower = EstateFiles.parse(minimal("fabrikam", "web", "api"));
    Estate upper = EstateFiles.parse(minimal("FABRIKAM", "Web", "API"));

    EstateProject a = lower.organizations().get(0).projects().get(0);
    EstateProject b = upper.organizations().get(0).projects().get(0);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.repositories().get(0).id()).isEqualTo(a.repositories().get(0).id());
    assertThat(b.name()).isEqualTo("Web");
  }

  @Test
  void theGenerateBlockAddsProjectsAfterTheListedOnesWithoutNameClashes() throws IOException {
    Estate estate = example();
    EstateOrganization tailspin = estate.organizations().get(2);

    assertThat(tailspin.administratorThroughNestedGroup()).isTrue();
    assertThat(tailspin.projects()).hasSize(1 + 3);
    assertThat(tailspin.projects().get(0).name()).isEqualTo("mobile");
    List<EstateProject> generated = tailspin.projects().subList(1, 4);
    assertThat(generated).allSatisfy(p -> {
      assertThat(p.repositories()).hasSize(2);
      assertThat(p.pipelines()).hasSize(1);
      assertThat(p.id()).isEqualTo(uuid("project:tailspin/" + p.name().toLowerCase()));
    });
    // Generated pipeline ids continue after the highest listed one (40), so they never collide.
    assertThat(generated).flatExtracting(EstateProject::pipelines).extracting(EstatePipeline::id)
        .containsExactly(41L, 42L, 43L);
    assertThat(generated).isEqualTo(EstateGenerator.projects("tailspin", 3, 2, 1, 7, 0, 0,
        new java.util.HashSet<>(Set.of("mobile")), 41));
  }

  @Test
  void generatedNamesAvoidListedNamesInAnyCase() {
    OrganizationName organization = OrganizationName.parse("fabrikam");
    List<EstateProject> plain = EstateGenerator.projects(organization, 3, 1, 0, 11);
    String taken = plain.get(1).name().toUpperCase();
    String json = "{\"tenantId\": \"" + TENANT + "\", \"user\": {\"displayName\": \"Dana\", \"email\": \"d@contoso.com\"},"
        + " \"organizations\": [{\"name\": \"fabrikam\", \"projects\": [{\"name\": \"" + taken + "\"}],"
        + " \"generate\": {\"projects\": 3, \"repositoriesPerProject\": 1, \"seed\": 11}}]}";

    List<EstateProject> projects = EstateFiles.parse(json).organizations().get(0).projects();

    assertThat(projects).hasSize(4);
    assertThat(projects).extracting(p -> p.name().toLowerCase()).doesNotHaveDuplicates();
    assertThat(projects.get(2).name()).isEqualTo(plain.get(1).name() + "-2");
    assertThat(projects.get(1).name()).isEqualTo(plain.get(0).name());
  }

  @Test
  void aFileAlwaysYieldsTheSameEstate() throws IOException {
    assertThat(example()).isEqualTo(example());
  }

  @Test
  void roundTripsTheExample() throws IOException {
    Estate estate = example();

    String json = EstateFiles.toJson(estate);

    assertThat(EstateFiles.parse(json)).isEqualTo(estate);
    // Generated projects are written out in full, so the file no longer needs the generate block.
    assertThat(json).doesNotContain("generate");
    assertThat(EstateFiles.toJson(EstateFiles.parse(json))).isEqualTo(json);
  }

  @Test
  void roundTripsAHandWrittenEstateWithEveryFeature(@TempDir Path dir) {
    Estate estate = ImmutableEstate.builder()
        .tenantId(TENANT)
        .user(EstateUser.of("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie \"JR\" Rivera \\ Ops ✓",
            "jamie@fabrikam.example"))
        .addOnboardedElsewhere(OrganizationName.parse("Contoso"), OrganizationName.parse("adventure-works"))
        .addOrganizations(EstateOrganization.builder()
            .name(OrganizationName.parse("Fabrikam"))
            .id("0f2b7c58-33c1-4c3a-9b0e-6a1c8c2f4d11")
            .tenantId(TENANT)
            .accessLevel(AccessLevel.VISUAL_STUDIO_SUBSCRIBER)
            .administratorThroughNestedGroup(true)
            .oauthThirdPartyAccess(OAuthAppAccess.UNKNOWN)
            .addProjects(EstateProject.builder()
                .id("6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c")
                .name("Fabrikam Fiber (Git)")
                .addRepositories(EstateRepository.of("5febef5a-833d-4e14-b9c0-14cb638f91e6", "Fabrikam-Fiber-Git",
                    Optional.of("refs/heads/release/2024.1")))
                .addRepositories(EstateRepository.of(uuid("repository:fabrikam/fabrikam fiber (git)/empty"), "empty",
                    Optional.empty()))
                .addRepositories(EstateRepository.of(uuid("repository:fabrikam/fabrikam fiber (git)/docs"), "docs",
                    Optional.of("refs/heads/main")))
                .addPipelines(EstatePipeline.of(17, "ci"), EstatePipeline.of(2, "nightly"))
                .build())
            .addProjects(EstateProject.builder()
                .id(uuid("project:fabrikam/ünïcödé"))
                .name("ünïcödé")
                .addPipelines(EstatePipeline.of(3, "release"))
                .build())
            .build())
        .addOrganizations(EstateOrganization.builder()
            .name(OrganizationName.parse("msa-backed"))
            .accessLevel(AccessLevel.NONE)
            .projectCollectionAdministrator(false)
            .oauthThirdPartyAccess(OAuthAppAccess.OFF)
            .accessible(false)
            .build())
        .addOrganizations(EstateOrganization.builder()
            .name(OrganizationName.parse("tailspin"))
            .tenantId(TenantId.parse("11111111-2222-3333-4444-555555555555"))
            .accessLevel(AccessLevel.BASIC_PLUS_TEST_PLANS)
            .build())
        .build();
    Path file = dir.resolve("estate.json");

    EstateFiles.write(estate, file);

    assertThat(EstateFiles.read(file)).isEqualTo(estate);
    assertThat(EstateFiles.parse(EstateFiles.toJson(estate))).isEqualTo(estate);
  }

  @Test
  void roundTripsAnEmptyEstate() {
    Estate estate = ImmutableEstate.builder()
        .tenantId(TENANT)
        .user(EstateUser.of(uuid("user:d@contoso.com"), "D", "d@contoso.com"))
        .build();

    String json = EstateFiles.toJson(estate);

    assertThat(json).contains("\"organizations\": []").doesNotContain("\"id\"");
    assertThat(EstateFiles.parse(json)).isEqualTo(estate);
  }

  @Test
  void roundTripsGeneratedEstatesWithVariation() {
    Estate estate = EstateGenerator.builder()
        .seed(99)
        .organizations(3)
        .projectsPerOrganization(40)
        .repositoriesPerProject(8)
        .pipelinesPerProject(3)
        .repositoryCountVariation(50)
        .emptyRepositoryPercent(10)
        .build()
        .generate();

    assertThat(EstateFiles.parse(EstateFiles.toJson(estate))).isEqualTo(estate);
  }

  @Test
  void writesCompactlyLeavingOutWhatReadingDerives() {
    Estate estate = EstateFiles.parse(minimal("fabrikam", "web", "api"));

    String json = EstateFiles.toJson(estate);

    assertThat(json).isEqualTo("{\n"
        + "  \"tenantId\": \"72f988bf-86f1-41af-91ab-2d7cd011db47\",\n"
        + "  \"user\": {\"displayName\": \"Dana Adler\", \"email\": \"dana@contoso.com\"},\n"
        + "  \"onboardedElsewhere\": [],\n"
        + "  \"organizations\": [\n"
        + "    {\n"
        + "      \"name\": \"fabrikam\",\n"
        + "      \"accessLevel\": \"basic\",\n"
        + "      \"projectCollectionAdministrator\": true,\n"
        + "      \"administratorThroughNestedGroup\": false,\n"
        + "      \"oauthThirdPartyAccess\": \"on\",\n"
        + "      \"accessible\": true,\n"
        + "      \"projects\": [\n"
        + "        {\"name\": \"web\", \"repositories\": [\"api\"], \"pipelines\": [\"ci\"]}\n"
        + "      ]\n"
        + "    }\n"
        + "  ]\n"
        + "}\n");
  }

  @Test
  void readsFromAPathAndNamesTheFileInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("estate.json");
    try (InputStream in = getClass().getResourceAsStream("/estates/bad-access-level.json")) {
      Files.copy(in, file);
    }

    assertThatThrownBy(() -> EstateFiles.read(file))
        .isInstanceOfSatisfying(EstateFileException.class, e -> {
          assertThat(e.path()).isEqualTo("$.organizations[2].accessLevel");
          assertThat(e.line()).hasValue(9);
          assertThat(e.column()).hasValue(22);
          assertThat(e.source()).contains(file.toString());
          assertThat(e.getMessage()).isEqualTo("$.organizations[2].accessLevel: \"admin\" is not one of basic, "
              + "basicPlusTestPlans, visualStudioSubscriber, stakeholder, none (" + file + ", line 9, column 22)");
        });
  }

  @Test
  void aMissingFileIsAnIoErrorNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> EstateFiles.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void readingAStreamLeavesItOpen() {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(minimal("fabrikam", "web", "api").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    EstateFiles.read(in);

    assertThat(closed[0]).isFalse();
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> EstateFiles.read((InputStream) null)).hasMessageContaining("class-path resource");
    assertThatThrownBy(() -> EstateFiles.read((Path) null)).hasMessageContaining("file");
    assertThatThrownBy(() -> EstateFiles.parse(null)).hasMessageContaining("json");
    assertThatThrownBy(() -> EstateFiles.toJson(null)).hasMessageContaining("estate");
  }

  @Test
  void refusesToWriteAnEstateThatWouldNotReadBack(@TempDir Path dir) {
    Estate clash = ImmutableEstate.builder()
        .tenantId(TENANT)
        .user(EstateUser.of(uuid("x"), "D", "d@contoso.com"))
        .addOrganizations(EstateOrganization.builder()
            .name(OrganizationName.parse("fabrikam"))
            .addProjects(EstateProject.builder().id(uuid("a")).name("Web").build())
            .addProjects(EstateProject.builder().id(uuid("b")).name("web").build())
            .build())
        .build();
    Path file = dir.resolve("clash.json");

    assertThatThrownBy(() -> EstateFiles.write(clash, file))
        .isInstanceOfSatisfying(EstateFileException.class, e -> {
          assertThat(e.path()).isEqualTo("$.organizations[0].projects[1].name");
          assertThat(e.line()).isEmpty();
          assertThat(e.getMessage()).contains("already the name of $.organizations[0].projects[0]");
        });
    assertThat(file).doesNotExist();
  }

  @Test
  void refusesToWriteValuesTheFormatRejects() {
    assertThat(writeProblem(project(EstateProject.builder().id("not-a-guid").name("web").build())))
        .startsWith("$.organizations[0].projects[0].id: cannot be written to an estate file: \"not-a-guid\" is not a GUID");
    assertThat(writeProblem(project(EstateProject.builder().id(uuid("p")).name("a\u0001b").build())))
        .startsWith("$.organizations[0].projects[0].name:");
    assertThat(writeProblem(project(EstateProject.builder().id(uuid("p")).name("web")
        .addRepositories(EstateRepository.of(uuid("r"), "api", Optional.of("main"))).build())))
        .startsWith("$.organizations[0].projects[0].repositories[0].defaultBranch:");
    assertThat(writeProblem(project(EstateProject.builder().id(uuid("p")).name("web")
        .addPipelines(EstatePipeline.of(0, "ci")).build())))
        .startsWith("$.organizations[0].projects[0].pipelines[0].id:");
    assertThat(writeProblem(project(EstateProject.builder().id(uuid("p")).name("web")
        .addPipelines(EstatePipeline.of(4, "ci"), EstatePipeline.of(4, "cd")).build())))
        .startsWith("$.organizations[0].projects[0].pipelines[1].id:");
    Estate badUser = ImmutableEstate.builder().tenantId(TENANT).user(EstateUser.of(uuid("u"), " ", "d@contoso.com"))
        .build();
    assertThat(writeProblem(badUser)).startsWith("$.user.displayName:");
    Estate nestedWithoutAdmin = ImmutableEstate.builder().tenantId(TENANT)
        .user(EstateUser.of(uuid("u"), "D", "d@contoso.com"))
        .addOrganizations(EstateOrganization.builder().name(OrganizationName.parse("fabrikam"))
            .projectCollectionAdministrator(false).administratorThroughNestedGroup(true).build())
        .build();
    assertThat(writeProblem(nestedWithoutAdmin)).startsWith("$.organizations[0].administratorThroughNestedGroup:");
  }

  @Test
  void acceptsAByteOrderMarkAndUtf16() {
    String json = minimal("fabrikam", "web", "api");
    Estate expected = EstateFiles.parse(json);

    byte[] utf16 = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16BE);
    byte[] utf8 = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);

    assertThat(EstateFiles.read(new ByteArrayInputStream(utf16))).isEqualTo(expected);
    assertThat(EstateFiles.read(new ByteArrayInputStream(utf8))).isEqualTo(expected);
  }

  @Test
  void keepsFieldOrderFree() {
    String json = "{\"organizations\": [{\"projects\": [{\"pipelines\": [\"ci\"], \"repositories\": [\"api\"],"
        + " \"name\": \"web\"}], \"name\": \"fabrikam\"}],"
        + " \"user\": {\"email\": \"dana@contoso.com\", \"displayName\": \"Dana Adler\"},"
        + " \"tenantId\": \"" + TENANT + "\"}";

    assertThat(EstateFiles.parse(json)).isEqualTo(EstateFiles.parse(minimal("fabrikam", "web", "api")));
  }

  @Test
  void readsTheOnboardedElsewhereListInOrder() {
    String json = "{\"tenantId\": \"" + TENANT + "\", \"user\": {\"displayName\": \"D\", \"email\": \"d@c.com\"},"
        + " \"onboardedElsewhere\": [\"zeta\", \"Alpha\", \"mid-1\"], \"organizations\": []}";

    Estate estate = EstateFiles.parse(json);

    assertThat(estate.onboardedElsewhere().stream().map(OrganizationName::value).collect(Collectors.toList()))
        .containsExactly("zeta", "Alpha", "mid-1");
    assertThat(estate.organizations()).isEmpty();
  }

  private static String minimal(String organization, String project, String repository) {
    return "{\"tenantId\": \"" + TENANT + "\", \"user\": {\"displayName\": \"Dana Adler\", \"email\": "
        + "\"dana@contoso.com\"}, \"organizations\": [{\"name\": \"" + organization + "\", \"projects\": [{\"name\": \""
        + project + "\", \"repositories\": [\"" + repository + "\"], \"pipelines\": [\"ci\"]}]}]}";
  }

  private static Estate project(EstateProject project) {
    return ImmutableEstate.builder()
        .tenantId(TENANT)
        .user(EstateUser.of(uuid("u"), "D", "d@contoso.com"))
        .addOrganizations(EstateOrganization.builder().name(OrganizationName.parse("fabrikam")).addProjects(project)
            .build())
        .build();
  }

  private static String writeProblem(Estate estate) {
    try {
      EstateFiles.toJson(estate);
    } catch (EstateFileException e) {
      return e.getMessage();
    }
    throw new AssertionError("the estate was written");
  }

  @Test
  void namesTheApiAcceptsReadAndWriteBackAsTheyAre() {
    String json = "{\"tenantId\": \"" + TENANT + "\", \"user\": {\"displayName\": \"D\", \"email\": \"d@contoso.com\"},"
        + " \"tokenScope\": [\"fabrikam\"], \"organizations\": [{\"name\": \"fabrikam\", \"projects\": [{\"name\": "
        + "\"_C# tools: v1.\", \"repositories\": [\"a/b?c\"], \"pipelines\": [\"nightly #2\", \"build & test + 100%\"]}]}]}";

    Estate estate = EstateFiles.parse(json);
    Estate again = EstateFiles.parse(EstateFiles.toJson(estate));

    EstateProject project = estate.organizations().get(0).projects().get(0);
    assertThat(project.name()).isEqualTo("_C# tools: v1.");
    assertThat(project.repositories().get(0).name()).isEqualTo("a/b?c");
    assertThat(project.pipelines()).extracting(EstatePipeline::name).containsExactly("nightly #2", "build & test + 100%");
    assertThat(estate.tokenForAllOrganizations()).isFalse();
    assertThat(estate.tokenOrganizations()).extracting(OrganizationName::value).containsExactly("fabrikam");
    assertThat(again).isEqualTo(estate);
  }

  @Test
  void aTokenForAllOrganizationsIsWrittenAndReadBack() {
    Estate estate = Estates.builder().organization("fabrikam").tokenForAllOrganizations().build();

    String json = EstateFiles.toJson(estate);

    assertThat(json).contains("\"tokenScope\": \"allOrganizations\"");
    assertThat(EstateFiles.parse(json).tokenForAllOrganizations()).isTrue();
  }
}
