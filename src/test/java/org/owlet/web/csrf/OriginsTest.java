package org.owlet.web.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.owlet.web.csrf.Origins.Verdict;

class OriginsTest {

    private static final Set<String> OWN = Set.of("https://owlet.example", "http://localhost:8081");

    @Test
    void originsAreNormalisedToSchemeHostAndANonDefaultPort() {
        assertThat(Origins.of("HTTPS://Owlet.Example:443/some/path?q=1")).contains("https://owlet.example");
        assertThat(Origins.of("http://localhost:8081")).contains("http://localhost:8081");
        assertThat(Origins.of("http://owlet.example:80")).contains("http://owlet.example");
        assertThat(Origins.of("null")).isEmpty();
        assertThat(Origins.of("file:///etc/passwd")).isEmpty();
        assertThat(Origins.of("https://user@owlet.example")).as("user info is no origin").isEmpty();
        assertThat(Origins.of("https://owlet.example:bad")).isEmpty();
        assertThat(Origins.of(null)).isEmpty();
    }

    @Test
    void aRequestFromOwletsOwnPagesIsOwn() {
        assertThat(Origins.judge("https://owlet.example", "same-origin", OWN)).isEqualTo(Verdict.OWN);
        assertThat(Origins.judge("https://OWLET.example:443", null, OWN)).isEqualTo(Verdict.OWN);
        assertThat(Origins.judge("http://localhost:8081", null, OWN)).isEqualTo(Verdict.OWN);
        assertThat(Origins.judge(null, "same-origin", OWN)).isEqualTo(Verdict.OWN);
        assertThat(Origins.judge(null, "none", OWN)).as("typed or bookmarked").isEqualTo(Verdict.OWN);
    }

    @Test
    void anotherSiteASiblingSubdomainOrAnOpaqueOriginIsForeign() {
        assertThat(Origins.judge("https://evil.example", "cross-site", OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("https://evil.example", null, OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge(null, "cross-site", OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge(null, "CROSS-SITE", OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("https://shop.owlet.example", "same-site", OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("null", null, OWN)).isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("http://owlet.example", null, OWN)).as("another scheme").isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("https://owlet.example:8443", null, OWN)).as("another port").isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge("https://evil.example", "same-origin", OWN)).as("the origin wins over a claim").isEqualTo(Verdict.FOREIGN);
        assertThat(Origins.judge(null, "something-else", OWN)).isEqualTo(Verdict.FOREIGN);
    }

    @Test
    void neitherHeaderIsUnstated() {
        assertThat(Origins.judge(null, null, OWN)).isEqualTo(Verdict.UNSTATED);
    }
}
