package org.owlet.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Signs in to Owlet through a real Keycloak the way a browser does: Owlet's redirect, Keycloak's
 * two-step login (user name, then password, as with Organizations enabled), the callback, the session
 * cookie. Also fetches bearer tokens with the password grant. Used by the {@code keycloak} test group.
 */
public final class KeycloakSession {

    public static final String PASSWORD = "owlet";

    private final Map<String, String> appCookies = new HashMap<>();

    private KeycloakSession() {
    }

    public static KeycloakSession signIn(String username) {
        KeycloakSession session = new KeycloakSession();
        session.login(username);
        return session;
    }

    public RequestSpecification request() {
        return given().urlEncodingEnabled(false).redirects().follow(false).cookies(appCookies);
    }

    /** GET that keeps the cookies the server sets and forgets those it expires, as a browser does. */
    public Response get(String path) {
        return remember(request().get(path));
    }

    /** POST of an empty form (a button such as <em>Sign out</em>) pressed on a signed-in page, with its CSRF token. */
    public Response post(String path) {
        return remember(formRequest("/me").contentType("application/x-www-form-urlencoded").post(path));
    }

    private Response remember(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                appCookies.remove(c.getName());
            } else {
                appCookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }

    public Map<String, String> cookies() {
        return appCookies;
    }

    /** The CSRF token of the first form that posts on {@code page}, as a browser finds it (see {@link BrowserSession#csrfToken}). */
    public String csrfToken(String page) {
        Response response = get(page);
        Element input = Jsoup.parse(response.asString()).selectFirst("form[method=post] input[name=csrf-token]");
        if (input == null) {
            throw new IllegalStateException("No form with a CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        return input.attr("value");
    }

    /** A request from Owlet's own page: the session's cookies, the page's CSRF token and the browser's Origin. */
    public RequestSpecification formRequest(String page) {
        // the token first: reading it sets the CSRF cookie, which the request must then carry
        String token = csrfToken(page);
        return request().header("Origin", BrowserSession.origin()).formParam("csrf-token", token);
    }

    public static String accessToken(String username) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password")
                .formParam("client_id", ConfigProvider.getConfig().getValue("quarkus.oidc.client-id", String.class))
                .formParam("client_secret", ConfigProvider.getConfig().getValue("quarkus.oidc.credentials.secret", String.class))
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid")
                .post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private void login(String username) {
        Response start = given().redirects().follow(false).get("/login?return=%2Fme");
        appCookies.putAll(start.getCookies());
        Map<String, String> kcCookies = new HashMap<>();
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(start.getHeader("Location"));
        kcCookies.putAll(page.getCookies());
        // step 1: user name; step 2: password (with Organizations on, Keycloak asks for them separately)
        String location = null;
        for (int step = 0; step < 3 && location == null; step++) {
            Document form = Jsoup.parse(page.asString());
            Element loginForm = form.selectFirst("form#kc-form-login, form[action*=login-actions]");
            if (loginForm == null) {
                throw new IllegalStateException("No Keycloak login form at step " + step + ": " + form.title() + ": "
                        + form.select("#input-error, #kc-error-message, .pf-v5-c-alert__title").text());
            }
            RequestSpecification post = given().redirects().follow(false).cookies(kcCookies)
                    .contentType("application/x-www-form-urlencoded");
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (Element input : loginForm.select("input[name]")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
            fields.computeIfPresent("username", (k, v) -> username);
            fields.computeIfPresent("password", (k, v) -> PASSWORD);
            post.formParams(fields);
            page = post.post(loginForm.absUrl("action").isEmpty() ? loginForm.attr("action") : loginForm.absUrl("action"));
            kcCookies.putAll(page.getCookies());
            if (page.statusCode() == 302 || page.statusCode() == 303) {
                location = page.getHeader("Location");
            }
        }
        if (location == null) {
            throw new IllegalStateException("Keycloak did not send " + username + " back to Owlet: " + page.statusCode() + " "
                    + Jsoup.parse(page.asString()).select("#input-error, #kc-error-message, .pf-v5-c-alert__title, h1").text());
        }
        Response callback = request().get(location);
        appCookies.putAll(callback.getCookies());
        Response back = request().get(callback.getHeader("Location"));
        appCookies.putAll(back.getCookies());
    }
}
