package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The "Integrity" page shows, for coalition admins, how each blind strategy fares in every final and refresher. */
@QuarkusTest
class IntegrityResourceTest {

    @Inject
    CatalogService catalog;

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void coalitionAdminsSeeEveryStrategyOnEveryAssessment() {
        Document page = Jsoup.parse(given().get("/review/integrity").then().statusCode(200).extract().asString());
        assertThat(page.title()).startsWith("Assessment integrity");
        // the sample course: one final and one refresher, eleven strategies each
        assertThat(page.select("table.data tbody tr")).hasSize(2 * BlindGuessers.strategies().size());
        // the sample final asks 2 questions at an 80 % mark: blind strategies pass it often, and the page says so
        long flagged = page.select("table.data tbody tr.warn").size();
        long expected = BlindGuessers.simulate(catalog.course("sample").orElseThrow(), IntegrityResource.ATTEMPTS, IntegrityResource.SEED)
                .stream().filter(r -> r.passRate() > 0.01).count();
        assertThat(flagged).isPositive().isEqualTo(expected);
        assertThat(page.select("table.data tbody tr.warn").first().text()).contains("above 1 %");
        Document review = Jsoup.parse(given().get("/review").then().statusCode(200).extract().asString());
        assertThat(review.select("a[href=/review/integrity]")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void learnersMayNotSeeIt() {
        given().get("/review/integrity").then().statusCode(403);
    }
}
