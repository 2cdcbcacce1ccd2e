package org.owlet.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Certificate;
import org.owlet.certification.Passes;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The response headers of {@link SecurityHeaders}, on one answer of every kind: public and signed-in pages of each role,
 * the error pages and sign-in redirects, a certificate PDF and badge, a CSV export, JSON about people, and the static
 * files, which alone may be cached. Every HTML page is also checked for what its Content-Security-Policy would block
 * (style attributes, inline scripts and styles, event-handler attributes).
 */
@QuarkusTest
@Tag("db")
class SecurityHeadersTest {

    private static final OidcTestClient OIDC = new OidcTestClient();
    private static final String LEARNER = "ana@acme.example";
    private static final String COMPANY_ADMIN = "carl@acme.example";
    private static final String COALITION_ADMIN = "cora@coalition.example";

    @Inject
    Event<FinalAssessmentPassed> passed;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();
    private int responses;
    private int pages;

    /** What an answer is: a page (HTML, personal or not, never cached), another personal file, or a static file. */
    enum Kind {
        PAGE, PERSONAL, STATIC
    }

    @Test
    void everyKindOfAnswerCarriesTheHeaders() {
        Certificate certificate = certificateOf(LEARNER);
        String csp = SecurityHeaders.CSP.formatted(SecurityHeaders
                .origin(org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url",
                        String.class))
                .map(o -> " " + o).orElse(""));

        // public pages, the error pages, the sign-in redirects
        check(null, "/", 200, Kind.PAGE, csp);
        check(null, "/verify", 200, Kind.PAGE, csp);
        check(null, "/verify/" + certificate.code, 200, Kind.PAGE, csp);
        check(null, "/no-such-page", 404, Kind.PAGE, csp);
        check(null, "/home", 303, Kind.PERSONAL, csp);
        check(null, "/login", 302, Kind.PERSONAL, csp);
        check(LEARNER, "/admin/reports", 403, Kind.PAGE, csp);
        // signed-in pages of each role
        for (String path : List.of("/home", "/home/progress", "/learn", "/learn/sample", "/learn/sample/drills/cards", "/me",
                "/me/certificates", "/me/erase")) {
            check(LEARNER, path, 200, Kind.PAGE, csp);
        }
        for (String path : List.of("/team", "/team/members", "/team/progress", "/team/assignments", "/team/certificates",
                "/team/invitations")) {
            check(COMPANY_ADMIN, path, 200, Kind.PAGE, csp);
        }
        for (String path : List.of("/admin/reports", "/admin/companies", "/admin/audit", "/admin/workshops", "/admin/certificates",
                "/review", "/review/courses/sample", "/review/courses/sample/items/carving-material", "/review/analysis")) {
            check(COALITION_ADMIN, path, 200, Kind.PAGE, csp);
        }
        // files about a person: the certificate PDF and badge, a CSV export, JSON
        check(LEARNER, "/me/certificates/" + certificate.id + "/certificate.pdf", 200, Kind.PERSONAL, csp);
        check(LEARNER, "/me/certificates/" + certificate.id + "/badge.json", 200, Kind.PERSONAL, csp);
        check(COMPANY_ADMIN, "/team/members.csv", 200, Kind.PERSONAL, csp);
        check(LEARNER, "/me/data.json", 200, Kind.PERSONAL, csp);
        check(LEARNER, "/api/v1/me", 200, Kind.PERSONAL, csp);
        check(COMPANY_ADMIN, "/api/v1/team/members", 200, Kind.PERSONAL, csp);
        check(null, "/api/v1/certificates/" + certificate.code, 200, Kind.PERSONAL, csp);
        // static files keep their long caching
        check(null, StaticAssets.get().css(), 200, Kind.STATIC, csp);
        check(null, StaticAssets.get().js(), 200, Kind.STATIC, csp);
        check(null, "/js/owlet.js", 200, Kind.STATIC, csp);
        check(null, "/img/owlet.svg", 200, Kind.STATIC, csp);
        check(null, courseImage(), 200, Kind.STATIC, csp);

        System.out.println("header checks: " + responses + " responses (" + pages + " HTML pages), " + missing.size() + " missing");
        assertThat(missing).isEmpty();
        assertThat(pages).isGreaterThanOrEqualTo(25);
    }

    private void check(String user, String path, int status, Kind kind, String csp) {
        RequestSpecification request = given().redirects().follow(false);
        if (user != null) {
            request.auth().oauth2(token(user));
        }
        Response response = request.get(path);
        responses++;
        String where = (user == null ? "anonymous" : user) + " GET " + path;
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        expect(where, response, "X-Content-Type-Options", "nosniff");
        expect(where, response, "Referrer-Policy", "strict-origin-when-cross-origin");
        expect(where, response, "X-Frame-Options", "DENY");
        String policy = String.valueOf(response.header("Content-Security-Policy"));
        if (!policy.contains("frame-ancestors 'none'")) {
            missing.add(where + ": Content-Security-Policy without frame-ancestors 'none': " + policy);
        }
        String cache = String.valueOf(response.header("Cache-Control"));
        if (kind == Kind.STATIC) {
            if (!cache.contains("max-age=") || cache.contains("no-store")) {
                missing.add(where + ": a static file should stay cacheable, Cache-Control: " + cache);
            }
        } else {
            expect(where, response, "Cache-Control", "no-store");
        }
        if (kind == Kind.PAGE) {
            pages++;
            expect(where, response, "Content-Security-Policy", csp);
            assertThat(response.contentType()).as(where).startsWith("text/html");
            Document page = Jsoup.parse(response.asString());
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    if (attribute.getKey().equals("style") || attribute.getKey().startsWith("on")) {
                        missing.add(where + ": <" + element.tagName() + " " + attribute.getKey() + "> the policy blocks");
                    }
                }
            }
            page.select("script:not([src]), style").forEach(e -> missing.add(where + ": inline <" + e.tagName() + "> the policy blocks"));
        }
    }

    private void expect(String where, Response response, String header, String value) {
        List<String> values = response.headers().getValues(header);
        if (!values.equals(List.of(value))) {
            missing.add(where + ": " + header + " " + values + ", expected " + value);
        }
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> OIDC.getAccessToken(u, u));
    }

    /** A certificate of a demo user (who is signed in once first, so that Owlet knows them). */
    private Certificate certificateOf(String user) {
        String subject = given().auth().oauth2(token(user)).get("/api/v1/me").then().statusCode(200).extract().path("subject");
        Member member = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject).orElseThrow());
        return Passes.fire(passed, Passes.pass(member, "en", Instant.now(), false));
    }

    /** A course picture, as the review page of an item with a picture links it. */
    private String courseImage() {
        Document page = Jsoup.parse(given().auth().oauth2(token(COALITION_ADMIN)).get("/review/courses/sample/items/carving-material")
                .then().statusCode(200).extract().asString());
        Element image = page.selectFirst("img[src^=/assets/]");
        assertThat(image).as("a course picture on the item's review page").isNotNull();
        return image.attr("src");
    }
}
