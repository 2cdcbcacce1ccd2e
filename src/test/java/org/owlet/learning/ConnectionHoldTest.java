package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.owlet.organization.Region;
import org.owlet.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A request never holds one database connection while it waits for something else. The scale-1 benchmark found the
 * drill card page reading outside a transaction (the request then kept that connection to its end) and then opening
 * one: 64 card pages at once took all 8 connections and each waited for another, until the pool's timeout answered
 * 503; and 16 team CSVs at once, the waiting ones each holding the connection of their first read, left none for the
 * two being written. Reads outside a transaction now give their connection back at once (application.properties,
 * {@code hibernate.connection.handling_mode}). Here the pool has two connections: eight card pages come at once, ten
 * times; six team CSVs with one download place, three times; every one is answered.
 */
@QuarkusTest
@TestProfile(ConnectionHoldTest.TwoConnections.class)
class ConnectionHoldTest {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S", "owlet.downloads.concurrent", "1", "owlet.downloads.wait", "30S");
        }
    }

    /**
     * The same for a download waiting for its place (one here): while one team CSV streams on one connection, five more
     * wait without holding the other, and every one is answered once its turn comes.
     */
    @Test
    @TestSecurity(user = "hal@hold.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "hal-subject"), @Claim(key = "name", value = "Hal Hold"),
            @Claim(key = "email", value = "hal@hold.example"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"hold\"]", type = ClaimType.JSON_ARRAY) })
    void sixTeamCsvsAtOnceOnTwoConnectionsAreAllAnswered() throws Exception {
        Fixtures.company("hold", "Hold Ltd", "hold", "hold.example", Region.EUROPE);
        given().get("/team/members").then().statusCode(200); // the admin signs in and joins the company
        allAnswered("CSV", 3, 6, () -> given().get("/team/progress.csv").statusCode());
    }

    @Test
    void eightCardPagesAtOnceOnTwoConnectionsAreAllAnswered() throws Exception {
        String token = new OidcTestClient().getAccessToken(AnswerStatementsTest.USER, AnswerStatementsTest.USER);
        String card = "/learn/sample/drills/cards?practice=true";
        given().auth().oauth2(token).get(card).then().statusCode(200); // member known, enrolled, card rendered
        allAnswered("card", 10, 8, () -> given().auth().oauth2(token).get(card).statusCode());
    }

    /** {@code rounds} times, {@code atOnce} requests at once; every reply must be 200 (each round's statuses printed). */
    private static void allAnswered(String what, int rounds, int atOnce, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(atOnce);
        try {
            for (int round = 1; round <= rounds; round++) {
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    replies.add(pool.submit(request));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> reply : replies) {
                    statuses.add(reply.get());
                }
                System.out.printf("%s round %d: %s%n", what, round, statuses);
                assertThat(statuses).as("%s round %d", what, round).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
