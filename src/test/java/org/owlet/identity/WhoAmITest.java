package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Member;
import org.owlet.testing.BrowserSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@Tag("db")
class WhoAmITest {

    @Test
    @TestSecurity(user = "gus@globex.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = {
            @Claim(key = "sub", value = "subject-gus"),
            @Claim(key = "name", value = "Gus Globex"),
            @Claim(key = "email", value = "gus@globex.example"),
            @Claim(key = "organization", value = "[\"globex\"]", type = io.quarkus.test.security.oidc.ClaimType.JSON_ARRAY),
            @Claim(key = "email_verified", value = "true", type = io.quarkus.test.security.oidc.ClaimType.BOOLEAN) })
    void thePageShowsNameRolesAndTheRawClaims() {
        Document page = Jsoup.parse(given().get("/me").then().statusCode(200).extract().asString());
        String facts = page.select("dl.facts").text();
        assertThat(facts).contains("Gus Globex", "gus@globex.example", "Company admin", "Learner", "[\"globex\"]", "true");
        assertThat(page.select("dl.facts .tag").eachText()).as("roles by their names, not their codes")
                .containsExactlyInAnyOrder("Learner", "Company admin");
        Document french = Jsoup.parse(given().cookie("owlet_lang", "fr").get("/me").then().statusCode(200).extract().asString());
        assertThat(french.select("dl.facts .tag").eachText()).containsExactlyInAnyOrder("Apprenant", "Administrateur d'entreprise");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("subject-gus")))
                .hasValueSatisfying(m -> assertThat(m.email).isEqualTo("gus@globex.example"));
    }

    @Test
    void aBearerTokenReachesTheApi() {
        String token = new OidcTestClient().getAccessToken("cora@coalition.example", "cora@coalition.example");
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo("cora@coalition.example"))
                .body("roles", hasItems("learner", "coalition-admin"))
                .body("memberSince", notNullValue());
    }

    @Test
    void theCodeFlowSignsInAndShowsWhoIsSignedIn() {
        BrowserSession session = BrowserSession.signIn("carl@acme.example");
        Document page = Jsoup.parse(session.get("/me").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("My account");
        assertThat(page.select("dl.facts").text()).contains("carl@acme.example", "Company admin");
        assertThat(page.select(".account .who").text()).contains("Carl");
        given().auth().oauth2("not-a-token").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theMemberKeepsTheirFirstSeenDate() {
        String token = new OidcTestClient().getAccessToken("ana@acme.example", "ana@acme.example");
        String first = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("memberSince");
        String again = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().path("memberSince");
        assertThat(again).isEqualTo(first);
        given().auth().oauth2(token).get("/api/v1/me").then().body("roles", contains("learner"));
    }
}
