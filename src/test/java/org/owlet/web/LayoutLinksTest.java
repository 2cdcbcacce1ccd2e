package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The layout's links back to the page shown: every language link (the menu and the bar) and the sign-in link carry the
 * page's own address, encoded once per page.
 */
@QuarkusTest
class LayoutLinksTest {

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void everyLanguageLinkReturnsToThePageShown() {
        Document page = Jsoup.parse(given().get("/learn?x=1").then().statusCode(200).extract().asString());
        var links = page.select("a[hreflang]");
        assertThat(links).as("language links in the menu and the bar").hasSize(2 * 8);
        for (Element link : links) {
            assertThat(link.attr("href")).isEqualTo("/lang/" + link.attr("hreflang") + "?return=%2Flearn%3Fx%3D1");
            assertThat(link.attr("lang")).isEqualTo(link.attr("hreflang"));
        }
        assertThat(links.eachAttr("hreflang").subList(0, 8)).containsExactly("en", "fr", "es", "pt", "zh-CN", "vi", "id", "nl");
        assertThat(links.eachText().subList(0, 8))
                .containsExactlyElementsOf(Languages.ALL.stream().map(Languages.Language::nativeName).toList());
        assertThat(page.select("a[aria-current=true][hreflang]").eachAttr("hreflang")).as("the current language, in both lists")
                .containsExactly("en", "en");
        assertThat(page.select(".language-menu summary span[lang]").text()).isEqualTo("English");
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void theCurrentLanguageIsMarkedInItsOwnName() {
        Document page = Jsoup.parse(given().cookie(LocaleResolver.COOKIE, "vi").get("/learn").then().statusCode(200).extract().asString());
        assertThat(page.select("a[aria-current=true][hreflang]").eachAttr("hreflang")).containsExactly("vi", "vi");
        assertThat(page.select(".language-menu summary span[lang=vi]").text()).isEqualTo("Tiếng Việt");
    }

    @Test
    void theSignInLinkReturnsToThePageShown() {
        Document page = Jsoup.parse(given().get("/verify").then().statusCode(200).extract().asString());
        assertThat(page.select("a[href^=/login]").attr("href")).isEqualTo("/login?return=%2Fverify");
        assertThat(page.select("a[hreflang=fr]").first().attr("href")).isEqualTo("/lang/fr?return=%2Fverify");
    }
}
