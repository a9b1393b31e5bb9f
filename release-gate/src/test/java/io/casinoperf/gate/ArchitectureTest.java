package io.casinoperf.gate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gate is pure computation over Gatling's results: it reads their format but depends on no
 * load-testing, mocking or charting library, writes nothing to the console, and keeps
 * commons-math3 (no longer maintained) behind its one adapter.
 */
@AnalyzeClasses(packages = "io.casinoperf.gate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule independentOfGatlingWireMockAndCharts =
      noClasses().should().dependOnClassesThat()
          .resideInAnyPackage("io.gatling..", "com.github.tomakehurst..", "org.jfree..");

  @ArchTest
  static final ArchRule commonsMathOnlyBehindItsAdapter =
      noClasses().that().doNotHaveFullyQualifiedName("io.casinoperf.gate.stats.Normal")
          .should().dependOnClassesThat().resideInAPackage("org.apache.commons.math3..");

  @ArchTest
  static final ArchRule statisticsDoNotKnowTheHistoryOrTheLogFormat =
      noClasses().that().resideInAPackage("..gate.stats..")
          .should().dependOnClassesThat().resideInAnyPackage("..gate.history..", "..gate.log..");

  @ArchTest
  static final ArchRule noConsoleOutput = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
