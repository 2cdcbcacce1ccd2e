package org.owlet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.organization.invitation.Invitation;
import org.owlet.testing.Fixtures;
import org.owlet.testing.Management;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Tenant isolation, proven. The list of routes comes from the application's own resource metadata (the
 * OpenAPI document Quarkus builds from every JAX-RS resource), not from a hand-written list: a route
 * without an expectation below fails the test. Each route is called by an anonymous caller, a learner, a
 * company admin of each of two companies, and a coalition admin; every company is seeded with canary
 * names that must never appear in another company's admin's responses.
 */
public abstract class RouteMatrix {

    /** Who may reach a route. */
    enum Access { PUBLIC, SIGNED_IN, COMPANY_ADMIN, ANY_ADMIN, COALITION_ADMIN, TEST_ONLY }

    enum Caller {
        ANONYMOUS(null), LEARNER("ana@acme.example"), ACME_ADMIN("carl@acme.example"), GLOBEX_ADMIN("gus@globex.example"), COALITION_ADMIN(
                "cora@coalition.example");

        final String user;

        Caller(String user) {
            this.user = user;
        }

        boolean may(Access access) {
            return switch (access) {
                case PUBLIC -> true;
                case SIGNED_IN -> this != ANONYMOUS;
                case COMPANY_ADMIN -> this == ACME_ADMIN || this == GLOBEX_ADMIN;
                case ANY_ADMIN -> this == ACME_ADMIN || this == GLOBEX_ADMIN || this == COALITION_ADMIN;
                case COALITION_ADMIN -> this == COALITION_ADMIN;
                case TEST_ONLY -> false;
            };
        }
    }

    /** Every route of the application and who may reach it. Keep in step with the resources. */
    static final Map<String, Access> EXPECTATIONS = new LinkedHashMap<>();
    static {
        EXPECTATIONS.put("GET /", Access.PUBLIC);
        EXPECTATIONS.put("GET /lang/{tag}", Access.PUBLIC);
        EXPECTATIONS.put("GET /css/{file}", Access.PUBLIC);
        EXPECTATIONS.put("GET /js/{file}", Access.PUBLIC);
        EXPECTATIONS.put("GET /login", Access.PUBLIC);
        EXPECTATIONS.put("GET /logout", Access.PUBLIC);
        EXPECTATIONS.put("POST /logout", Access.PUBLIC);
        EXPECTATIONS.put("GET /me", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/data.json", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/erase", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /me/erase", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /api/v1/me", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /team", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/members", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/progress", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/progress.csv", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/progress/{memberId}", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/progress/{memberId}/grant", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/assignments", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/assignments", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/assignments/{id}/due", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/assignments/{id}/cancel", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /api/v1/companies/{slug}/completion", Access.ANY_ADMIN);
        EXPECTATIONS.put("GET /team/members.csv", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/members/{id}/remove", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/members/{id}/remove", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/members/{id}/readd", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /team/invitations", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/invitations", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/invitations/upload", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/invitations/{id}/resend", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /team/invitations/{id}/withdraw", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /api/v1/team/members", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /api/v1/team/members/{id}/remove", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("POST /api/v1/team/members/{id}/readd", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /admin/companies", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/companies", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/companies/new", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/companies/{slug}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/companies/{slug}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/companies/{slug}/deactivate", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/companies/{slug}/deactivate", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/companies/{slug}/reactivate", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/reports", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/workshops", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/workshops", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/workshops/{id}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/workshops/{id}/attendees", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/reports/trained", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/reports/certified", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/audit", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/audit/entries.json", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/companies", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /api/v1/companies", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/companies/{slug}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("PUT /api/v1/companies/{slug}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /api/v1/companies/{slug}/deactivate", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /api/v1/companies/{slug}/reactivate", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/reports/xapi", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/courses", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /api/v1/courses/{id}", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /assets/{name}", Access.PUBLIC);
        EXPECTATIONS.put("GET /review", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/courses/{id}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/sample", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/integrity", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/analysis", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/analysis/items.csv", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /api/v1/coded-terms", Access.ANY_ADMIN);
        EXPECTATIONS.put("GET /review/courses/{id}/items/{itemId}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /review/courses/{id}/lessons/{lessonId}", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /home", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /home/progress", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/{courseId}", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/{courseId}/enrol", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/{courseId}/lessons/{lessonId}", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/{courseId}/lessons/{lessonId}/read", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/{courseId}/drills/{drillId}", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/{courseId}/drills/{drillId}/answer", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/{courseId}/drills/{drillId}/feedback/{answerId}", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/{courseId}/modules/{moduleId}/start", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/{courseId}/modules/{moduleId}/start", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/attempts/{attemptId}", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/attempts/{attemptId}/answer", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/attempts/{attemptId}/feedback/{answerId}", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /learn/attempts/{attemptId}/submit", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /learn/attempts/{attemptId}/result", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /verify", Access.PUBLIC);
        EXPECTATIONS.put("GET /verify/{code}", Access.PUBLIC);
        EXPECTATIONS.put("GET /api/v1/certificates/{code}", Access.PUBLIC);
        EXPECTATIONS.put("GET /api/v1/certificates/{code}/credential", Access.PUBLIC);
        EXPECTATIONS.put("GET /api/v1/issuer", Access.PUBLIC);
        EXPECTATIONS.put("GET /api/v1/issuer/jwks", Access.PUBLIC);
        EXPECTATIONS.put("GET /api/v1/issuer/status/{list}", Access.PUBLIC);
        EXPECTATIONS.put("GET /me/certificates", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /me/certificates/name", Access.SIGNED_IN);
        EXPECTATIONS.put("POST /me/certificates/{id}/refresher", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/certificates/{id}/certificate.pdf", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/certificates/{id}/editions/{edition}/certificate.pdf", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/certificates/{id}/badge.jwt", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /me/certificates/{id}/badge.json", Access.SIGNED_IN);
        EXPECTATIONS.put("GET /team/certificates", Access.COMPANY_ADMIN);
        EXPECTATIONS.put("GET /admin/certificates", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/certificates/{id}/revoke", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/certificates/{id}/revoke", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /admin/certificates/{id}/name", Access.COALITION_ADMIN);
        EXPECTATIONS.put("POST /admin/certificates/{id}/name", Access.COALITION_ADMIN);
        EXPECTATIONS.put("GET /test-failures/boom", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /test-failures/coalition-only", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /test-failures/domain/{kind}", Access.TEST_ONLY);
        EXPECTATIONS.put("POST /test-failures/json", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /test-failures/count/{n}", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /api/v1/test-failures/boom", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /api/v1/test-failures/domain/{kind}", Access.TEST_ONLY);
        EXPECTATIONS.put("POST /api/v1/test-failures/json", Access.TEST_ONLY);
        EXPECTATIONS.put("GET /api/v1/test-failures/count/{n}", Access.TEST_ONLY);
    }

    /** A bearer token for a demo user, from the identity provider this suite runs against. */
    protected abstract String token(String user);

    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private Company acme;
    private Company globex;
    private Member acmeCanary;
    private Member globexCanary;
    private String scratchSlug;
    private long acmeInvitation;
    private long globexInvitation;
    private String acmeInvitee;
    private String globexInvitee;

    @BeforeEach
    void seed() {
        acme = Fixtures.acme();
        globex = Fixtures.globex();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        acmeCanary = Fixtures.member(acme, "Canary Acme " + tag, "canary-acme-" + tag + "@acme.example");
        globexCanary = Fixtures.member(globex, "Canary Globex " + tag, "canary-globex-" + tag + "@globex.example");
        acmeInvitee = "canary-invitee-" + tag + "@acme.example";
        globexInvitee = "canary-invitee-" + tag + "@globex.example";
        acmeInvitation = invitation(acme, acmeInvitee);
        globexInvitation = invitation(globex, globexInvitee);
        scratchSlug = "scratch-" + tag;
        Fixtures.company(scratchSlug, "Scratch " + tag, null, null, Region.OCEANIA);
        for (Caller caller : Caller.values()) {
            if (caller.user != null) {
                tokens.put(caller, token(caller.user));
                // first call creates the member and attaches it to its company
                given().auth().oauth2(tokens.get(caller)).get("/api/v1/me").then().statusCode(200);
            }
        }
    }

    /** A pending invitation of {@code company} to {@code email}, as a company admin would have made it. */
    private static long invitation(Company company, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = new Invitation();
            invitation.company = Company.findById(company.id);
            invitation.email = email;
            invitation.pendingEmail = email;
            invitation.invitedAt = Instant.now();
            invitation.status = Invitation.Status.PENDING;
            invitation.persist();
            return invitation.id;
        });
    }

    public static List<String> discoveredRoutes() {
        return Management.routes();
    }

    @Test
    void everyRouteHasAnExpectation() {
        List<String> routes = discoveredRoutes();
        assertThat(routes).as("routes discovered from the application").hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(EXPECTATIONS.keySet());
        assertThat(missing).as("routes without an access expectation in RouteMatrix.EXPECTATIONS").isEmpty();
        Set<String> stale = new TreeSet<>(EXPECTATIONS.keySet());
        stale.removeAll(routes);
        assertThat(stale).as("expectations for routes that no longer exist").isEmpty();
    }

    @Test
    void eachCallerReachesExactlyWhatTheyMay() {
        List<String> problems = new ArrayList<>();
        for (String route : discoveredRoutes()) {
            Access access = EXPECTATIONS.get(route);
            if (access == null || access == Access.TEST_ONLY) {
                continue;
            }
            for (Caller caller : Caller.values()) {
                Response response = call(route, caller);
                int status = response.statusCode();
                String location = String.valueOf(response.getHeader("Location"));
                boolean deniedAnonymously = status == 401 || (status == 303 && location.contains("/login?return="))
                        || (route.equals("GET /login") && status == 302);
                boolean denied = status == 403 || deniedAnonymously;
                boolean mayReach = caller.may(access);
                if (mayReach && (denied && !route.equals("GET /login") || status >= 500)) {
                    problems.add(route + " as " + caller + ": expected access, got " + status);
                }
                if (!mayReach) {
                    boolean expected = caller == Caller.ANONYMOUS ? deniedAnonymously : status == 403;
                    if (!expected) {
                        problems.add(route + " as " + caller + ": expected to be refused, got " + status);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void companyAdminsNeverSeeAnotherCompanysPeople() {
        assertIsolated(Caller.ACME_ADMIN, acmeCanary, globexCanary, globexInvitee);
        assertIsolated(Caller.GLOBEX_ADMIN, globexCanary, acmeCanary, acmeInvitee);
    }

    private void assertIsolated(Caller admin, Member own, Member other, String otherInvitee) {
        boolean sawOwn = false;
        for (String route : discoveredRoutes()) {
            Access access = EXPECTATIONS.get(route);
            if (!route.startsWith("GET ") || access == null || access == Access.TEST_ONLY || !admin.may(access)) {
                continue;
            }
            String body = call(route, admin).asString();
            assertThat(body).as(route + " as " + admin).doesNotContain(other.displayName, other.email, otherInvitee);
            sawOwn |= body.contains(own.displayName);
        }
        assertThat(sawOwn).as(admin + " sees their own company's canary somewhere").isTrue();
    }

    @Test
    void probesWithAnotherCompanysIdsGetNoData() {
        String acmeAdmin = tokens.get(Caller.ACME_ADMIN);
        for (String path : List.of("/team/members/%d/remove", "/team/members/%d/readd",
                "/api/v1/team/members/%d/remove", "/api/v1/team/members/%d/readd")) {
            given().auth().oauth2(acmeAdmin).redirects().follow(false).post(path.formatted(globexCanary.id))
                    .then().statusCode(404);
        }
        for (String path : List.of("/team/invitations/%d/resend", "/team/invitations/%d/withdraw")) {
            given().auth().oauth2(acmeAdmin).redirects().follow(false).post(path.formatted(globexInvitation)).then().statusCode(404);
        }
        assertThat(given().auth().oauth2(acmeAdmin).get("/team/invitations?invited=" + globexInvitation + "&resent=" + globexInvitation)
                .then().statusCode(200).extract().asString()).doesNotContain(globexInvitee);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation> findById(globexInvitation).status))
                .isEqualTo(Invitation.Status.PENDING);
        assertThat(given().auth().oauth2(tokens.get(Caller.GLOBEX_ADMIN)).get("/team/invitations").then().statusCode(200).extract()
                .asString()).contains(globexInvitee).doesNotContain(acmeInvitee);
        given().auth().oauth2(acmeAdmin).get("/team/progress/" + globexCanary.id).then().statusCode(404);
        given().auth().oauth2(acmeAdmin).get("/team/members/" + globexCanary.id + "/remove").then().statusCode(404);
        assertThat(given().auth().oauth2(acmeAdmin).get("/team/members?removed=" + globexCanary.id + "&readded=" + globexCanary.id)
                .then().statusCode(200).extract().asString()).doesNotContain(globexCanary.displayName);
        given().auth().oauth2(acmeAdmin).redirects().follow(false).formParam("course", "sample").formParam("reason", "probe")
                .post("/team/progress/" + globexCanary.id + "/grant").then().statusCode(404);
        given().auth().oauth2(acmeAdmin).redirects().follow(false).formParam("course", "sample").formParam("member", globexCanary.id)
                .formParam("due", "2099-01-01").post("/team/assignments").then().statusCode(404);
        given().auth().oauth2(acmeAdmin).get("/api/v1/companies/" + globex.slug + "/completion").then().statusCode(404);
        String team = given().auth().oauth2(acmeAdmin).queryParam("q", globexCanary.email).queryParam("company", globex.slug)
                .queryParam("companyId", globex.id).get("/api/v1/team/members").then().statusCode(200).extract().asString();
        assertThat(team).isEqualTo("[]");
        assertThat(Fixtures.reload(globexCanary).company.slug).isEqualTo("globex");
    }

    private Response call(String route, Caller caller) {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        if (template.startsWith("/api/v1/courses/") || template.startsWith("/review/courses/")) {
            // the sample course of the test catalog
            template = template.replace("{id}", "sample").replace("{itemId}", "carving-material").replace("{lessonId}", "basics");
        }
        if (template.startsWith("/team/invitations/")) {
            // company admins probe the other company's invitation; everyone else Acme's
            template = template.replace("{id}", String.valueOf(caller == Caller.ACME_ADMIN ? globexInvitation : acmeInvitation));
        }
        String path = template
                .replace("{tag}", "fr")
                .replace("{code}", "NOSUCHCODE").replace("{list}", "1").replace("{edition}", "1")
                .replace("{name}", "no-such-asset.svg")
                .replace("{file}", template.startsWith("/css/") ? "owlet.css" : "owlet.js")
                .replace("{courseId}", "sample").replace("{lessonId}", "basics").replace("{drillId}", "cards")
                .replace("{moduleId}", "check").replace("{attemptId}", "999999").replace("{answerId}", "999999")
                .replace("{slug}", route.endsWith("/completion") ? ownSlug(caller) : scratchSlug)
                .replace("{memberId}", String.valueOf(idFor(caller)))
                .replace("{id}", String.valueOf(idFor(caller)));
        RequestSpecification request = given().redirects().follow(false);
        if (caller.user != null) {
            request.auth().oauth2(tokens.get(caller));
        }
        if (path.startsWith("/api/") && !method.equals("GET")) {
            request.contentType("application/json").body("{}");
        }
        if (template.endsWith("/attendees") || path.endsWith("/upload")) {
            // a file upload, shaped like the page's form (multipart), so that the media type is not what refuses it
            request.multiPart("file", "probe.csv", new byte[0], "text/csv");
        }
        return request.request(method, path);
    }

    /** The completion API is called for the caller's own company (so the isolation test sees what it returns). */
    private String ownSlug(Caller caller) {
        return caller == Caller.GLOBEX_ADMIN ? globex.slug : acme.slug;
    }

    /** Company admins probe the other company's member; everyone else their own company's canary. */
    private long idFor(Caller caller) {
        return caller == Caller.ACME_ADMIN ? globexCanary.id : caller == Caller.GLOBEX_ADMIN ? acmeCanary.id : acmeCanary.id;
    }
}
