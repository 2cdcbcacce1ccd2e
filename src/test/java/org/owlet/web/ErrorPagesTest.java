package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPagesGetALocalizedNotFoundPage() {
        String html = given().header("Accept-Language", "es").get("/no/such/page")
                .then().statusCode(404).contentType(containsString("text/html")).extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Página no encontrada");
        assertThat(Jsoup.parse(html).selectFirst("html").attr("lang")).isEqualTo("es");
    }

    @Test
    void unexpectedErrorsShowAReferenceButNoStackTrace() {
        String html = given().cookie(LocaleResolver.COOKIE, "fr").get("/test-failures/boom")
                .then().statusCode(500).extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Une erreur s'est produite");
        assertThat(html).doesNotContain("secret internal detail", "IllegalStateException", "at org.owlet");
        assertThat(Jsoup.parse(html).selectFirst("main p").text()).matches(".*: [0-9a-f]{8}$");
    }

    @Test
    void anUnreachableDatabaseIsA503SayingNothingWasSavedWithoutDetails() {
        for (String kind : new String[] { "database-down", "database-shutdown" }) {
            String html = given().header("Accept-Language", "nl").get("/test-failures/domain/" + kind)
                    .then().statusCode(503).header("Retry-After", "10").contentType(containsString("text/html")).extract().asString();
            assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Owlet is even niet beschikbaar");
            assertThat(Jsoup.parse(html).selectFirst("main p").text()).contains("niets van opgeslagen");
            assertThat(html).doesNotContain("secret internal detail", "Exception", "5432", "at org.");
        }
        given().get("/api/v1/test-failures/domain/database-down").then().statusCode(503).header("Retry-After", "10")
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(503))
                .body("type", equalTo("urn:owlet:problem:unavailable"))
                .body("title", equalTo("Owlet is briefly unavailable"))
                .body(not(containsString("secret internal detail")));
        // a bug is still a bug: not every SQL failure is an outage
        given().get("/test-failures/domain/boom").then().statusCode(500);
    }

    @Test
    void signedOutVisitorsOfAProtectedPageAreSentToSignIn() {
        given().redirects().follow(false).get("/test-failures/coalition-only")
                .then().statusCode(303)
                .header("Location", containsString("/login?return=%2Ftest-failures%2Fcoalition-only"));
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void aSignedInPersonWithoutTheRoleGetsAForbiddenPage() {
        String html = given().header("Accept-Language", "vi").get("/test-failures/coalition-only")
                .then().statusCode(403).extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("Không được phép");
    }

    @Test
    void apiErrorsAreProblemDocuments() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:owlet:problem:unauthorized"))
                .body("title", equalTo("Please sign in"))
                .body(not(containsString("<html")));
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404))
                .body("type", equalTo("urn:owlet:problem:not-found"));
    }
}
