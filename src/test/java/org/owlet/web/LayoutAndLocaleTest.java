package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LayoutAndLocaleTest {

    private Document page(String acceptLanguage, String cookie) {
        var request = given();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.cookie(LocaleResolver.COOKIE, cookie);
        }
        return Jsoup.parse(request.get("/").then().statusCode(200).extract().asString());
    }

    @Test
    void englishIsTheDefault() {
        Document page = page(null, null);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Training to keep wildlife trafficking off online platforms");
    }

    @Test
    void acceptLanguagePicksASupportedLanguage() {
        assertThat(page("zh-CN,zh;q=0.9,en;q=0.5", null).selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page("zh-TW", null).selectFirst("h1").text()).isEqualTo("让野生动物非法贸易远离在线平台的培训");
        assertThat(page("de-DE, vi;q=0.8", null).selectFirst("html").attr("lang")).isEqualTo("vi");
        assertThat(page("pt-BR", null).selectFirst("a.skip-link").text()).isEqualTo("Ir para o conteúdo principal");
        assertThat(page("xx-YY, *;q=0.1", null).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void theCookieChoiceWinsOverAcceptLanguage() {
        Document page = page("fr", "nl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("nl");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Training om handel in wilde dieren van onlineplatforms te weren");
    }

    @Test
    void narrowScreensGetACompactLanguageMenuThatNeedsNoScript() {
        Document page = page("vi", null);
        Element menu = page.selectFirst("header details.language-menu");
        assertThat(menu).as("a disclosure in the header").isNotNull();
        assertThat(menu.selectFirst("summary").text()).endsWith("Tiếng Việt");
        assertThat(menu.select("summary .visually-hidden").text()).isNotBlank();
        assertThat(menu.select("nav a[href^=/lang/]")).hasSize(Languages.ALL.size());
        assertThat(menu.selectFirst("a[aria-current]").attr("lang")).isEqualTo("vi");
        String css = given().get("/css/owlet.css").then().statusCode(200).extract().asString();
        assertThat(css.replaceAll("\\s+", " ")).as("the menu replaces the row of links on narrow screens")
                .contains("@media (max-width: 40rem) { .languages { display: none; } .language-menu { display: block; } }");
    }

    @Test
    void theLayoutHasLandmarksSkipLinkAndLanguageSwitch() {
        Document page = page("id", null);
        assertThat(page.select("header, main#main, footer, nav.languages")).hasSize(4);
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("nav.languages a")).hasSize(Languages.ALL.size());
        assertThat(page.selectFirst("nav.languages a[aria-current]").attr("lang")).isEqualTo("id");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).startsWith("/css/");
        assertThat(page.select("script[src^=http], link[href^=http]")).as("nothing from a CDN").isEmpty();
    }

    @Test
    void switchingLanguageSetsTheCookieAndReturnsToThePage() {
        given().redirects().follow(false)
                .queryParam("return", "/me?tab=1").get("/lang/vi")
                .then().statusCode(303)
                .header("Location", endsWith("/me?tab=1"))
                .header("Set-Cookie", containsString("owlet_lang=vi"));
    }

    @Test
    void switchingLanguageNeverRedirectsToAnotherSite() {
        for (String target : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
            given().redirects().follow(false).queryParam("return", target)
                    .get("/lang/fr")
                    .then().statusCode(303)
                    .header("Location", endsWith("://localhost:" + io.restassured.RestAssured.port + "/"));
        }
    }

    @Test
    void anUnknownLanguageIsNotFound() {
        given().get("/lang/klingon").then().statusCode(404);
    }

    @Test
    void stylesheetIsServedLocally() {
        given().get("/css/owlet.css").then().statusCode(200).body(containsString(":focus-visible"));
    }
}
