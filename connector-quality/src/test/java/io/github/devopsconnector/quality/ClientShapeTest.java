package io.github.devopsconnector.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.util.ExpandableStringEnum;
import com.azure.core.util.ServiceVersion;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.devopsconnector.core.DevOpsConnectorException;
import io.github.devopsconnector.core.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one shape every service client follows: the client, its builder and its service version (and, for ARM, the
 * store and registry) in the root package, models in {@code .models}, operations and DTOs in
 * {@code .implementation}; builders with azure-core's traits; one exception root; domain findings written only in
 * connector-core; the shared transport used only by the clients. A new client module is added to {@link #CLIENTS}
 * and is held to the same rules.
 */
class ClientShapeTest {

  private static final String ROOT = "io.github.devopsconnector";
  /** Every service client module: JPMS module name = root package. */
  static final List<String> CLIENTS = List.of(ROOT + ".azuredevops", ROOT + ".arm", ROOT + ".github",
      ROOT + ".gitlab");
  private static final String TRANSPORT = ROOT + ".http";

  /** What may stand in a client's root package, by simple name. */
  private static final Pattern ROOT_PACKAGE_TYPES =
      Pattern.compile("[A-Za-z]+(Client|ClientBuilder|ServiceVersion|ConnectorStore|TenantRegistry)");

  private static JavaClasses sdk;

  @BeforeAll
  static void importSdk() {
    sdk = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT + ".core", ROOT + ".azuredevops", ROOT + ".arm", ROOT + ".github", ROOT + ".gitlab",
            ROOT + ".testing", TRANSPORT);
  }

  @Test
  void clientRootPackagesHoldOnlyTheClientItsBuilderServiceVersionAndStores() {
    for (String client : CLIENTS) {
      Set<String> found = sdk.stream()
          .filter(c -> c.getPackageName().equals(client) && c.getModifiers().contains(JavaModifier.PUBLIC))
          .filter(c -> !c.getSimpleName().equals("package-info") && c.getEnclosingClass().isEmpty())
          .map(JavaClass::getSimpleName)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).as("public types of %s", client).isNotEmpty()
          .allSatisfy(name -> assertThat(name).matches(ROOT_PACKAGE_TYPES));
      assertThat(found).as("%s has a client, a builder and a service version", client)
          .anyMatch(n -> n.endsWith("ClientBuilder"))
          .anyMatch(n -> n.endsWith("ServiceVersion"));
    }
  }

  @Test
  void clientPackagesAreTheRootModelsAndImplementationOnly() {
    for (String client : CLIENTS) {
      Set<String> packages = sdk.stream().map(JavaClass::getPackageName)
          .filter(p -> p.equals(client) || p.startsWith(client + "."))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(packages).as("packages of %s", client)
          .allSatisfy(p -> assertThat(p).matches(Pattern.quote(client) + "(\\.models|\\.implementation(\\..+)?)?"));
    }
  }

  @Test
  void everyClientBuilderImplementsTheAzureCoreBuilderTraits() {
    classes().that().haveSimpleNameEndingWith("ClientBuilder").and(inAClientRootPackage())
        .should().implement(TokenCredentialTrait.class)
        .andShould().implement(HttpTrait.class)
        .andShould().implement(EndpointTrait.class)
        .andShould().implement(ConfigurationTrait.class)
        .because("every client is configured the same way (azure-core builder traits)")
        .check(sdk);
  }

  @Test
  void everyServiceVersionIsAnAzureCoreServiceVersion() {
    classes().that().haveSimpleNameEndingWith("ServiceVersion").and(inAClientRootPackage())
        .should().implement(ServiceVersion.class)
        .check(sdk);
  }

  @Test
  void modelEnumsAreExpandableStringEnums() {
    noClasses().that(inAModelsPackage()).should().beEnums()
        .because("values a service may add later are ExpandableStringEnum subclasses, not closed Java enums")
        .check(sdk);
    assertThat(sdk.stream().filter(c -> c.isAssignableTo(ExpandableStringEnum.class))
        .filter(c -> !c.getName().startsWith(ROOT + ".testing"))
        .map(JavaClass::getPackageName).collect(Collectors.toSet()))
        .as("packages holding ExpandableStringEnum subclasses")
        .allSatisfy(p -> assertThat(p).endsWith(".models"));
  }

  @Test
  void everyExceptionTheSdkThrowsHasTheOneRoot() {
    classes().that().areAssignableTo(RuntimeException.class).and().arePublic()
        .and().resideOutsideOfPackages("..implementation..", "..internal..", TRANSPORT + "..")
        .and().resideOutsideOfPackage(ROOT + ".testing..")
        .should().beAssignableTo(DevOpsConnectorException.class)
        .because("callers catch DevOpsConnectorException to handle every failure of the SDK")
        .check(sdk);
  }

  @Test
  void domainFindingsAreWrittenOnlyInCore() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".core..")
        .should().callMethod(Finding.class, "of", io.github.devopsconnector.core.FindingCode.class, String.class,
            String.class, String.class)
        .because("the rules, their messages and remediations live in connector-core; clients gather facts")
        .check(sdk);
    noClasses().that().resideOutsideOfPackage(ROOT + ".core..")
        .should().dependOnClassesThat().haveSimpleName("ImmutableFinding")
        .check(sdk);
  }

  @Test
  void onlyTheClientsUseTheSharedTransport() {
    noClasses().that().resideOutsideOfPackages(clientPackagesAnd(TRANSPORT))
        .should().dependOnClassesThat().resideInAPackage(TRANSPORT + "..")
        .because("connector-http is exported only to the client modules")
        .check(sdk);
  }

  @Test
  void moduleDescriptorsExportTheSameShape() throws IOException {
    for (String client : CLIENTS) {
      ModuleDescriptor module = descriptorOf(client);
      Map<String, Set<String>> exports = exportsOf(module);
      assertThat(exports.keySet()).as("packages %s exports", client)
          .allSatisfy(p -> assertThat(p).isIn(client, client + ".models"))
          .contains(client);
      assertThat(exports.values()).as("%s exports to everyone", client).allSatisfy(t -> assertThat(t).isEmpty());
      assertThat(module.requires().stream().map(ModuleDescriptor.Requires::name)).contains(TRANSPORT);
    }
    Map<String, Set<String>> transportExports = exportsOf(descriptorOf(TRANSPORT));
    assertThat(transportExports).as("connector-http exports").isNotEmpty();
    assertThat(transportExports.values()).as("connector-http exports only to the client modules")
        .allSatisfy(targets -> assertThat(targets).isNotEmpty().isSubsetOf(CLIENTS));
  }

  private static ModuleDescriptor descriptorOf(String packageWithModuleInfo) throws IOException {
    // A top-level class: a nested or anonymous one's simple name does not name its class file.
    JavaClass anyClass = sdk.stream()
        .filter(c -> c.getPackageName().equals(packageWithModuleInfo) && c.isTopLevelClass()).findFirst()
        .orElseThrow(() -> new AssertionError("no class in " + packageWithModuleInfo));
    try (InputStream in = anyClass.reflect().getModule().getClassLoader() == null
        ? null : moduleInfoOf(anyClass.reflect())) {
      assertThat(in).as("module-info.class next to %s", anyClass.getName()).isNotNull();
      return ModuleDescriptor.read(in);
    }
  }

  private static InputStream moduleInfoOf(Class<?> type) throws IOException {
    java.net.URL classUrl = type.getResource(type.getSimpleName() + ".class");
    String text = classUrl.toString();
    String base = text.substring(0, text.length() - (type.getName().replace('.', '/') + ".class").length());
    return new java.net.URL(base + "module-info.class").openStream();
  }

  private static Map<String, Set<String>> exportsOf(ModuleDescriptor module) {
    Map<String, Set<String>> exports = new TreeMap<>();
    module.exports().forEach(e -> exports.put(e.source(), new TreeSet<>(e.targets())));
    return exports;
  }

  private static String[] clientPackagesAnd(String... more) {
    List<String> packages = new java.util.ArrayList<>();
    CLIENTS.forEach(c -> packages.add(c + ".."));
    for (String p : more) {
      packages.add(p + "..");
    }
    return packages.toArray(String[]::new);
  }

  private static DescribedPredicate<JavaClass> inAClientRootPackage() {
    return DescribedPredicate.describe("reside in a client's root package", c -> CLIENTS.contains(c.getPackageName()));
  }

  private static DescribedPredicate<JavaClass> inAModelsPackage() {
    return DescribedPredicate.describe("reside in a client's models package",
        c -> CLIENTS.stream().anyMatch(client -> c.getPackageName().equals(client + ".models")));
  }
}
