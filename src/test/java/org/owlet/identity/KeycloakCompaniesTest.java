package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;
import org.owlet.testing.KeycloakSession;

import io.quarkus.test.junit.QuarkusTest;

/** Companies with a real Keycloak: organizations land people in the right company; new companies take new people. */
@QuarkusTest
@Tag("keycloak")
class KeycloakCompaniesTest {

    @Test
    void usersOfTwoOrganizationsLandInTheirCompaniesAndAdminsSeeOnlyTheirTeam() {
        Fixtures.acme();
        Fixtures.globex();
        KeycloakSession.signIn("ana@acme.example").get("/me").then().statusCode(200);
        KeycloakSession.signIn("gina@globex.example").get("/me").then().statusCode(200);
        Document acmeTeam = Jsoup.parse(KeycloakSession.signIn("carl@acme.example").get("/team/members")
                .then().statusCode(200).extract().asString());
        assertThat(acmeTeam.selectFirst("h1").text()).isEqualTo("Team at Acme Marketplace");
        assertThat(acmeTeam.select("tbody").text()).contains("Ana Alvarez").doesNotContain("gina@globex.example");
        Document globexTeam = Jsoup.parse(KeycloakSession.signIn("gus@globex.example").get("/team/members")
                .then().statusCode(200).extract().asString());
        assertThat(globexTeam.selectFirst("h1").text()).isEqualTo("Team at Globex Social");
        assertThat(globexTeam.select("tbody").text()).contains("gina@globex.example").doesNotContain("Ana Alvarez");
    }

    @Test
    void aCompanyCreatedByTheCoalitionTakesUsersOfItsDomainOnFirstSignIn() {
        given().auth().oauth2(KeycloakSession.accessToken("cora@coalition.example")).contentType("application/json")
                .body(Map.of("slug", "initech", "name", "Initech Search", "region", "AFRICA", "country", "KE",
                        "domains", List.of("initech.example"), "joinedOn", "2025-01-01"))
                .post("/api/v1/companies").then().statusCode(201);
        Document me = Jsoup.parse(KeycloakSession.signIn("newbie@initech.example").get("/me")
                .then().statusCode(200).extract().asString());
        assertThat(me.select("dl.facts").text()).contains("Initech Search");
    }
}
