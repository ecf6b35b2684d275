package dev.chikuden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core's import rules: arrows point down, and configuration reading is a kit of its own. */
@AnalyzeClasses(packages = "dev.chikuden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule nothingOfTheCoreDependsOnTheModulesAboveIt = noClasses()
            .that()
            .resideInAPackage("dev.chikuden..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.chikuden.optimize..",
                    "dev.chikuden.ems..",
                    "dev.chikuden.cli..",
                    "dev.chikuden.bench..",
                    "dev.chikuden.spark..",
                    "dev.chikuden.fleet..");

    @ArchTest
    static final ArchRule gridCodeDoesNotDependOnTheSite = noClasses()
            .that()
            .resideInAPackage("dev.chikuden.gridcode..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.chikuden.site..");

    @ArchTest
    static final ArchRule theConfigurationKitKnowsNoDomain = noClasses()
            .that()
            .resideInAPackage("dev.chikuden.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.chikuden.site..",
                    "dev.chikuden.gridcode..",
                    "dev.chikuden.battery..",
                    "dev.chikuden.tariff..",
                    "dev.chikuden.study..",
                    "dev.chikuden.sim..");

    /** YAML is read in one place: the configuration kit (and the shipped climate tables it predates). */
    @ArchTest
    static final ArchRule onlyTheKitParsesYaml = noClasses()
            .that()
            .resideOutsideOfPackages("dev.chikuden.config..", "dev.chikuden.weather..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.yaml.snakeyaml..", "com.fasterxml.jackson.dataformat.yaml..", "com.networknt..");
}
