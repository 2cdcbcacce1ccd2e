package org.owlet.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The learner-safe catalog API: courses and items in the caller's language, never an answer key. */
@QuarkusTest
class CatalogApiTest {

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void listsTheLoadedCoursesInTheRequestedLanguage() {
        given().get("/api/v1/courses").then().statusCode(200)
                .body("id", hasItem("sample"))
                .body("find { it.id == 'sample' }.title", equalTo("Sample course"))
                .body("find { it.id == 'sample' }.contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        given().queryParam("lang", "fr").get("/api/v1/courses").then().statusCode(200)
                .body("find { it.id == 'sample' }.title", equalTo("Cours d'exemple"));
        given().header("Accept-Language", "fr-BE,fr;q=0.9").get("/api/v1/courses").then().statusCode(200)
                .body("find { it.id == 'sample' }.title", equalTo("Cours d'exemple"));
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void aCourseComesWithModulesLessonsAndItemsButNoAnswerKeys() {
        String json = given().queryParam("lang", "fr").get("/api/v1/courses/sample").then().statusCode(200)
                .body("language", equalTo("fr"))
                .body("passMark", equalTo(80))
                .body("modules.kind", equalTo(java.util.List.of("lesson", "drill", "quiz", "final")))
                .body("modules[0].html", containsString("lignes de Schreger"))
                .body("items", hasSize(10))
                .body("items.find { it.id == 'carving-material' }.question",
                        equalTo("En quoi cette sculpture est-elle très probablement faite ?"))
                .body("items.find { it.id == 'carving-material' }.image.alt", containsString("objet sculpté"))
                .extract().asString();

        org.assertj.core.api.Assertions.assertThat(json).doesNotContain("\"correct\"", "\"key\"", "redFlags", "decoys",
                "\"decision\"", "polygon", "explanation", "Coupe d'ivoire d'éléphant");
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void aLanguageTheCourseIsNotOfferedInFallsBackToItsDefault() {
        given().queryParam("lang", "vi").get("/api/v1/courses/sample").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("title", equalTo("Sample course"));
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void anUnknownCourseOrVersionIsNotFound() {
        given().get("/api/v1/courses/no-such-course").then().statusCode(404).body("status", equalTo(404));
        given().queryParam("hash", "0".repeat(64)).get("/api/v1/courses/sample").then().statusCode(404);
    }

    @Test
    void anonymousCallersGetNoCatalog() {
        given().get("/api/v1/courses").then().statusCode(401).body(not(containsString("sample")));
    }
}
