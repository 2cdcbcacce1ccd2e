package org.owlet.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import io.quarkus.security.Authenticated;

/**
 * Defence in depth: besides the path rules of application.properties, every JAX-RS resource class says who may call it
 * ({@code @RolesAllowed}, {@code @Authenticated} or {@code @PermitAll}); Quarkus refuses an endpoint without one
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}). The route matrix proves both agree.
 */
class ResourceAnnotationsTest {

    /** A class with a {@code @Path} or with a method that answers an HTTP method (a sub-resource). */
    static final DescribedPredicate<JavaClass> RESOURCES = new DescribedPredicate<>("JAX-RS resources") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Path.class) || c.getMethods().stream()
                    .anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> a.getRawType().isAnnotatedWith(HttpMethod.class)));
        }
    };

    static final ArchRule EVERY_RESOURCE_SAYS_WHO_MAY_CALL_IT = classes().that(RESOURCES)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(Authenticated.class)
            .orShould().beAnnotatedWith(PermitAll.class).orShould().beAnnotatedWith(DenyAll.class)
            .because("access is enforced by the path rules and, again, by an annotation on every resource class");

    @Test
    void everyResourceClassSaysWhoMayCallIt() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.owlet");
        long resources = main.stream().filter(RESOURCES).count();
        System.out.println("resource classes checked: " + resources);
        assertThat(resources).as("resource classes found").isGreaterThan(20);
        EVERY_RESOURCE_SAYS_WHO_MAY_CALL_IT.check(main);
    }

    /**
     * A resource as someone might add it, without an annotation. It has no {@code @Path} (as a sub-resource), so the
     * application under test does not serve it.
     */
    static class Unannotated {
        @GET
        public String get() {
            return "";
        }
    }

    @Test
    void theRuleCatchesAResourceWithoutAnnotation() {
        EvaluationResult result = EVERY_RESOURCE_SAYS_WHO_MAY_CALL_IT.evaluate(new ClassFileImporter().importClasses(Unannotated.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains(Unannotated.class.getName());
    }
}
