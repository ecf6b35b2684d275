package dev.chikuden.ems;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The live service's import rules: it reads configuration with the core's kit, not through the site package. */
@AnalyzeClasses(packages = "dev.chikuden.ems", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule emsDoesNotTakeTheYamlKitFromTheSite = noClasses()
            .that()
            .resideInAPackage("dev.chikuden.ems..")
            .should()
            .dependOnClassesThat(describe(
                    "YAML or configuration-reading classes of dev.chikuden.site",
                    (JavaClass c) -> c.getPackageName().equals("dev.chikuden.site")
                            && (c.getSimpleName().startsWith("Yaml")
                                    || c.getSimpleName().startsWith("Config"))));

    @ArchTest
    static final ArchRule emsParsesNoYamlOfItsOwn = noClasses()
            .that()
            .resideInAPackage("dev.chikuden.ems..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.yaml.snakeyaml..", "com.fasterxml.jackson.dataformat.yaml..", "com.networknt..");

    @ArchTest
    static final ArchRule emsDependsOnNoModuleAboveIt = noClasses()
            .that()
            .resideInAPackage("dev.chikuden.ems..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.chikuden.cli..", "dev.chikuden.bench..", "dev.chikuden.optimize..");
}
