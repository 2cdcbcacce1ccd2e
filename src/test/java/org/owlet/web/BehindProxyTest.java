package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Owlet behind a reverse proxy (OWLET_BEHIND_PROXY=true, the test client's loopback address as the trusted proxy):
 * the verification rate limit counts each forwarded client on its own, and sign-in sends the identity provider an
 * https redirect address on the proxy's host.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.BehindProxy.class)
class BehindProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("OWLET_BEHIND_PROXY", "true", "owlet.certification.rate-limit.capacity", "3",
                    "owlet.certification.rate-limit.per-minute", "1");
        }
    }

    @Test
    void theRateLimitCountsEachForwardedClient() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/verify/OWL-NOPE-NOPE").then().statusCode(404);
        }
        given().header("X-Forwarded-For", "203.0.113.7").get("/verify/OWL-NOPE-NOPE").then().statusCode(429);
        // another client behind the same proxy is not held back by the first one
        given().header("X-Forwarded-For", "198.51.100.20").get("/verify/OWL-NOPE-NOPE").then().statusCode(404);
    }

    @Test
    void signInRedirectsBackToTheHttpsAddressTheProxyReceived() {
        String location = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "training.example.org").get("/login").then().statusCode(302).extract()
                .header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("redirect_uri=https://training.example.org/login");
    }
}
