package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.KeycloakSession;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Against the real Keycloak that .ci/run starts with docker/keycloak/owlet-realm.json: the code flow
 * for pages, bearer tokens for the API, realm roles and the organization claim as Keycloak sends them.
 */
@QuarkusTest
@Tag("keycloak")
class KeycloakLoginTest {

    @Test
    void aLearnerSignsInThroughKeycloakAndSeesTheirClaims() {
        KeycloakSession session = KeycloakSession.signIn("ana@acme.example");
        Document page = Jsoup.parse(session.request().get("/me").then().statusCode(200).extract().asString());
        String facts = page.select("dl.facts").text();
        assertThat(facts).contains("Ana Alvarez", "ana@acme.example", "Learner", "[\"acme\"]", "true");
        assertThat(facts).doesNotContain("Coalition admin", "Company admin");
    }

    @Test
    void bearerTokensCarryRealmRolesAndTheOrganizationArray() {
        given().auth().oauth2(KeycloakSession.accessToken("carl@acme.example")).get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo("carl@acme.example"))
                .body("roles", hasItems("learner", "company-admin"))
                .body("organization", contains("acme"));
        given().auth().oauth2(KeycloakSession.accessToken("cora@coalition.example")).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", hasItems("coalition-admin"))
                .body("organization.size()", equalTo(0));
    }

    @Test
    void rolesDecideWhatEachPersonReaches() {
        given().auth().oauth2(KeycloakSession.accessToken("ana@acme.example"))
                .get("/test-failures/coalition-only").then().statusCode(403);
        given().auth().oauth2(KeycloakSession.accessToken("cora@coalition.example"))
                .get("/test-failures/coalition-only").then().statusCode(200);
        KeycloakSession learner = KeycloakSession.signIn("gina@globex.example");
        learner.request().get("/test-failures/coalition-only").then().statusCode(403);
        KeycloakSession coalition = KeycloakSession.signIn("cora@coalition.example");
        coalition.request().get("/test-failures/coalition-only").then().statusCode(200);
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        KeycloakSession session = KeycloakSession.signIn("ivan@individual.example");
        session.request().get("/me").then().statusCode(200);
        String endSession = session.post("/logout").then().statusCode(303).extract().header("Location");
        assertThat(endSession).contains("/protocol/openid-connect/logout");
        session.request().get("/me").then().statusCode(303).header("Location", endsWith("/login?return=%2Fme"));
    }
}
