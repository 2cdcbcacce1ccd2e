package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Region;
import org.owlet.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

/**
 * A team's CSV waits for one of the replica's download places (the test profile waits 3 s): refused with a 503, a
 * Retry-After and a message while every place stays taken, served once one frees within the wait, and its place given
 * back when it is written.
 */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "dora@downloads.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "dora-subject"), @Claim(key = "name", value = "Dora Downloads"),
        @Claim(key = "email", value = "dora@downloads.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"downloads\"]", type = ClaimType.JSON_ARRAY) })
class DownloadsTest {

    @Inject
    Downloads downloads;

    @BeforeEach
    void company() {
        Fixtures.company("downloads", "Downloads Ltd", "downloads", "downloads.example", Region.EUROPE);
        given().get("/team/members").then().statusCode(200); // the admin signs in and joins the company
    }

    @Test
    void aDownloadIsRefusedWhileEveryPlaceStaysTakenAndServedOnceOneFrees() throws Exception {
        Semaphore places = downloads.places();
        int all = places.availablePermits();
        assertThat(all).isEqualTo(2);
        places.acquire(all);
        try {
            Response refused = given().accept("text/html,*/*;q=0.8").get("/team/progress.csv");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("10");
            assertThat(refused.asString()).contains("Other downloads are being prepared").doesNotContain("Exception");
            given().get("/api/v1/me").then().statusCode(200); // the rest of the server is not held up

            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> given().get("/team/progress.csv").statusCode());
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            places.release();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(places.tryAcquire(5, TimeUnit.SECONDS)).as("the waiting download gave its place back").isTrue();
        } finally {
            places.release(all);
        }
        given().get("/team/progress.csv").then().statusCode(200).body(containsString("name,email,language"));
        assertThat(places.availablePermits()).isEqualTo(all);
    }
}
