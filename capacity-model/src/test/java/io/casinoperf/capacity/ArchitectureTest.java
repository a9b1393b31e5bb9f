package io.casinoperf.capacity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The capacity model is pure computation with its inputs at the edges. */
@AnalyzeClasses(packages = "io.casinoperf.capacity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * commons-math3 3.6.1 is no longer maintained: the capacity model reaches it only through the
   * algebra package, so replacing it touches nothing else.
   */
  @ArchTest
  static final ArchRule commonsMathOnlyBehindTheAlgebraAdapter =
      noClasses().that().resideOutsideOfPackage("io.casinoperf.capacity.algebra..")
          .should().dependOnClassesThat().resideInAPackage("org.apache.commons.math3..");

  @ArchTest
  static final ArchRule noLoadTestingOrChartingLibraries =
      noClasses().should().dependOnClassesThat().resideInAnyPackage(
          "io.gatling..", "com.github.tomakehurst..", "org.wiremock..", "org.jfree..",
          "io.casinoperf.gate..", "io.casinoperf.report..", "io.casinoperf.cli..");

  @ArchTest
  static final ArchRule noConsoleOutput = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  /** The models take their data, not files: reading stays in series, plan, usl and forecast inputs. */
  @ArchTest
  static final ArchRule modelsDoNoFileInput =
      noClasses().that().resideInAnyPackage("..capacity.demand..", "..capacity.resource..", "..capacity.algebra..")
          .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..");
}
