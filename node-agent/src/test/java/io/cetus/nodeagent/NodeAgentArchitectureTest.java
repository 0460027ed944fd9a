package io.cetus.nodeagent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The container engine stays behind its seam (STYLE.md §7). */
@AnalyzeClasses(
    packages = "io.cetus.nodeagent",
    importOptions = ImportOption.DoNotIncludeJars.class)
class NodeAgentArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheDockerRuntimeUsesDockerJava =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.cetus.nodeagent.runtime.docker..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..");

  @ArchTest
  static final ArchRule theRuntimeContractKnowsNoImplementation =
      noClasses()
          .that()
          .resideInAPackage("io.cetus.nodeagent.runtime")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.cetus.nodeagent.runtime.docker..", "io.cetus.nodeagent.runtime.fake..");

  @ArchTest
  static final ArchRule theFakeRuntimeDoesNotLeanOnDocker =
      noClasses()
          .that()
          .resideInAPackage("io.cetus.nodeagent.runtime.fake..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.cetus.nodeagent.runtime.docker..");
}
