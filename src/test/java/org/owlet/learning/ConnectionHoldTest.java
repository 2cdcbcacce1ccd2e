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

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.client.OidcTestClient;

/**
 * A page never holds one database connection while it waits for a second. The scale-1 benchmark found the drill card
 * page reading outside a transaction (the request then keeps that connection to its end) and then opening one: 64 card
 * pages at once took all 8 connections and each waited for another, until the pool's timeout answered 503. Here the pool
 * has two connections and eight card pages come at once, five times: every one is answered.
 */
@QuarkusTest
@TestProfile(ConnectionHoldTest.TwoConnections.class)
class ConnectionHoldTest {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @Test
    void eightCardPagesAtOnceOnTwoConnectionsAreAllAnswered() throws Exception {
        String token = new OidcTestClient().getAccessToken(AnswerStatementsTest.USER, AnswerStatementsTest.USER);
        String card = "/learn/sample/drills/cards?practice=true";
        given().auth().oauth2(token).get(card).then().statusCode(200); // member known, enrolled, card rendered
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 1; round <= 5; round++) {
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callable<Integer> get = () -> given().auth().oauth2(token).get(card).statusCode();
                    replies.add(pool.submit(get));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> reply : replies) {
                    statuses.add(reply.get());
                }
                System.out.printf("round %d: %s%n", round, statuses);
                assertThat(statuses).as("round %d", round).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
