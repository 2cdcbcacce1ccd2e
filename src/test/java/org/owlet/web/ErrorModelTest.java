package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The one error model, driven end to end: each kind of failure through a page route (an HTML page in the user's
 * language, chosen by cookie or Accept-Language) and through an /api route (an RFC 9457 problem document).
 */
@QuarkusTest
class ErrorModelTest {

    private static final String PAGES = "/test-failures";
    private static final String API = "/api/v1/test-failures";
    private static final String PROBLEM = "application/problem+json";

    // ---- the domain family ------------------------------------------------------------------------

    @Test
    void notFoundIs404() {
        assertPage(page("en").get(PAGES + "/domain/not-found"), 404, "Page not found");
        assertPage(page("fr").get(PAGES + "/domain/not-found"), 404, "Page introuvable");
        JsonPath problem = problem(api("en").get(API + "/domain/not-found"), 404, "not-found", "Page not found");
        assertThat(problem.getString("detail")).startsWith("There is no page at this address.");
        problem(api("fr").get(API + "/domain/not-found"), 404, "not-found", "Page introuvable");
    }

    @Test
    void aReasonThatSaysYouMayNotIs403AndExplainsItself() {
        Document en = assertPage(page("en").get(PAGES + "/domain/may-not"), 403, "Not allowed");
        assertThat(en.select("main p").text()).contains("Your account is not attached to a company yet");
        Document fr = assertPage(page("fr").get(PAGES + "/domain/may-not"), 403, "Accès refusé");
        assertThat(fr.select("main p").text()).contains("Votre compte n'est encore rattaché à aucune entreprise");

        JsonPath problem = problem(api("en").get(API + "/domain/may-not"), 403, "not-allowed", "Not allowed");
        assertThat(problem.getString("reason")).isEqualTo("no_company");
        assertThat(problem.getString("detail")).startsWith("Your account is not attached to a company yet");
        assertThat(problem(api("fr").get(API + "/domain/may-not"), 403, "not-allowed", "Accès refusé").getString("detail"))
                .startsWith("Votre compte n'est encore rattaché");
    }

    @Test
    void aReasonThatSaysNotNowIs409AndExplainsItself() {
        Document en = assertPage(page("en").get(PAGES + "/domain/not-now"), 409, "This cannot be done right now");
        assertThat(en.select("main p").text()).contains("This certificate cannot be renewed now");
        assertPage(page("fr").get(PAGES + "/domain/not-now"), 409, "Impossible pour le moment");

        JsonPath problem = problem(api("en").get(API + "/domain/not-now"), 409, "not-allowed", "This cannot be done right now");
        assertThat(problem.getString("reason")).isEqualTo("not_renewable");
        assertThat(problem.getString("detail")).startsWith("This certificate cannot be renewed now");
        problem(api("fr").get(API + "/domain/not-now"), 409, "not-allowed", "Impossible pour le moment");
    }

    @Test
    void aSignInNamingSeveralOrganizationsIsRefusedWithItsOwnTitleAndTheNames() {
        Document en = assertPage(page("en").get(PAGES + "/domain/several"), 409, "Your account belongs to several organizations");
        assertThat(en.select("main p").text()).contains("Your sign-in names these organizations: acme, globex.");
        Document fr = assertPage(page("fr").get(PAGES + "/domain/several"), 409, "Votre compte appartient à plusieurs organisations");
        assertThat(fr.select("main p").text()).contains("acme, globex");

        JsonPath problem = problem(api("en").get(API + "/domain/several"), 409, "not-allowed",
                "Your account belongs to several organizations");
        assertThat(problem.getString("reason")).isEqualTo("several_organizations");
        assertThat(problem.getList("organizations")).containsExactly("acme", "globex");
    }

    @Test
    void aConflictIs409WithAGenericExplanation() {
        Document en = assertPage(page("en").get(PAGES + "/domain/conflict"), 409, "This cannot be done right now");
        assertThat(en.select("main p").text()).contains("Reload the page and try again").doesNotContain("changed under the test");
        assertPage(page("fr").get(PAGES + "/domain/conflict"), 409, "Impossible pour le moment");

        JsonPath problem = problem(api("en").get(API + "/domain/conflict"), 409, "conflict", "This cannot be done right now");
        assertThat(problem.getString("detail")).contains("Reload the page").doesNotContain("changed under the test");
        assertThat(problem.getMap("$")).doesNotContainKey("reason");
    }

    @Test
    void invalidInputListsEachFieldInTheUsersLanguage() {
        Document en = assertPage(page("en").get(PAGES + "/domain/invalid"), 400, "Some details need correcting");
        assertThat(en.select("main li").eachText())
                .containsExactly("Enter the company's name.", "Enter a two-letter ISO country code, such as NL.");
        Document fr = assertPage(page("fr").get(PAGES + "/domain/invalid"), 400, "Certaines informations sont à corriger");
        assertThat(fr.select("main li").eachText())
                .containsExactly("Saisissez le nom de l'entreprise.", "Saisissez un code pays ISO à deux lettres, comme NL.");

        JsonPath problem = problem(api("en").get(API + "/domain/invalid"), 400, "invalid-input", "Some details need correcting");
        assertThat(problem.getString("detail")).startsWith("Nothing was changed.");
        List<Map<String, Object>> errors = problem.getList("errors");
        assertThat(errors).containsExactly(
                Map.of("field", "name", "message", "Enter the company's name.", "value", ""),
                Map.of("field", "country", "message", "Enter a two-letter ISO country code, such as NL.", "value", "XX"));
        assertThat(problem(api("fr").get(API + "/domain/invalid"), 400, "invalid-input", "Certaines informations sont à corriger")
                .getList("errors.message")).containsExactly("Saisissez le nom de l'entreprise.",
                        "Saisissez un code pays ISO à deux lettres, comme NL.");
    }

    @Test
    void anUnexpectedErrorIs500WithAReferenceAndNoInternals() {
        for (String path : List.of(PAGES + "/boom", PAGES + "/domain/anything-else")) {
            Response response = page("en").get(path);
            Document html = assertPage(response, 500, "Something went wrong");
            assertThat(html.selectFirst("main p").text()).matches(".*: [0-9a-f]{8}$");
            assertThat(response.asString()).doesNotContain("secret internal detail", "IllegalStateException", "at org.owlet");
        }
        assertPage(page("fr").get(PAGES + "/boom"), 500, "Une erreur s'est produite");

        Response response = api("en").get(API + "/boom");
        JsonPath problem = problem(response, 500, "internal-error", "Something went wrong");
        assertThat(problem.getString("reference")).matches("[0-9a-f]{8}");
        assertThat(problem.getString("detail")).endsWith(problem.getString("reference"));
        assertThat(response.asString()).doesNotContain("secret internal detail", "IllegalStateException", "at org.owlet");
        problem(api("fr").get(API + "/boom"), 500, "internal-error", "Une erreur s'est produite");
    }

    // ---- what the framework refuses ---------------------------------------------------------------

    @Test
    void aMalformedJsonBodyIs400() {
        for (String body : List.of("{\"name\": ", "[1, 2]", "{\"count\": \"many\"}")) {
            assertPage(page("en").contentType("application/json").body(body).post(PAGES + "/json"), 400,
                    "This request could not be read");
            problem(api("en").contentType("application/json").body(body).post(API + "/json"), 400, "bad-request",
                    "This request could not be read");
        }
        assertPage(page("fr").contentType("application/json").body("{oops").post(PAGES + "/json"), 400,
                "Cette demande n'a pas pu être lue");
        problem(api("fr").contentType("application/json").body("{oops").post(API + "/json"), 400, "bad-request",
                "Cette demande n'a pas pu être lue");
        // the routes themselves work
        page("en").contentType("application/json").body("{\"name\": \"ok\", \"count\": 2}").post(PAGES + "/json")
                .then().statusCode(200).body(containsString("ok 2"));
    }

    @Test
    void aWrongMethodIs405() {
        assertPage(page("en").get(PAGES + "/json"), 405, "This action is not available here");
        assertPage(page("fr").delete(PAGES + "/json"), 405, "Cette action n'est pas possible ici");

        problem(api("en").get(API + "/json"), 405, "method-not-allowed", "This action is not available here");
        problem(api("fr").put(API + "/json"), 405, "method-not-allowed", "Cette action n'est pas possible ici");
    }

    @Test
    void aWrongMediaTypeIs415() {
        assertPage(page("en").contentType("text/plain").body("name=x").post(PAGES + "/json"), 415, "Unsupported format");
        assertPage(page("fr").contentType("text/plain").body("name=x").post(PAGES + "/json"), 415, "Format non pris en charge");
        problem(api("en").contentType("text/plain").body("name=x").post(API + "/json"), 415, "unsupported-media-type",
                "Unsupported format");
        problem(api("fr").contentType("application/xml").body("<x/>").post(API + "/json"), 415, "unsupported-media-type",
                "Format non pris en charge");
    }

    @Test
    void aParameterThatDoesNotConvertIs404() {
        assertPage(page("en").get(PAGES + "/count/abc"), 404, "Page not found");
        problem(api("en").get(API + "/count/abc"), 404, "not-found", "Page not found");
        // as JAX-RS specifies for @QueryParam: the resource named by a query that does not convert is not found
        assertPage(page("fr").get(PAGES + "/count/3?page=two"), 404, "Page introuvable");
        problem(api("en").get(API + "/count/3?page=two"), 404, "not-found", "Page not found");
        given().get(PAGES + "/count/3?page=2").then().statusCode(200).body(containsString("3/2"));
    }

    @Test
    void theLanguageCookieWinsOverAcceptLanguage() {
        assertPage(given().cookie(LocaleResolver.COOKIE, "nl").header("Accept-Language", "fr").get(PAGES + "/domain/invalid"),
                400, "Enkele gegevens moeten worden verbeterd");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A page request in a language: by the language cookie for French, by Accept-Language otherwise. */
    private static RequestSpecification page(String language) {
        RequestSpecification request = given().redirects().follow(false);
        return language.equals("fr") ? request.cookie(LocaleResolver.COOKIE, "fr") : request.header("Accept-Language", language);
    }

    /** An API request in a language, by Accept-Language as API clients do. */
    private static RequestSpecification api(String language) {
        return given().redirects().follow(false).header("Accept-Language", language).accept("application/json");
    }

    private static Document assertPage(Response response, int status, String title) {
        response.then().statusCode(status).contentType(startsWith("text/html"));
        Document page = Jsoup.parse(response.asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo(title);
        assertThat(page.title()).contains(title);
        return page;
    }

    private static JsonPath problem(Response response, int status, String type, String title) {
        response.then().statusCode(status).contentType(startsWith(PROBLEM));
        assertThat(response.asString()).doesNotContain("<html");
        JsonPath json = new JsonPath(response.asString());
        assertThat(json.getString("type")).isEqualTo("urn:owlet:problem:" + type);
        assertThat(json.getString("title")).isEqualTo(title);
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("detail")).isNotBlank();
        return json;
    }
}
