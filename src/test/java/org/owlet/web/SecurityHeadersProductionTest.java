package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** What production adds (owlet.http.hsts and owlet.http.secure-cookies are on in %prod), without starting the app. */
class SecurityHeadersProductionTest {

    private static SecurityHeaders headers(boolean production) {
        return new SecurityHeaders(new HttpHeadersConfig() {
            @Override
            public boolean hsts() {
                return production;
            }

            @Override
            public boolean secureCookies() {
                return production;
            }
        });
    }

    private static MultiMap answer() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap();
        answer.add("Set-Cookie", "owlet_lang=fr; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax");
        answer.add("Set-Cookie", "q_session=abc; Path=/; Secure; HttpOnly");
        return answer;
    }

    @Test
    void productionAddsHstsAndMakesEveryCookieSecure() {
        MultiMap answer = answer();
        headers(true).apply("/home", answer);

        assertThat(answer.getAll("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(answer.getAll("Set-Cookie")).containsExactly(
                "owlet_lang=fr; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure", "q_session=abc; Path=/; Secure; HttpOnly");
        assertThat(answer.getAll("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void developmentKeepsCookiesAsTheyAreForPlainHttpOnLocalhost() {
        MultiMap answer = answer();
        headers(false).apply("/home", answer);

        assertThat(answer.contains("Strict-Transport-Security")).isFalse();
        assertThat(answer.getAll("Set-Cookie")).containsExactly("owlet_lang=fr; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax",
                "q_session=abc; Path=/; Secure; HttpOnly");
    }

    @Test
    void quarkusOwnPagesKeepTheirScriptsAndFrames() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap();
        headers(true).apply("/q/dev-ui/welcome", answer);

        assertThat(answer.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.contains("Content-Security-Policy")).isFalse();
        assertThat(answer.contains("X-Frame-Options")).isFalse();
    }

    @Test
    void theIdentityProviderIsAFormTargetByItsOriginOnly() {
        assertThat(SecurityHeaders.origin(java.util.Optional.of("https://id.example.org/realms/owlet")))
                .contains("https://id.example.org");
        assertThat(SecurityHeaders.origin(java.util.Optional.of("http://127.0.0.1:18080/realms/owlet")))
                .contains("http://127.0.0.1:18080");
        assertThat(SecurityHeaders.origin(java.util.Optional.empty())).isEmpty();
    }
}
