package org.owlet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which feature may use which (STYLE.md, "Layout: package by feature"; DESIGN.md, "Shape"), checked on the compiled
 * main classes. Data flows one way: courses → catalog → learning → certification → reporting; {@code web} is the
 * shell every feature uses and knows none; nothing uses {@code home} or {@code reporting}.
 */
@AnalyzeClasses(packages = "org.owlet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule catalogKnowsNoLearnerAndNoHigherFeature = noClasses().that().resideInAPackage("org.owlet.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("org.owlet.learning..", "org.owlet.identity..",
                    "org.owlet.certification..", "org.owlet.organization..", "org.owlet.home..", "org.owlet.reporting..")
            .because("the catalog turns course files into a model and knows no learner, company or certificate;"
                    + " the features above it use it, never the other way round");

    @ArchTest
    static final ArchRule learningNeverUsesCertification = noClasses().that().resideInAPackage("org.owlet.learning..")
            .should().dependOnClassesThat().resideInAPackage("org.owlet.certification..")
            .because("a pass is a CDI event (FinalAssessmentPassed) that certification observes;"
                    + " certification may use learning, not the other way round");

    @ArchTest
    static final ArchRule nothingUsesHome = noClasses().that().resideOutsideOfPackage("org.owlet.home..")
            .should().dependOnClassesThat().resideInAPackage("org.owlet.home..")
            .because("the learner's home and \"My progress\" pages read learning and certification; nothing reads them");

    @ArchTest
    static final ArchRule nothingUsesReporting = noClasses().that().resideOutsideOfPackage("org.owlet.reporting..")
            .should().dependOnClassesThat().resideInAPackage("org.owlet.reporting..")
            .allowEmptyShould(true)
            .because("reporting is the end of the data flow: it reads the other features and nothing reads it");

    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses().that().resideInAPackage("org.owlet.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.owlet.catalog..", "org.owlet.learning..",
                    "org.owlet.certification..", "org.owlet.organization..", "org.owlet.identity..", "org.owlet.home..",
                    "org.owlet.reporting..")
            .because("web (layout, locale, errors) is the shell every feature uses, so it can know none of them");

    @ArchTest
    static final ArchRule organizationUsesNeitherLearningNorCertification = noClasses().that()
            .resideInAPackage("org.owlet.organization..")
            .should().dependOnClassesThat().resideInAnyPackage("org.owlet.learning..", "org.owlet.certification..")
            .because("companies and members sit below learning and certification, which use them");

    @ArchTest
    static final ArchRule everyExportGoesThroughTheOneCsvWriter = noClasses().that().doNotHaveFullyQualifiedName("org.owlet.web.Csv")
            .and().doNotHaveFullyQualifiedName("org.owlet.web.Csv$Row")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("every export writes through web.Csv: UTF-8 with BOM, formula cells neutralised, numbers untouched");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.owlet.(*)..").should().beFreeOfCycles()
            .because("dependencies between features run one way only");
}
