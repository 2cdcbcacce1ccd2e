package org.owlet.identity;

import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.BrowserSession;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

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
    void aSessionIdleForLongerThanTheTimeoutIsSignedOut() {
        BrowserSession session = BrowserSession.signIn("ana@acme.example");
        session.get("/me").then().statusCode(200);
        time.advance(Duration.ofMinutes(31));
        session.get("/me").then().statusCode(303).header("Location", endsWith("/logout"));
    }

    @Test
    void aFreshSignInDoesNotInheritAnOldSessionsIdleTime() {
        BrowserSession old = BrowserSession.signIn("ana@acme.example");
        old.get("/me").then().statusCode(200);
        time.advance(Duration.ofHours(3));
        BrowserSession fresh = BrowserSession.signIn("ana@acme.example");
        fresh.cookies().put("owlet_seen", old.cookies().get("owlet_seen"));
        fresh.get("/me").then().statusCode(200);
    }
}
