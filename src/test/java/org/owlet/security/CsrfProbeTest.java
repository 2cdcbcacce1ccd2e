package org.owlet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Certificate;
import org.owlet.certification.Passes;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.testing.BrowserSession;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Cross-site request forgery, tried as an attacker would: the victim is signed in (a real code-flow session from the
 * built-in OIDC server, its cookies sent along, as a browser does with a request another site triggers), and the
 * attacker controls everything else: the page the request comes from ({@code Origin}, {@code Sec-Fetch-Site}), the
 * form's fields, their own CSRF token (from their own account's pages) — and, in the worst case, even the victim's
 * token. First the four changes the issue reports as accepted, each followed by the honest submission of the same form,
 * which must work (so the probe was realistic); then every state-changing route of the application, taken from its
 * OpenAPI document like {@link RouteMatrix}. Prints {@code CSRF probes: N tried, 0 accepted}.
 */
@QuarkusTest
class CsrfProbeTest {

    static final String EVIL = "https://evil.example";
    private static final OidcTestClient OIDC = new OidcTestClient();

    /** What the attacker's request states about where it comes from, and which token it carries. */
    enum Attack {
        CROSS_SITE_NO_TOKEN(EVIL, "cross-site", Token.NONE), CROSS_SITE_ATTACKERS_TOKEN(EVIL, "cross-site",
                Token.ATTACKERS), CROSS_SITE_VICTIMS_TOKEN(EVIL, "cross-site", Token.VICTIMS), FOREIGN_ORIGIN_ONLY(EVIL, null,
                        Token.VICTIMS), CROSS_SITE_FETCH_ONLY(null, "cross-site", Token.VICTIMS), OPAQUE_ORIGIN("null", null,
                                Token.VICTIMS), SIBLING_SUBDOMAIN("http://evil.localhost", "same-site",
                                        Token.VICTIMS), UNSTATED_NO_TOKEN(null, null, Token.NONE), UNSTATED_ATTACKERS_TOKEN(null, null,
                                                Token.ATTACKERS), SAME_ORIGIN_NO_TOKEN("own", "same-origin",
                                                        Token.NONE), SAME_ORIGIN_ATTACKERS_TOKEN("own", "same-origin", Token.ATTACKERS);

        final String origin;
        final String fetchSite;
        final Token token;

        Attack(String origin, String fetchSite, Token token) {
            this.origin = origin;
            this.fetchSite = fetchSite;
            this.token = token;
        }
    }

    enum Token { NONE, ATTACKERS, VICTIMS }

    @Inject
    Event<FinalAssessmentPassed> passed;

    private final List<String> accepted = new ArrayList<>();
    private final List<String> notRefusedByTheGuard = new ArrayList<>();
    private int tried;
    private String attackersToken;
    private String tag;
    /** The media type of the route being probed (null: a form). */
    private String bodyType;

    @BeforeEach
    void attackerVisitsOwlet() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        // the attacker signs in with an account of their own and reads a valid token (and its cookie) off a form
        attackersToken = BrowserSession.signIn("gina@globex.example").csrfToken("/me/erase");
        assertThat(attackersToken).isNotBlank();
    }

    @Test
    void theChangesTheIssueReportsAreRefusedCrossSiteAndWorkFromOwletsOwnForms() {
        Company acme = Fixtures.acme();
        Member canary = Fixtures.member(acme, "Canary " + tag, "canary-" + tag + "@acme.example");

        // a company admin's removal of a member, then the re-adding
        BrowserSession carl = BrowserSession.signIn("carl@acme.example");
        String remove = "/team/members/" + canary.id + "/remove";
        probeForm(carl, remove, carl.csrfToken(remove), Map.of());
        assertThat(Fixtures.reload(canary).company).as("still in the team after the probes").isNotNull();
        assertThat(carl.submit(remove, remove, Map.of()).statusCode()).as("the admin's own removal").isEqualTo(303);
        assertThat(Fixtures.reload(canary).company).isNull();
        String readd = "/team/members/" + canary.id + "/readd";
        probeForm(carl, readd, carl.csrfToken("/team/members"), Map.of());
        assertThat(Fixtures.reload(canary).company).as("still removed after the probes").isNull();
        assertThat(carl.submit("/team/members", readd, Map.of()).statusCode()).as("the admin's own re-adding").isEqualTo(303);
        assertThat(Fixtures.reload(canary).company).isNotNull();

        // a coalition admin's revocation of a certificate
        Certificate certificate = Passes.fire(passed, Passes.pass(canary, "en", Instant.now(), false));
        BrowserSession cora = BrowserSession.signIn("cora@coalition.example");
        String revoke = "/admin/certificates/" + certificate.id + "/revoke";
        probeForm(cora, revoke, cora.csrfToken(revoke), Map.of("reason", "forged"));
        assertThat(reload(certificate).revokedAt).as("not revoked by the probes").isNull();
        assertThat(cora.submit(revoke, revoke, Map.of("reason", "issued in error")).statusCode()).isEqualTo(303);
        assertThat(reload(certificate).revokedReason).isEqualTo("issued in error");

        // a learner's change of the name on their certificates
        BrowserSession ivan = BrowserSession.signIn("ivan@individual.example");
        String subject = ivan.get("/api/v1/me").then().statusCode(200).extract().path("subject");
        Member ivanMember = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject).orElseThrow());
        Certificate own = Passes.fire(passed, Passes.pass(ivanMember, "en", Instant.now(), false));
        String before = reload(own).holderName;
        probeForm(ivan, "/me/certificates/name", ivan.csrfToken("/me/certificates"), Map.of("name", "Mallory " + tag));
        assertThat(reload(own).holderName).as("not renamed by the probes").isEqualTo(before);
        // an old browser that states no origin: the form's token alone lets it through
        Response unstated = ivan.request().formParam("csrf-token", ivan.csrfToken("/me/certificates"))
                .formParam("name", "Ivan Probe " + tag).post("/me/certificates/name");
        assertThat(unstated.statusCode()).as(unstated.asString()).isEqualTo(303);
        assertThat(reload(own).holderName).isEqualTo("Ivan Probe " + tag);

        // the companies API with a coalition admin's session cookie
        String slug = "probe-" + tag;
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"Probe " + tag
                + "\",\"region\":\"EUROPE\",\"country\":\"NL\",\"domains\":[],\"joinedOn\":\"2025-01-01\"}";
        probeApi(cora, "POST", "/api/v1/companies", cora.csrfToken("/admin/companies/new"), body);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug).isPresent())).isFalse();
        Response noOrigin = cora.request().header("X-CSRF-TOKEN", cora.csrfToken("/admin/companies/new"))
                .contentType("application/json").body(body).post("/api/v1/companies");
        assertThat(noOrigin.statusCode()).as("an API change with a session cookie must state its origin").isEqualTo(403);
        assertThat(noOrigin.jsonPath().getString("reason")).isEqualTo("origin_required");
        Response honest = cora.request().header("Origin", BrowserSession.origin()).header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-TOKEN", cora.csrfToken("/admin/companies/new")).contentType("application/json").body(body)
                .post("/api/v1/companies");
        assertThat(honest.statusCode()).as(honest.asString()).isEqualTo(201);

        report();
    }

    /** A page with a form each victim may see, where their token is read as a browser shows it. */
    private static final Map<RouteMatrix.Caller, String> FORM_PAGES = Map.of(RouteMatrix.Caller.LEARNER, "/me/erase",
            RouteMatrix.Caller.ACME_ADMIN, "/team/assignments", RouteMatrix.Caller.COALITION_ADMIN, "/admin/companies/new");

    @Test
    void everyStateChangingRouteRefusesACrossSiteRequestWithASession() {
        Company acme = Fixtures.acme();
        Company scratch = Fixtures.company("scratch-" + tag, "Scratch " + tag, null, null, Region.OCEANIA);
        Member canary = Fixtures.member(acme, "Canary " + tag, "canary-" + tag + "@acme.example");
        Map<RouteMatrix.Caller, String> users = Map.of(RouteMatrix.Caller.LEARNER, "ivan@individual.example",
                RouteMatrix.Caller.ACME_ADMIN, "carl@acme.example", RouteMatrix.Caller.COALITION_ADMIN, "cora@coalition.example");
        Map<RouteMatrix.Caller, BrowserSession> sessions = new java.util.EnumMap<>(RouteMatrix.Caller.class);
        users.forEach((caller, user) -> sessions.put(caller, BrowserSession.signIn(user)));
        List<String> routes = RouteMatrix.discoveredRoutes().stream().filter(r -> !r.startsWith("GET ")).toList();
        Map<String, String> types = bodyTypes();
        assertThat(types).as("upload routes take multipart").containsEntry("POST /team/invitations/upload", "multipart/form-data");
        assertThat(routes).as("state-changing routes in the OpenAPI document").hasSizeGreaterThan(25);
        for (String route : routes) {
            RouteMatrix.Access access = RouteMatrix.EXPECTATIONS.get(route);
            assertThat(access).as("RouteMatrix knows " + route).isNotNull();
            RouteMatrix.Caller caller = switch (access) {
                case PUBLIC, SIGNED_IN -> RouteMatrix.Caller.LEARNER;
                case COMPANY_ADMIN, ANY_ADMIN -> RouteMatrix.Caller.ACME_ADMIN;
                case COALITION_ADMIN, TEST_ONLY -> RouteMatrix.Caller.COALITION_ADMIN;
            };
            BrowserSession victim = sessions.get(caller);
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{slug}", scratch.slug).replace("{memberId}", String.valueOf(canary.id))
                    .replace("{courseId}", "sample").replace("{lessonId}", "basics").replace("{drillId}", "cards")
                    .replace("{moduleId}", "check").replace("{attemptId}", "999999")
                    .replace("{id}", route.contains("/members/") ? String.valueOf(canary.id) : "999999");
            String victimsToken = victim.csrfToken(FORM_PAGES.get(caller));
            bodyType = types.get(route);
            boolean canaryAttached = Fixtures.reload(canary).company != null;
            for (Attack attack : Attack.values()) {
                Response response = attackRequest(victim, attack, victimsToken, path).request(method, path);
                record(route, attack, response);
            }
            assertThat(Fixtures.reload(canary).company != null).as("the canary's membership after probing " + route)
                    .isEqualTo(canaryAttached);
            // the same request from Owlet's own page with the victim's token is not what the guard refuses
            Response control = shaped(victim.request().header("Origin", BrowserSession.origin()).header("Sec-Fetch-Site", "same-origin"),
                    path, victimsToken).request(method, path);
            assertThat(refusedByTheGuard(control)).as(route + " from Owlet's own page: " + control.statusCode()).isFalse();
            assertThat(control.statusCode()).as(route + " from Owlet's own page").isLessThan(500);
            if (path.equals("/logout")) {
                // the honest Sign out did sign the victim out: the next routes need a fresh session
                assertThat(control.statusCode()).as("Sign out from Owlet's own page").isEqualTo(303);
                sessions.put(caller, BrowserSession.signIn(users.get(caller)));
            }
        }
        report();
    }

    @Test
    void bearerTokensAreExemptButNeverBorrowACookiesIdentity() {
        String slug = "bearer-" + tag;
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"Bearer " + tag
                + "\",\"region\":\"EUROPE\",\"country\":\"NL\",\"domains\":[],\"joinedOn\":\"2025-01-01\"}";
        // a program with a bearer token and no session: no CSRF token, whatever page it claims to come from
        given().auth().oauth2(OIDC.getAccessToken("cora@coalition.example", "cora@coalition.example"))
                .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").contentType("application/json").body(body)
                .post("/api/v1/companies").then().statusCode(201);
        String ivansToken = OIDC.getAccessToken("ivan@individual.example", "ivan@individual.example");
        given().auth().oauth2(ivansToken).redirects().follow(false).header("Origin", EVIL).post("/learn/sample/enrol")
                .then().statusCode(303);

        // bearer token and a session cookie: checked like a browser, and the identity is the bearer token's
        BrowserSession ivan = BrowserSession.signIn("ivan@individual.example");
        Response crossSite = ivan.request().auth().oauth2(OIDC.getAccessToken("cora@coalition.example", "cora@coalition.example"))
                .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").contentType("application/json")
                .body(body.replace(slug, slug + "-x")).post("/api/v1/companies");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.jsonPath().getString("reason")).isEqualTo("cross_site");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug + "-x").isPresent())).isFalse();
        BrowserSession cora = BrowserSession.signIn("cora@coalition.example");
        Response asIvan = cora.request().auth().oauth2(ivansToken).header("Origin", BrowserSession.origin())
                .header("X-CSRF-TOKEN", cora.csrfToken("/admin/companies/new")).contentType("application/json")
                .body(body.replace(slug, slug + "-y")).post("/api/v1/companies");
        assertThat(asIvan.statusCode()).as("a learner's bearer token with a coalition admin's cookie").isEqualTo(403);
        assertThat(asIvan.jsonPath().getString("type")).isEqualTo("urn:owlet:problem:forbidden");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug + "-y").isPresent())).isFalse();
    }

    // ---- probes -------------------------------------------------------------------------------------------

    private void probeForm(BrowserSession victim, String action, String victimsToken, Map<String, String> fields) {
        for (Attack attack : Attack.values()) {
            RequestSpecification request = attackRequest(victim, attack, victimsToken, action);
            fields.forEach(request::formParam);
            record("POST " + action, attack, request.post(action));
        }
    }

    private void probeApi(BrowserSession victim, String method, String path, String victimsToken, String body) {
        for (Attack attack : Attack.values()) {
            record(method + " " + path, attack,
                    attackRequest(victim, attack, victimsToken, path).body(body).request(method, path));
        }
    }

    /** The victim's cookies, the attacker's choice of origin headers and token, in the shape the route takes. */
    private RequestSpecification attackRequest(BrowserSession victim, Attack attack, String victimsToken, String path) {
        RequestSpecification request = victim.request();
        if (attack.origin != null) {
            request.header("Origin", attack.origin.equals("own") ? BrowserSession.origin() : attack.origin);
        }
        if (attack.fetchSite != null) {
            request.header("Sec-Fetch-Site", attack.fetchSite);
        }
        String token = switch (attack.token) {
            case NONE -> null;
            case ATTACKERS -> attackersToken;
            case VICTIMS -> victimsToken;
        };
        return shaped(request, path, token);
    }

    /**
     * The media type each state-changing route takes, from the OpenAPI document ({@code requestBody.content}); a route
     * without a body is sent a form, as a page's button does.
     */
    private static Map<String, String> bodyTypes() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get(org.owlet.testing.Management.url("/q/openapi?format=json")).then()
                .statusCode(200)
                .extract().jsonPath().getMap("paths");
        Map<String, String> types = new HashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object body = operation.get("requestBody");
            Object content = body instanceof Map<?, ?> b ? b.get("content") : null;
            if (content instanceof Map<?, ?> c && !c.isEmpty()) {
                String type = c.keySet().stream().map(String::valueOf).filter(t -> t.contains("json")).findFirst()
                        .orElse(String.valueOf(c.keySet().iterator().next()));
                types.put(method.toUpperCase(Locale.ROOT) + " " + path, type);
            }
        }));
        return types;
    }

    /** The body the route takes: JSON with the token header, a multipart upload with the token field, or a form. */
    private RequestSpecification shaped(RequestSpecification request, String path, String token) {
        String type = bodyType == null ? "" : bodyType;
        if (path.startsWith("/api/") || type.contains("json")) {
            if (token != null) {
                request.header("X-CSRF-TOKEN", token);
            }
            return request.contentType("application/json").body("{}");
        }
        if (type.startsWith("multipart/")) {
            request.multiPart("file", "probe.csv", "email\n".getBytes(StandardCharsets.UTF_8), "text/csv");
            if (token != null) {
                request.multiPart("csrf-token", token);
            }
            return request;
        }
        request.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("probe", "1");
        return token == null ? request : request.formParam("csrf-token", token);
    }

    private void record(String route, Attack attack, Response response) {
        tried++;
        String probe = route + " " + attack + " -> " + response.statusCode();
        if (response.statusCode() < 400) {
            accepted.add(probe);
        }
        if (!refusedByTheGuard(response)) {
            notRefusedByTheGuard.add(probe);
        }
    }

    private void report() {
        System.out.printf("CSRF probes: %d tried, %d accepted%n", tried, accepted.size());
        assertThat(accepted).as("probes accepted").isEmpty();
        assertThat(notRefusedByTheGuard).as("probes refused by something else than the CSRF guard").isEmpty();
        assertThat(tried).isPositive();
    }

    /** 403 with one of the guard's reasons: in the problem document under /api, as the page's heading elsewhere. */
    static boolean refusedByTheGuard(Response response) {
        if (response.statusCode() != 403) {
            return false;
        }
        if (String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
            return Set.of("cross_site", "origin_required", "form_expired").contains(response.jsonPath().getString("reason"));
        }
        Element heading = Jsoup.parse(response.asString()).selectFirst("h1");
        return heading != null && GUARD_TITLES.contains(heading.text());
    }

    private static final Set<String> GUARD_TITLES = guardTitles();

    private static Set<String> guardTitles() {
        Properties english = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("i18n/web_en.properties"), StandardCharsets.UTF_8)) {
            english.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Set.of(english.getProperty("csrf_cross_site_title"), english.getProperty("csrf_origin_required_title"),
                english.getProperty("csrf_form_expired_title"));
    }

    private static Certificate reload(Certificate certificate) {
        return QuarkusTransaction.requiringNew().call(() -> Certificate.findById(certificate.id));
    }
}
