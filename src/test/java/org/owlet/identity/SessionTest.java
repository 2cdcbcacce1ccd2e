package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.BrowserSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;

/**
 * Sessions live on the server: signing out (a POST) deletes the session, so a copy of the old cookie is
 * worthless; a GET to /logout signs nobody out; bearer-token calls leave no session behind; the back-channel
 * logout endpoint refuses tokens the identity provider did not sign.
 */
@QuarkusTest
@Tag("db")
class SessionTest {

    static final List<String> USERS = List.of("ana@acme.example", "carl@acme.example", "gina@globex.example",
            "gus@globex.example", "cora@coalition.example", "ivan@individual.example");

    @Test
    void aCookieReplayedAfterSigningOutIsNotSignedIn() {
        int accepted = 0;
        for (String user : USERS) {
            BrowserSession session = BrowserSession.signIn(user);
            session.get("/me").then().statusCode(200);
            Map<String, String> copied = new HashMap<>(session.cookies());
            assertThat(copied.get("q_session")).as("the cookie holds only an opaque id, not the tokens").hasSizeLessThan(64)
                    .doesNotContain(".");
            assertThat(IdleSessionTest.sessionRow(copied.get("q_session"))).isNotNull();

            Response signOut = session.post("/logout");
            assertThat(signOut.statusCode()).isEqualTo(303);
            assertThat(signOut.getHeader("Location")).as("on to the identity provider's logout").contains("id_token_hint=");
            assertThat(session.cookies()).as("the session cookie is expired").doesNotContainKey("q_session");
            assertThat(IdleSessionTest.sessionRow(copied.get("q_session"))).as("the server-side session is gone").isNull();

            for (String page : List.of("/me", "/home", "/me/data.json")) {
                Response replay = BrowserSession.replay(copied, page);
                if (replay.statusCode() == 200) {
                    accepted++;
                }
                assertThat(isSentToSignIn(replay)).as(user + " " + page + " replayed: " + replay.statusCode() + " "
                        + replay.getHeader("Location")).isTrue();
            }
        }
        System.out.printf("sessions replayed after logout: %d of %d accepted%n", accepted, USERS.size() * 3);
        assertThat(accepted).isZero();
    }

    @Test
    void erasingTheAccountEndsItsSessionsInEveryBrowserAndTheDownloadListsThem() {
        BrowserSession here = BrowserSession.signIn("erin@individual.example");
        BrowserSession elsewhere = BrowserSession.signIn("erin@individual.example");
        Map<String, String> elsewhereCookies = new HashMap<>(elsewhere.cookies());
        java.util.List<Object> listed = io.restassured.path.json.JsonPath.from(here.get("/me/data.json").then().statusCode(200)
                .extract().asString()).getList("sessions");
        assertThat(listed).as("the data download lists the signed-in sessions, without tokens").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(row -> assertThat(row.toString()).doesNotContain("eyJ"));

        Response erased = here.submit("/me/erase", "/me/erase", Map.of("confirm", "ERASE"));
        assertThat(erased.statusCode()).as("on to the sign-out").isEqualTo(307);
        assertThat(IdleSessionTest.sessionRow(elsewhereCookies.get("q_session"))).as("the other browser's session").isNull();
        assertThat(isSentToSignIn(BrowserSession.replay(elsewhereCookies, "/me"))).isTrue();
    }

    @Test
    void aGetToLogoutSignsNobodyOut() {
        BrowserSession session = BrowserSession.signIn("ana@acme.example");
        session.get("/logout").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
        session.get("/me").then().statusCode(200);
        assertThat(IdleSessionTest.sessionRow(session.cookies().get("q_session"))).isNotNull();
    }

    @Test
    void signingOutWithoutASessionJustGoesHome() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post("/logout")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").cookie("q_session", "no-such-session")
                .post("/logout").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
    }

    @Test
    void theLayoutSignsOutWithAPostButton() {
        BrowserSession session = BrowserSession.signIn("ana@acme.example");
        String page = session.get("/me").then().statusCode(200).extract().asString();
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
        assertThat(html.select("form[method=post][action=/logout] button[type=submit]")).hasSize(1);
        assertThat(html.select("a[href=/logout]")).isEmpty();
    }

    @Test
    void bearerTokenCallsCreateNoSessions() {
        String token = new OidcTestClient().getAccessToken("ana@acme.example", "ana@acme.example");
        long before = sessionCount();
        int calls = 20;
        for (int i = 0; i < calls; i++) {
            Response response = given().auth().oauth2(token).get(i % 2 == 0 ? "/api/v1/me" : "/me");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getCookies()).doesNotContainKey("q_session");
        }
        long after = sessionCount();
        System.out.printf("session rows created by %d bearer-token calls: %d%n", calls, after - before);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theBackChannelLogoutRefusesWhatTheProviderDidNotSign() {
        BrowserSession session = BrowserSession.signIn("gina@globex.example");
        // a token made up by anyone: right shape, no valid signature
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6ImxvZ291dCtqd3QifQ."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"iss\":\"x\",\"aud\":\"owlet\",\"sub\":\"gina@globex.example\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
        for (String body : List.of("logout_token=" + forged, "logout_token=garbage", "nothing=here")) {
            given().contentType("application/x-www-form-urlencoded").body(body).post("/oidc/back-channel-logout")
                    .then().statusCode(400);
        }
        session.get("/me").then().statusCode(200);
    }

    static boolean isSentToSignIn(Response response) {
        String location = String.valueOf(response.getHeader("Location"));
        return response.statusCode() == 303 && location.contains("/login?return=")
                || response.statusCode() == 302 && location.contains("response_type=code")
                || response.statusCode() == 401;
    }

    static long sessionCount() {
        return QuarkusTransaction.requiringNew().call(() -> SignInSession.count());
    }
}
