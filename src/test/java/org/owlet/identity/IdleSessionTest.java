package org.owlet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.BrowserSession;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The idle timeout is enforced from the server's record of the session (oidc_session.last_seen_at): whatever
 * activity cookie the browser sends or leaves out, an idle session is over, and its last-seen time is written at
 * most once a minute.
 */
@QuarkusTest
@Tag("db")
class IdleSessionTest {

    MovableTime time;

    @BeforeEach
    void installClock() {
        time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
    }

    @Test
    void activityKeepsTheSessionAlive() {
        BrowserSession session = BrowserSession.signIn("ana@acme.example");
        session.get("/me").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            time.advance(Duration.ofMinutes(20));
            session.get("/me").then().statusCode(200);
        }
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutIsSignedOutWhateverTheBrowserSends() {
        // the old activity cookie is gone: leaving it out, sending garbage or a fresh-looking one changes nothing
        Map<String, String> variants = new java.util.LinkedHashMap<>();
        variants.put("no owlet_seen", null);
        variants.put("garbage owlet_seen", "garbage");
        variants.put("fresh-looking owlet_seen", "0123456789abcdef." + Instant.now().getEpochSecond());
        int accepted = 0;
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            BrowserSession session = BrowserSession.signIn("ana@acme.example");
            session.get("/me").then().statusCode(200);
            Map<String, String> old = new HashMap<>(session.cookies());
            time.advance(Duration.ofMinutes(31));
            if (variant.getValue() != null) {
                session.cookies().put("owlet_seen", variant.getValue());
            }
            Response idle = session.get("/me");
            assertThat(idle.statusCode()).as(variant.getKey()).isEqualTo(303);
            assertThat(idle.getHeader("Location")).as(variant.getKey() + ": sent to the identity provider's logout")
                    .contains("id_token_hint=").contains("post_logout_redirect_uri=");
            assertThat(session.cookies()).as(variant.getKey() + ": session cookie expired").doesNotContainKey("q_session");
            assertThat(sessionRow(old.get("q_session"))).as(variant.getKey() + ": server-side session deleted").isNull();
            Response replay = BrowserSession.replay(old, "/me");
            if (replay.statusCode() == 200) {
                accepted++;
            }
            assertThat(SessionTest.isSentToSignIn(replay)).as(variant.getKey() + ": replayed cookie, got " + replay.statusCode())
                    .isTrue();
        }
        System.out.printf("idle sessions past the timeout: %d of %d accepted (%s)%n", accepted, variants.size(), variants.keySet());
        assertThat(accepted).isZero();
    }

    @Test
    void aFreshSignInDoesNotInheritAnOldSessionsIdleTime() {
        BrowserSession old = BrowserSession.signIn("ana@acme.example");
        old.get("/me").then().statusCode(200);
        time.advance(Duration.ofHours(3));
        BrowserSession fresh = BrowserSession.signIn("ana@acme.example");
        fresh.get("/me").then().statusCode(200);
        assertThat(old.get("/me").statusCode()).isEqualTo(303);
        fresh.get("/me").then().statusCode(200);
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        BrowserSession session = BrowserSession.signIn("ana@acme.example");
        String id = session.cookies().get("q_session");
        time.advance(Duration.ofSeconds(61));
        // 30 page requests, one every 2 seconds: 58 seconds in all, within one minute of the first
        int requests = 30;
        Set<Instant> written = new LinkedHashSet<>();
        List<Instant> seen = new ArrayList<>();
        Instant signedIn = sessionRow(id).lastSeenAt;
        for (int i = 0; i < requests; i++) {
            session.get("/me").then().statusCode(200);
            Instant lastSeen = sessionRow(id).lastSeenAt;
            seen.add(lastSeen);
            if (!lastSeen.equals(signedIn)) {
                written.add(lastSeen);
            }
            time.advance(Duration.ofSeconds(2));
        }
        System.out.printf("last_seen writes: %d for %d GETs within a minute%n", written.size(), requests);
        assertThat(written).as("last_seen values written: " + seen).hasSize(1);
        // and it keeps being written as the minutes pass
        time.advance(Duration.ofSeconds(5));
        session.get("/me").then().statusCode(200);
        assertThat(sessionRow(id).lastSeenAt).isAfter(written.iterator().next());
    }

    static SignInSession sessionRow(String cookieValue) {
        return QuarkusTransaction.requiringNew().call(() -> SignInSession.<SignInSession> findById(SessionStore.hash(cookieValue)));
    }
}
