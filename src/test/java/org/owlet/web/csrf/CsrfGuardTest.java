package org.owlet.web.csrf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.owlet.testing.BrowserSession;
import org.owlet.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** How CSRF tokens are issued and checked around the probes of {@code CsrfProbeTest}. */
@QuarkusTest
class CsrfGuardTest {

    private static final String COOKIE = "owlet_csrf";

    @jakarta.inject.Inject
    org.owlet.catalog.CatalogService catalog;

    /** A course picture's file name (a missing one would get the error page, which has the Sign out form). */
    private String existingAsset() {
        String url = catalog.course("sample").orElseThrow().item("carving-material").orElseThrow().images().get(0).url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aPageWithAFormSetsTheCsrfCookieOtherAnswersNever() {
        BrowserSession ivan = BrowserSession.signIn("ivan@individual.example");
        ivan.cookies().remove(COOKIE);
        Response form = ivan.get("/me/erase");
        Cookie cookie = form.then().statusCode(200).extract().detailedCookie(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(Base64.getUrlDecoder().decode(cookie.getValue())).hasSize(16);
        assertThat(Jsoup.parse(form.asString()).selectFirst("input[name=csrf-token]").attr("value")).isEqualTo(cookie.getValue());
        ivan.cookies().remove(COOKIE);
        for (String path : new String[] { "/lang/fr?return=/me", "/css/owlet.css", "/js/owlet.js", "/api/v1/me", "/me/data.json",
                "/assets/" + existingAsset() }) {
            assertThat(ivan.request().get(path).getCookie(COOKIE)).as(path + " sets no CSRF cookie").isNull();
        }
        // every page a signed-in member sees has a form: the layout's Sign out button (a POST)
        assertThat(ivan.request().get("/").getCookie(COOKIE)).as("/ signed in, with its Sign out form").isNotNull();
        assertThat(given().get("/").getCookie(COOKIE)).as("/ for a visitor: no form, no CSRF cookie").isNull();
    }

    @Test
    @TestSecurity(user = "csrf-cookie@individual.example", roles = "learner")
    void aMalformedCsrfCookieIsReplacedNotRefused() {
        for (String malformed : new String[] { "not*base64", "c2hvcnQ" }) {
            Response page = given().cookie(COOKIE, malformed).get("/me/erase");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Base64.getUrlDecoder().decode(page.getCookie(COOKIE))).as("replacing " + malformed).hasSize(16);
        }
    }

    @Test
    void theTokenStaysTheSameFromPageToPageSoASecondTabKeepsWorking() {
        BrowserSession ivan = BrowserSession.signIn("ivan@individual.example");
        String first = ivan.csrfToken("/me/erase");
        ivan.get("/home");
        ivan.get("/learn");
        assertThat(ivan.csrfToken("/me/erase")).isEqualTo(first);
        assertThat(ivan.cookies().get(COOKIE)).isEqualTo(first);
        // the form of the first tab is still good after the other pages
        Response sent = ivan.request().header("Origin", BrowserSession.origin()).formParam("csrf-token", first)
                .formParam("confirm", "not the word").post("/me/erase");
        assertThat(sent.statusCode()).as("the erasure's own check answers, not the CSRF guard").isEqualTo(400);
    }

    @Test
    void aRefusalIsInTheUsersLanguageAndKeepsTheBrowsersToken() {
        BrowserSession ivan = BrowserSession.signIn("ivan@individual.example");
        String token = ivan.csrfToken("/me/erase");
        Response page = ivan.request().cookie("owlet_lang", "fr").header("Origin", "https://evil.example")
                .formParam("confirm", "ERASE").post("/me/erase");
        assertThat(page.statusCode()).isEqualTo(403);
        Document refused = Jsoup.parse(page.asString());
        assertThat(refused.selectFirst("h1").text()).isEqualTo("Refusé : envoyé depuis un autre site");
        assertThat(refused.selectFirst("main p").text()).startsWith("Owlet n'a rien modifié");
        assertThat(page.getCookie(COOKIE)).as("a refused request does not replace the token").isIn(null, token);

        Response problem = ivan.request().cookie("owlet_lang", "zh-CN").header("Origin", BrowserSession.origin())
                .contentType("application/json").body("{}").post("/api/v1/test-failures/json");
        assertThat(problem.statusCode()).isEqualTo(403);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.jsonPath().getString("reason")).isEqualTo("form_expired");
        assertThat(problem.jsonPath().getString("title")).isEqualTo("此表单已过期");
        assertThat(ivan.csrfToken("/me/erase")).isEqualTo(token);
    }

    @Test
    void multipartFormsCarryTheirTokenToo() {
        Fixtures.acme();
        BrowserSession carl = BrowserSession.signIn("carl@acme.example");
        String token = carl.csrfToken("/team/invitations");
        Element upload = Jsoup.parse(carl.get("/team/invitations").asString()).selectFirst("form#upload-form");
        assertThat(upload.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(upload.selectFirst("input[name=csrf-token]").attr("value")).isEqualTo(token);
        byte[] csv = "email\nnot-an-address\n".getBytes(StandardCharsets.UTF_8);

        Response withToken = carl.request().header("Origin", BrowserSession.origin()).multiPart("csrf-token", token)
                .multiPart("file", "staff.csv", csv, "text/csv").post("/team/invitations/upload");
        assertThat(withToken.statusCode()).as("the import's own check answers: %s", withToken.asString()).isEqualTo(400);
        assertThat(Jsoup.parse(withToken.asString()).select("#upload-form input[name=csrf-token]").attr("value"))
                .as("the page shown again carries the token").isEqualTo(token);

        Response without = carl.request().header("Origin", BrowserSession.origin()).multiPart("file", "staff.csv", csv, "text/csv")
                .post("/team/invitations/upload");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(without.asString()).selectFirst("h1").text()).isEqualTo("This form has expired");
    }

    @Test
    void aProgramWithABearerTokenGetsPagesWithATokenInTheirForms() {
        String bearer = new OidcTestClient().getAccessToken("ivan@individual.example", "ivan@individual.example");
        Response page = given().auth().oauth2(bearer).get("/me/erase");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = Jsoup.parse(page.asString()).selectFirst("form[action=/me/erase] input[name=csrf-token]").attr("value");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
        assertThat(page.getCookie(COOKIE)).isEqualTo(token);
    }

    /**
     * A request without a session cookie (bearer token, anonymous, or {@code @TestSecurity} as here) is not checked; a
     * form it shows again still carries a token, which then becomes the browser's CSRF cookie.
     */
    @Test
    @TestSecurity(user = "csrf-exempt@individual.example", roles = "learner")
    void aFormShownAgainAfterAnUncheckedRequestCarriesAToken() {
        Response shownAgain = given().formParam("confirm", "not the word").post("/me/erase");
        assertThat(shownAgain.statusCode()).isEqualTo(400);
        String token = Jsoup.parse(shownAgain.asString()).selectFirst("form[action=/me/erase] input[name=csrf-token]").attr("value");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
        assertThat(shownAgain.getCookie(COOKIE)).isEqualTo(token);
        // with the browser's cookie, the form shows that same token again
        Response again = given().cookie(COOKIE, token).formParam("confirm", "not the word").post("/me/erase");
        assertThat(Jsoup.parse(again.asString()).selectFirst("input[name=csrf-token]").attr("value")).isEqualTo(token);
    }
}
