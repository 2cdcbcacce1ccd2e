package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The "Integrity" page shows, for coalition admins, how each blind strategy fares in every final and refresher. */
@QuarkusTest
class IntegrityResourceTest {

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void coalitionAdminsSeeEveryStrategyOnEveryAssessment() {
        Document page = Jsoup.parse(given().get("/review/integrity").then().statusCode(200).extract().asString());
        assertThat(page.title()).startsWith("Assessment integrity");
        // the sample course: one final and one refresher, eleven strategies each
        assertThat(page.select("table.data tbody tr")).hasSize(2 * BlindGuessers.strategies().size());
        Element memoriser = page.select("table.data tbody tr").stream()
                .filter(r -> r.text().contains("Memorised every drill and quiz answer") && r.text().contains("Final assessment"))
                .findFirst().orElseThrow();
        // the sample final's pool holds its quiz and drill items, so the memoriser passes it: flagged above 1 %
        assertThat(memoriser.hasClass("warn")).isTrue();
        assertThat(memoriser.text()).contains("above 1 %");
        Document review = Jsoup.parse(given().get("/review").then().statusCode(200).extract().asString());
        assertThat(review.select("a[href=/review/integrity]")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void learnersMayNotSeeIt() {
        given().get("/review/integrity").then().statusCode(403);
    }
}
