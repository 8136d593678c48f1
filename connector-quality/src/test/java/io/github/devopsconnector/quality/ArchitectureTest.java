package io.github.devopsconnector.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that keep the library's architecture what the README says it is. */
class ArchitectureTest {

  private static final String ROOT = "io.github.devopsconnector";
  /** Library modules' root packages; connector-examples is an application and may print. */
  private static final List<String> LIBRARY_ROOTS =
      List.of(ROOT + ".core", ROOT + ".azuredevops", ROOT + ".arm", ROOT + ".github", ROOT + ".gitlab",
          ROOT + ".testing");
  /** The modules core's module-info exports core.internal to (the SDK's Immutables style is there). */
  private static final String[] CORE_INTERNAL_USERS = {
      ROOT + ".core..", ROOT + ".azuredevops..", ROOT + ".arm..", ROOT + ".github..", ROOT + ".gitlab..",
      ROOT + ".testing", ROOT + ".http.."};

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(LIBRARY_ROOTS.toArray(String[]::new));
  }

  @Test
  void importsEveryLibraryModule() {
    Set<String> packages = library.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    assertThat(packages).contains(ROOT + ".core", ROOT + ".core.azuredevops", ROOT + ".core.github",
        ROOT + ".core.edit", ROOT + ".core.discovery", ROOT + ".github", ROOT + ".github.implementation",
        ROOT + ".core.gitlab", ROOT + ".gitlab", ROOT + ".gitlab.implementation", ROOT + ".testing");
  }

  @Test
  void coreDependsOnNoHttpOrJsonLibrary() {
    noClasses().that().resideInAPackage(ROOT + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.fasterxml..", "java.net.http..",
            "com.sun.net.httpserver..", "okhttp3..", "io.netty..", "reactor..")
        .because("connector-core's only runtime dependency is slf4j-api")
        .check(library);
  }

  @Test
  void noModuleUsesAnotherModulesImplementation() {
    for (String root : LIBRARY_ROOTS) {
      noClasses().that().resideOutsideOfPackage(root + "..")
          .should().dependOnClassesThat().resideInAnyPackage(root + "..implementation..")
          .because("implementation packages are not exported and may change at any time")
          .allowEmptyShould(true)
          .check(library);
      // core's internal package is exported to the SDK's own modules only (a qualified export).
      String[] allowed = root.equals(ROOT + ".core")
          ? CORE_INTERNAL_USERS
          : new String[] {root + ".."};
      noClasses().that().resideOutsideOfPackages(allowed)
          .should().dependOnClassesThat().resideInAnyPackage(root + "..internal..")
          .because("internal packages are not exported (beyond a qualified export) and may change at any time")
          .allowEmptyShould(true)
          .check(library);
    }
  }

  @Test
  void coreInternalPackageIsExportedOnlyToTheSdkModules() {
    // module-info: exports io.github.devopsconnector.core.internal to the modules below; nobody else may use it.
    noClasses().that().resideOutsideOfPackages(CORE_INTERNAL_USERS)
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".core.internal..")
        .because("the Immutables style and the shared plumbing are exported only to the SDK's own modules")
        .check(library);
  }

  @Test
  void immutablesImplementationsStayHidden() {
    // The SDK's one Immutables style (core.internal.SdkStyle, on the package-info of every package with value
    // types) makes the generated classes package-private; a package without it would publish them.
    classes().that().haveSimpleNameStartingWith("Immutable").and().areTopLevelClasses()
        .should().notBePublic()
        .because("callers use the abstract value types; the generated implementations stay hidden")
        .check(library);
  }

  @Test
  void publicApiClassesAreFinalOrClosedValueTypes() {
    classes().that(arePublicApi())
        .should(beFinalOrClosed())
        .check(library);
  }

  @Test
  void publicApiExposesNoJacksonOrAzureCoreImplementationTypes() {
    classes().that(arePublicApi())
        .should(exposeNoTypesFrom("com.fasterxml.", "com.azure.core.implementation.", "reactor.netty.", "io.netty."))
        .check(library);
  }

  @Test
  void librariesNeverWriteToStandardStreams() {
    noClasses().should(ACCESS_STANDARD_STREAMS)
        .because("a library logs through SLF4J and returns values; only connector-examples prints")
        .check(library);
  }

  @Test
  void librariesDoNotUseJavaUtilLogging() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..")
        .because("the library logs through SLF4J only")
        .check(library);
  }

  @Test
  void theSharedTransportIsUsedOnlyByTheClientModules() {
    // connector-http's module-info: exports io.github.devopsconnector.http to ...azuredevops, ...arm, ...github,
    // ...gitlab only.
    noClasses().that().resideOutsideOfPackages(ROOT + ".azuredevops..", ROOT + ".arm..", ROOT + ".github..",
            ROOT + ".gitlab..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".http..")
        .because("connector-http is internal to the SDK and exported only to the client modules")
        .check(library);
  }

  /** Public top-level or nested classes in packages the modules export. */
  private static DescribedPredicate<JavaClass> arePublicApi() {
    return DescribedPredicate.describe("are public API", c -> c.getModifiers().contains(JavaModifier.PUBLIC)
        && !c.getPackageName().contains(".internal") && !c.getPackageName().contains(".implementation")
        && !c.getSimpleName().startsWith("Immutable")
        && (c.getEnclosingClass().isEmpty() || c.getEnclosingClass().get().getModifiers().contains(JavaModifier.PUBLIC)));
  }

  /**
   * Final, or an interface, enum, annotation or record, or an abstract class nobody outside its package can
   * extend (every constructor package-private or private), as the Immutables value types are.
   */
  /** The SDK's exception hierarchy is open so that every module's exceptions share one root. */
  private static final java.util.Set<String> EXCEPTION_ROOTS = java.util.Set.of(
      ROOT + ".core.DevOpsConnectorException", ROOT + ".core.ServiceException",
      ROOT + ".core.ServiceException$Builder");

  private static ArchCondition<JavaClass> beFinalOrClosed() {
    return new ArchCondition<>("be final, an interface/enum/record, or an abstract class closed to subclassing") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean ok = c.isInterface() || c.isEnum() || c.isAnnotation() || c.isRecord()
            || c.getModifiers().contains(JavaModifier.FINAL)
            || EXCEPTION_ROOTS.contains(c.getName())
            || c.getConstructors().stream().noneMatch(k -> k.getModifiers().contains(JavaModifier.PUBLIC)
                || k.getModifiers().contains(JavaModifier.PROTECTED));
        events.add(new SimpleConditionEvent(c, ok, c.getName() + " can be subclassed by integrators"));
      }
    };
  }

  private static ArchCondition<JavaClass> exposeNoTypesFrom(String... prefixes) {
    return new ArchCondition<>("expose no types from " + String.join(", ", prefixes) + " in public signatures") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaCodeUnit unit : c.getCodeUnits()) {
          if (!unit.getModifiers().contains(JavaModifier.PUBLIC) && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          for (JavaType type : signatureTypes(unit)) {
            for (JavaClass involved : type.getAllInvolvedRawTypes()) {
              for (String prefix : prefixes) {
                if (involved.getName().startsWith(prefix)) {
                  events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + involved.getName()));
                }
              }
            }
          }
        }
      }
    };
  }

  private static List<JavaType> signatureTypes(JavaCodeUnit unit) {
    List<JavaType> types = new java.util.ArrayList<>(unit.getParameterTypes());
    types.add(unit.getReturnType());
    return types;
  }
}
