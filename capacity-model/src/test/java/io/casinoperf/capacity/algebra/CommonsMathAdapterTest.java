package io.casinoperf.capacity.algebra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * commons-math3 3.6.1 is no longer maintained: the capacity model reaches it only through this
 * package, so replacing it touches nothing else.
 */
@AnalyzeClasses(packages = "io.casinoperf.capacity", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonsMathAdapterTest {

  @ArchTest
  static final ArchRule commonsMathOnlyBehindTheAlgebraAdapter =
      noClasses().that().resideOutsideOfPackage("io.casinoperf.capacity.algebra..")
          .should().dependOnClassesThat().resideInAPackage("org.apache.commons.math3..");
}
