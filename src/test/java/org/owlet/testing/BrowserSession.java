package org.owlet.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Signs in through the code flow of Dev Services for OIDC the way a browser does (redirects, cookies,
 * the login form's "predefined user" button) and keeps the session cookies for later requests.
 */
public final class BrowserSession {

    private final Map<String, String> cookies = new HashMap<>();

    private BrowserSession() {
    }

    public static BrowserSession signIn(String username) {
        BrowserSession session = new BrowserSession();
        session.login(username);
        return session;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** A request specification carrying this session's cookies, not following redirects. */
    public io.restassured.specification.RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** GET that records any cookie the server sets, as a browser would. */
    public Response get(String path) {
        return remember(request().get(path));
    }

    /** A GET with a copy of cookies taken earlier, as someone replaying them would send it. */
    public static Response replay(Map<String, String> copiedCookies, String path) {
        return given().redirects().follow(false).cookies(copiedCookies).get(path);
    }

    /**
     * POST of an empty form (a button such as <em>Sign out</em>) pressed on a signed-in page: with the page's CSRF token
     * and the headers a browser adds, recording cookies as {@link #get} does.
     */
    public Response post(String path) {
        String token = csrfToken("/me");
        return remember(request().header("Origin", origin()).header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token).post(path));
    }

    private Response remember(Response response) {
        cookies.putAll(response.getCookies());
        response.getDetailedCookies().asList().stream()
                .filter(c -> c.getMaxAge() == 0)
                .forEach(c -> cookies.remove(c.getName()));
        return response;
    }

    /** Owlet's own origin as a browser states it in {@code Origin} (scheme, host and port the tests reach it at). */
    public static String origin() {
        return URI.create(RestAssured.baseURI).getScheme() + "://" + URI.create(RestAssured.baseURI).getHost() + ":"
                + RestAssured.port;
    }

    /**
     * The CSRF token a browser finds in the forms of {@code page}: GETs the page (keeping the cookies it sets) and
     * reads the hidden {@code csrf-token} input of its first form that posts.
     */
    public String csrfToken(String page) {
        Response response = get(page);
        Element input = Jsoup.parse(response.asString()).selectFirst("form[method=post] input[name=csrf-token]");
        if (input == null) {
            throw new IllegalStateException("No form with a CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        return input.attr("value");
    }

    /**
     * Submits a form the way a browser does: GETs {@code page}, takes the form that posts to {@code action} with its
     * hidden fields (the CSRF token among them), adds {@code fields}, and posts it with the session's cookies and the
     * headers a browser adds to a form sent from Owlet's own page ({@code Origin}, {@code Sec-Fetch-Site}).
     */
    public Response submit(String page, String action, Map<String, ?> fields) {
        Response shown = get(page);
        Element form = Jsoup.parse(shown.asString()).selectFirst("form[method=post][action=" + action + "]");
        if (form == null) {
            throw new IllegalStateException("No form posting to " + action + " on " + page + " (" + shown.statusCode() + ")");
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(hidden -> sent.put(hidden.attr("name"), hidden.attr("value")));
        sent.putAll(fields);
        Response response = request().header("Origin", origin()).header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(sent).post(action);
        cookies.putAll(response.getCookies());
        return response;
    }

    private void login(String username) {
        Response start = given().redirects().follow(false).get("/login?return=%2Fme");
        cookies.putAll(start.getCookies());
        URI authorize = URI.create(start.getHeader("Location"));
        String state = query(authorize, "state");
        String provider = authorize.getScheme() + "://" + authorize.getAuthority();
        String callback = query(authorize, "redirect_uri") + "?state=" + state;
        Response login = given().redirects().follow(false)
                .formParam("redirect_uri", callback)
                .formParam("response_type", "code")
                .formParam("client_id", query(authorize, "client_id"))
                .formParam("scope", query(authorize, "scope"))
                .formParam("predefined-" + username, username)
                .post(provider + "/login");
        String back = login.getHeader("Location");
        if (back == null) {
            throw new IllegalStateException("The OIDC dev server did not redirect back: " + login.asString());
        }
        Response callbackResponse = request().get(back);
        cookies.putAll(callbackResponse.getCookies());
        Response afterLogin = request().get(callbackResponse.getHeader("Location"));
        cookies.putAll(afterLogin.getCookies());
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No " + name + " in " + uri);
    }
}
