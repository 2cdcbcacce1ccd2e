package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.certification.Certificate;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.reporting.Workshop;
import org.owlet.security.RouteMatrix;
import org.owlet.testing.Axe;
import org.owlet.testing.Browser;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * axe-core on every page type, in a real browser: one page per HTML route of the application's own route list (the
 * OpenAPI document, as {@link RouteMatrix} reads it), each in English and in Simplified Chinese, and at phone width
 * (390 px) too where the page has a table. Pages behind sign-in are opened by the demo user whose role they serve; the
 * learner's pages (feedback after an answer, every question of the final, the review, the result, the certificate)
 * come from walking the sample course. A route that is neither a page type below nor named as "not a page" fails the
 * test, so a new page cannot go unscanned. Zero serious or critical violations; the moderate and minor ones are
 * printed with the figure.
 */
@QuarkusTest
@Tag("browser")
class AccessibilityBrowserTest {

    static final String COURSE = "sample";
    static final String LEARNER = "ivan@individual.example";
    static final String COMPANY_ADMIN = "carl@acme.example";
    static final String COALITION_ADMIN = "cora@coalition.example";
    static final List<String> LANGUAGES = List.of("en", "zh-CN");

    /** Every HTML page route, with who opens it and what it shows. */
    static final Map<String, String> PAGE_TYPES = new LinkedHashMap<>();
    /** Every other route, and why it is not a page. */
    static final Map<String, String> NOT_PAGES = new LinkedHashMap<>();
    static {
        PAGE_TYPES.put("GET /", "anyone: welcome");
        PAGE_TYPES.put("GET /verify", "anyone: verification form");
        PAGE_TYPES.put("GET /verify/{code}", "anyone: a verified certificate");
        PAGE_TYPES.put("GET /home", "learner: home");
        PAGE_TYPES.put("GET /home/progress", "learner: my progress (tables)");
        PAGE_TYPES.put("GET /learn", "learner: course catalog");
        PAGE_TYPES.put("GET /learn/{courseId}", "learner: course page");
        PAGE_TYPES.put("GET /learn/{courseId}/lessons/{lessonId}", "learner: lesson");
        PAGE_TYPES.put("GET /learn/{courseId}/drills/{drillId}", "learner: drill card");
        PAGE_TYPES.put("GET /learn/{courseId}/drills/{drillId}/feedback/{answerId}", "learner: drill feedback");
        PAGE_TYPES.put("GET /learn/attempts/{attemptId}", "learner: quiz and final questions, review before submit");
        PAGE_TYPES.put("GET /learn/attempts/{attemptId}/feedback/{answerId}", "learner: quiz feedback");
        PAGE_TYPES.put("GET /learn/attempts/{attemptId}/result", "learner: quiz and final results");
        PAGE_TYPES.put("GET /me", "learner: account");
        PAGE_TYPES.put("GET /me/erase", "learner: erase confirmation");
        PAGE_TYPES.put("GET /me/certificates", "learner: my certificates (table)");
        PAGE_TYPES.put("GET /team", "company admin: dashboard");
        PAGE_TYPES.put("GET /team/members", "company admin: members (table)");
        PAGE_TYPES.put("GET /team/progress", "company admin: progress (table)");
        PAGE_TYPES.put("GET /team/progress/{memberId}", "company admin: one member's progress");
        PAGE_TYPES.put("GET /team/assignments", "company admin: assignments");
        PAGE_TYPES.put("GET /team/members/{id}/remove", "company admin: removal confirmation");
        PAGE_TYPES.put("GET /team/invitations", "company admin: invitations");
        PAGE_TYPES.put("GET /team/certificates", "company admin: renewals");
        PAGE_TYPES.put("GET /admin/companies", "coalition admin: companies (table)");
        PAGE_TYPES.put("GET /admin/companies/new", "coalition admin: new company form");
        PAGE_TYPES.put("GET /admin/companies/{slug}", "coalition admin: company form");
        PAGE_TYPES.put("GET /admin/companies/{slug}/deactivate", "coalition admin: deactivation confirmation");
        PAGE_TYPES.put("GET /admin/reports", "coalition admin: reports");
        PAGE_TYPES.put("GET /admin/workshops", "coalition admin: workshops");
        PAGE_TYPES.put("GET /admin/workshops/{id}", "coalition admin: one workshop");
        PAGE_TYPES.put("GET /admin/audit", "coalition admin: audit log (table)");
        PAGE_TYPES.put("GET /admin/certificates", "coalition admin: certificates");
        PAGE_TYPES.put("GET /admin/certificates/{id}/revoke", "coalition admin: revocation confirmation");
        PAGE_TYPES.put("GET /admin/certificates/{id}/name", "coalition admin: name correction");
        PAGE_TYPES.put("GET /review", "coalition admin: content review");
        PAGE_TYPES.put("GET /review/courses/{id}", "coalition admin: one course's content");
        PAGE_TYPES.put("GET /review/courses/{id}/items/{itemId}", "coalition admin: one item in every language");
        PAGE_TYPES.put("GET /review/courses/{id}/lessons/{lessonId}", "coalition admin: one lesson in every language");
        PAGE_TYPES.put("GET /review/sample", "coalition admin: sample of items");
        PAGE_TYPES.put("GET /review/integrity", "coalition admin: assessment integrity");
        PAGE_TYPES.put("GET /review/analysis", "coalition admin: item analysis");

        NOT_PAGES.put("GET /lang/{tag}", "redirect back after choosing a language");
        NOT_PAGES.put("GET /login", "redirect to the identity provider");
        NOT_PAGES.put("GET /logout", "redirect to the welcome page (signing out is a POST)");
        NOT_PAGES.put("GET /learn/{courseId}/modules/{moduleId}/start", "redirect to the course page");
        NOT_PAGES.put("GET /css/{file}", "stylesheet");
        NOT_PAGES.put("GET /js/{file}", "script");
        NOT_PAGES.put("GET /assets/{name}", "course picture");
        NOT_PAGES.put("GET /me/data.json", "JSON download");
        NOT_PAGES.put("GET /team/progress.csv", "CSV download");
        NOT_PAGES.put("GET /team/members.csv", "CSV download");
        NOT_PAGES.put("GET /review/analysis/items.csv", "CSV download");
        NOT_PAGES.put("GET /admin/audit/entries.json", "JSON download");
        NOT_PAGES.put("GET /me/certificates/{id}/certificate.pdf", "PDF download (tagged: CertificatePdfTest)");
        NOT_PAGES.put("GET /me/certificates/{id}/editions/{edition}/certificate.pdf", "PDF download (tagged: CertificatePdfTest)");
        NOT_PAGES.put("GET /me/certificates/{id}/badge.jwt", "credential download");
        NOT_PAGES.put("GET /me/certificates/{id}/badge.json", "credential download");
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    CatalogService catalog;

    private final List<Browser> browsers = new ArrayList<>();
    private final Map<String, Integer> byImpact = new TreeMap<>();
    private final List<String> serious = new ArrayList<>();
    private final List<String> others = new ArrayList<>();
    private final Map<String, Set<String>> scannedIn = new TreeMap<>();
    private List<Pattern> templates;
    private List<String> routes;
    private int scans;

    @AfterEach
    void quitBrowsers() throws IOException {
        for (Browser b : browsers) {
            b.close();
        }
    }

    @Test
    void everyPageTypeHasNoSeriousOrCriticalViolationsInEnglishAndChinese() {
        routes = RouteMatrix.discoveredRoutes().stream().filter(r -> r.startsWith("GET ")).toList();
        Set<String> unknown = new TreeSet<>(routes);
        unknown.removeIf(r -> PAGE_TYPES.containsKey(r) || NOT_PAGES.containsKey(r) || r.contains("/api/")
                || r.contains("/test-failures/"));
        assertThat(unknown).as("GET routes with no page-type entry in AccessibilityBrowserTest").isEmpty();
        assertThat(new TreeSet<>(PAGE_TYPES.keySet())).as("page types of routes that no longer exist")
                .allMatch(routes::contains);
        templates = PAGE_TYPES.keySet().stream().map(r -> Pattern.compile(
                r.substring(4).replaceAll("\\{[^}]+}", "[^/]+"))).toList();

        Company acme = Fixtures.acme();
        Member colleague = Fixtures.member(acme, "Dana Dürr " + Long.toString(System.nanoTime(), 36),
                "dana." + Long.toString(System.nanoTime(), 36) + "@acme.example");
        long workshop = QuarkusTransaction.requiringNew().call(() -> {
            Workshop w = new Workshop();
            w.heldOn = LocalDate.of(2026, 3, 4);
            w.company = Company.findById(acme.id);
            w.country = "NL";
            w.language = "en";
            w.trainer = "Tess Trainer";
            w.topic = "Ivory identification";
            w.headCount = 12;
            w.createdAt = Instant.now();
            w.persist();
            return w.id;
        });

        String verifyPath = learnerWalk();

        Browser anyone = browser("a11y-anyone");
        anyone.open("/");
        // the scanner itself: a picture without alt text added to the page is found (so a clean scan means something)
        ((JavascriptExecutor) anyone.driver()).executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/img/owlet.svg\" width=\"9\" height=\"9\">')");
        assertThat(Axe.scan(anyone.driver())).extracting(Axe.Violation::rule).as("axe-core on a page with a planted fault")
                .contains("image-alt");
        anyone.open("/");
        scan(anyone);
        anyone.open("/verify");
        scan(anyone);
        anyone.open(verifyPath);
        scan(anyone);

        Browser carl = browser("a11y-company-admin");
        carl.signIn(COMPANY_ADMIN, "/team");
        for (String path : List.of("/team", "/team/members", "/team/progress", "/team/progress/" + colleague.id,
                "/team/assignments", "/team/members/" + colleague.id + "/remove", "/team/invitations",
                "/team/certificates")) {
            carl.open(path);
            scan(carl);
        }

        Browser cora = browser("a11y-coalition-admin");
        cora.signIn(COALITION_ADMIN, "/admin/reports");
        long certificate = QuarkusTransaction.requiringNew().call(() -> Certificate
                .<Certificate> find("member.email = ?1 order by id desc", LEARNER).firstResult().id);
        for (String path : List.of("/admin/reports", "/admin/companies", "/admin/companies/new",
                "/admin/companies/" + acme.slug, "/admin/companies/" + acme.slug + "/deactivate", "/admin/workshops",
                "/admin/workshops/" + workshop, "/admin/audit", "/admin/certificates",
                "/admin/certificates/" + certificate + "/revoke", "/admin/certificates/" + certificate + "/name", "/review",
                "/review/courses/" + COURSE, "/review/courses/" + COURSE + "/items/carving-material",
                "/review/courses/" + COURSE + "/lessons/basics", "/review/sample", "/review/integrity", "/review/analysis")) {
            cora.open(path);
            scan(cora);
        }
        // a failed form: the error summary is scanned too, and focus is on it (not on the body)
        for (String language : LANGUAGES) {
            cora.open("/lang/" + language + "?return=%2Fadmin%2Fcompanies%2Fnew");
            cora.clickAndWait(cora.find("main form button[type=submit]"));
            assertThat(cora.findAll("main .error-summary")).as("the error summary after an empty company form").hasSize(1);
            assertThat(activeElementClass(cora)).as("focus after a failed submit (" + language + ")").contains("error-summary");
            scanHere(cora, "POST /admin/companies", language);
        }
        cora.open("/lang/en?return=%2Fadmin%2Freports");

        Set<String> unscanned = new TreeSet<>();
        for (String route : PAGE_TYPES.keySet()) {
            if (!scannedIn.getOrDefault(route, Set.of()).containsAll(LANGUAGES)) {
                unscanned.add(route + " " + scannedIn.getOrDefault(route, Set.of()));
            }
        }
        System.out.printf("axe: %d pages scanned, violations by impact: critical %d, serious %d, moderate %d, minor %d%n",
                scans, byImpact.getOrDefault("critical", 0), byImpact.getOrDefault("serious", 0),
                byImpact.getOrDefault("moderate", 0), byImpact.getOrDefault("minor", 0));
        others.forEach(o -> System.out.println("axe: " + o));
        assertThat(unscanned).as("page types not scanned in every language").isEmpty();
        assertThat(serious).as("serious or critical axe-core violations").isEmpty();
        assertThat(scans).as("scans").isGreaterThanOrEqualTo(PAGE_TYPES.size() * LANGUAGES.size());
    }

    /** The learner's pages, from enrolment to the certificate; returns the path of the certificate's verification page. */
    private String learnerWalk() {
        Browser b = browser("a11y-learner");
        b.signIn(LEARNER, "/home");
        scan(b);
        b.open("/learn");
        scan(b);
        b.clickAndWait(b.find("form[action='/learn/" + COURSE + "/enrol'] button"));
        scan(b);
        b.clickAndWait(b.find("li#basics a"));
        scan(b);
        b.clickAndWait(b.find("form[action$='/lessons/basics/read'] button"));
        b.clickAndWait(b.find("li#cards a"));
        scan(b);
        answer(b);
        assertThat(b.path()).contains("/feedback/");
        scan(b);
        // the final's gate wants every drill card seen: the deck's second card
        b.clickAndWait(b.find("main a.button"));
        answer(b);

        b.open("/learn/" + COURSE);
        b.clickAndWait(b.find("li#check form button.link"));
        String quiz = b.path();
        for (int n = 0; n < 2; n++) {
            scan(b);
            answer(b);
            assertThat(b.path()).startsWith(quiz + "/feedback/");
            scan(b);
            b.clickAndWait(b.find("main a.button"));
        }
        scan(b); // the review before submitting
        b.clickAndWait(b.find("form[action$='/submit'] button"));
        scan(b);

        int questions = catalog.course(COURSE).orElseThrow().finalAssessment().orElseThrow().draw();
        b.open("/learn/" + COURSE);
        b.clickAndWait(b.find("li#final form button.link"));
        for (int n = 0; n < questions; n++) {
            scan(b);
            answer(b);
        }
        scan(b);
        b.clickAndWait(b.find("form[action$='/submit'] button"));
        assertThat(b.text(".score")).contains("100");
        scan(b);

        for (String path : List.of("/home", "/home/progress", "/me", "/me/erase", "/me/certificates")) {
            b.open(path);
            scan(b);
        }
        return URI.create(b.find("main a[href*='/verify/']").getDomAttribute("href")).getPath();
    }

    /** Answers the question on the page from the course's answer key, and sends it. */
    private void answer(Browser b) {
        WebElement form = b.find("form.card-form");
        String itemId = form.findElement(By.cssSelector("input[name=item]")).getDomAttribute("value");
        AnswerKey key = catalog.course(COURSE).orElseThrow().item(itemId).orElseThrow().key();
        if (key instanceof AnswerKey.Choice choice) {
            choice.correct().forEach(id -> Browser.check(form, "option", id));
        } else if (key instanceof AnswerKey.Regions regions) {
            Browser.check(form, "region", regions.targets().iterator().next());
        } else if (key instanceof AnswerKey.Triage triage) {
            Browser.check(form, "decision", triage.decision().name().toLowerCase(Locale.ROOT));
            triage.redFlags().forEach(id -> Browser.check(form, "phrase", id));
        } else if (key instanceof AnswerKey.Truth truth) {
            Browser.check(form, "truth", Boolean.toString(truth.value()));
        } else {
            throw new AssertionError("unknown key " + key);
        }
        b.clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Scans the page the browser shows in every language (at 1280 px, and at 390 px where it has a table). */
    private void scan(Browser b) {
        String here = URI.create(b.driver().getCurrentUrl()).getRawPath()
                + (URI.create(b.driver().getCurrentUrl()).getRawQuery() == null ? ""
                        : "?" + URI.create(b.driver().getCurrentUrl()).getRawQuery());
        String route = routeOf(b.path());
        for (String language : LANGUAGES) {
            b.open("/lang/" + language + "?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
            assertThat(b.path()).as("back on the page after choosing " + language).isEqualTo(URI.create(here).getPath());
            scanHere(b, route, language);
        }
        b.open("/lang/en?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    }

    private void scanHere(Browser b, String route, String language) {
        assertThat(b.lang()).isEqualTo(language);
        record(route, language, "1280", Axe.scan(b.driver()), b);
        if (!b.findAll("main table").isEmpty()) {
            Dimension wide = b.driver().manage().window().getSize();
            b.driver().manage().window().setSize(new Dimension(390, 844));
            try {
                record(route, language, "390", Axe.scan(b.driver()), b);
            } finally {
                b.driver().manage().window().setSize(wide);
            }
        }
        scannedIn.computeIfAbsent(route, r -> new TreeSet<>()).add(language);
    }

    private void record(String route, String language, String width, List<Axe.Violation> violations, Browser b) {
        scans++;
        for (Axe.Violation v : violations) {
            byImpact.merge(v.impact(), 1, Integer::sum);
            String line = v.impact() + " " + v.rule() + " on " + b.path() + " (" + route + ", " + language + ", " + width
                    + " px): " + v.help() + " " + v.nodes();
            (Set.of("serious", "critical").contains(v.impact()) ? serious : others).add(line);
        }
    }

    /** The page route a path belongs to: the matching template with the fewest parameters. */
    private String routeOf(String path) {
        List<String> keys = new ArrayList<>(PAGE_TYPES.keySet());
        String best = null;
        for (int i = 0; i < keys.size(); i++) {
            if (templates.get(i).matcher(path).matches()) {
                String candidate = keys.get(i);
                if (best == null || Comparator.<String> comparingLong(k -> k.chars().filter(c -> c == '{').count())
                        .compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        assertThat(best).as("the page route of " + path).isNotNull();
        return best;
    }

    private static String activeElementClass(Browser b) {
        return String.valueOf(((JavascriptExecutor) b.driver()).executeScript("return document.activeElement.className"));
    }

    private Browser browser(String journey) {
        try {
            Browser b = new Browser(base, journey);
            browsers.add(b);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
