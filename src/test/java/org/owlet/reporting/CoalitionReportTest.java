package org.owlet.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Certificate;
import org.owlet.certification.CertificationService;
import org.owlet.learning.Activity;
import org.owlet.learning.Attempt;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
import org.owlet.organization.Region;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The coalition's figures over a known history in 2019 (no other test writes certificates that long ago), built once:
 *
 * <pre>
 * Kenya Co (rep-ke, Africa, KE)   Ana: certified 2019-03-10 (en) and renewed 2019-11-01 (en); attended workshop W1
 *                                 Ben: certified 2019-05-05 (fr), then erased
 * Viet Co (rep-vn, Asia, VN)      Cy: certified 2019-02-01 (vi) here, then moved to Dutch Co and renewed 2019-08-01 (vi)
 * Dutch Co (rep-nl, Europe, NL)   Eve: certified 2019-07-07, revoked; Fay: certified 2018-12-31 (before the period)
 * no company                      Dee: certified 2019-06-06 (en)
 * W1 2019-09-09 Kenya Co, Swahili: Ana (matched by email), Gil (no member), and 5 by head count
 * W2 2019-10-10 Viet Co, English: Gil again
 * </pre>
 *
 * Expected in 2019: online 4 (Ana, Ben, Cy, Dee), workshops 2 named + 5 = 7, combined 5 named + 5 = 10 (Ana once),
 * 3 companies in 3 regions and 3 countries.
 */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
class CoalitionReportTest {

    static final String Y = "2019";
    static boolean seeded;
    static String gil;

    @Inject
    CertificationService certification;

    @Inject
    MemberService members;

    @Inject
    WorkshopService workshops;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Company ke = company("rep-ke", "Kenya Co", Region.AFRICA, "KE");
        Company vn = company("rep-vn", "Viet Co", Region.ASIA, "VN");
        Company nl = company("rep-nl", "Dutch Co", Region.EUROPE, "NL");
        Member ana = Fixtures.member(ke, "Ana " + tag, "ana." + tag + "@rep-ke.example");
        Member ben = Fixtures.member(ke, "Ben " + tag, "ben." + tag + "@rep-ke.example");
        Member cy = Fixtures.member(vn, "Cy " + tag, "cy." + tag + "@rep-vn.example");
        Member dee = Fixtures.member(null, "Dee " + tag, "dee." + tag + "@individual.example");
        Member eve = Fixtures.member(nl, "Eve " + tag, "eve." + tag + "@rep-nl.example");
        Member fay = Fixtures.member(nl, "Fay " + tag, "fay." + tag + "@rep-nl.example");
        certify(ana, ke, "2019-03-10", "en", false);
        certify(ana, ke, "2019-11-01", "en", true);
        certify(ben, ke, "2019-05-05", "fr", false);
        certify(cy, vn, "2019-02-01", "vi", false);
        QuarkusTransaction.requiringNew().run(() -> {
            Member m = Member.findById(cy.id);
            m.company = Company.findById(nl.id);
        });
        certify(cy, nl, "2019-08-01", "vi", true);
        certify(dee, null, "2019-06-06", "en", false);
        Certificate revoked = certify(eve, nl, "2019-07-07", "en", false);
        QuarkusTransaction.requiringNew().run(() -> certification.revoke(null, revoked.id, "issued in error"));
        certify(fay, nl, "2018-12-31", "en", false);
        QuarkusTransaction.requiringNew().run(() -> members.erase(Member.findById(ben.id)));

        gil = "gil." + tag + "@example.org";
        long w1 = QuarkusTransaction.requiringNew().call(() -> workshops.record(null,
                new WorkshopService.Form("2019-09-09", "rep-ke", "KE", "sw", "Wanjiru K.", "Ivory and its look-alikes", "5")).id);
        given().multiPart("csv", "name,email\nAna," + ana.email.toUpperCase() + "\nGil," + gil + "\n").redirects().follow(false)
                .post("/admin/workshops/" + w1 + "/attendees").then().statusCode(303);
        long w2 = QuarkusTransaction.requiringNew().call(() -> workshops.record(null,
                new WorkshopService.Form("2019-10-10", "rep-vn", "VN", "en", "Minh T.", "Coded language", "0")).id);
        given().multiPart("csv", "email\n" + gil + "\n").redirects().follow(false).post("/admin/workshops/" + w2 + "/attendees").then()
                .statusCode(303);
        seeded = true;
    }

    static Company company(String slug, String name, Region region, String country) {
        Company c = Fixtures.company(slug, name, null, slug + ".example", region);
        QuarkusTransaction.requiringNew().run(() -> {
            Company fresh = Company.findById(c.id);
            fresh.country = country;
        });
        return c;
    }

    /** A passed final on {@code day} and its certificate, for the company given (the company at the time). */
    Certificate certify(Member member, Company company, String day, String language, boolean refresher) {
        Instant at = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        long attemptId = QuarkusTransaction.requiringNew().call(() -> {
            Attempt attempt = new Attempt();
            attempt.member = Member.findById(member.id);
            attempt.company = company == null ? null : Company.findById(company.id);
            attempt.courseId = "sample";
            attempt.courseVersion = "1.0";
            attempt.contentHash = "test";
            attempt.moduleId = refresher ? "refresher" : "final";
            attempt.kind = refresher ? Activity.REFRESHER : Activity.FINAL;
            attempt.language = language;
            attempt.itemIds = "q1";
            attempt.seed = 1;
            attempt.startedAt = at;
            attempt.submittedAt = at;
            attempt.score = 0.9;
            attempt.passed = true;
            attempt.persist();
            return attempt.id;
        });
        return QuarkusTransaction.requiringNew().call(() -> certification.issue(new FinalAssessmentPassed(member.id,
                company == null ? null : company.id, "sample", "1.0", null, language, 0.9, attemptId, refresher, at)));
    }

    private static JsonPath trained(String query) {
        return given().accept("application/json").get("/api/v1/reports/trained?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** group key → [online, workshops, combined] */
    private static Map<String, List<Integer>> groups(JsonPath json) {
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (Map<String, Object> g : json.<Map<String, Object>> getList("groups")) {
            groups.put((String) g.get("key"),
                    List.of((Integer) g.get("elearning"), (Integer) g.get("workshop"), (Integer) g.get("combined")));
        }
        return groups;
    }

    @Test
    void theYearsTotalsAndEveryBreakdown() {
        JsonPath total = trained("period=" + Y);
        assertThat(total.getMap("totals")).containsEntry("elearning", 4).containsEntry("workshop", 7).containsEntry("combined", 10)
                .containsEntry("headCount", 5).containsEntry("companies", 3).containsEntry("regions", 3).containsEntry("countries", 3);
        assertThat(total.getString("definition")).contains("distinct person", "company at the time", "revoked");
        assertThat(total.getString("period.from")).isEqualTo("2019-01-01");
        assertThat(total.getString("period.to")).isEqualTo("2019-12-31");
        assertThat(total.getString("generatedAt")).isNotBlank();
        assertThat(total.getString("owletVersion")).isNotBlank();

        assertThat(groups(trained("period=2019&groupBy=company"))).containsExactly(
                Map.entry("rep-ke", List.of(2, 7, 8)), Map.entry("rep-vn", List.of(1, 1, 2)), Map.entry("rep-nl", List.of(1, 0, 1)),
                Map.entry("individual", List.of(1, 0, 1)));
        assertThat(groups(trained("period=2019&groupBy=region"))).containsExactly(
                Map.entry("AFRICA", List.of(2, 7, 8)), Map.entry("ASIA", List.of(1, 1, 2)), Map.entry("EUROPE", List.of(1, 0, 1)),
                Map.entry("individual", List.of(1, 0, 1)));
        assertThat(groups(trained("period=2019&groupBy=country"))).containsExactly(
                Map.entry("KE", List.of(2, 7, 8)), Map.entry("VN", List.of(1, 1, 2)), Map.entry("NL", List.of(1, 0, 1)),
                Map.entry("individual", List.of(1, 0, 1)));
        assertThat(groups(trained("period=2019&groupBy=course"))).containsExactly(
                Map.entry("workshop", List.of(0, 7, 7)), Map.entry("sample", List.of(4, 0, 4)));
        assertThat(groups(trained("period=2019&groupBy=language"))).containsExactly(
                Map.entry("sw", List.of(0, 7, 7)), Map.entry("en", List.of(2, 1, 3)), Map.entry("fr", List.of(1, 0, 1)),
                Map.entry("vi", List.of(1, 0, 1)));
    }

    @Test
    void renewalsCountInTheirOwnPeriodAndCustomDatesWork() {
        JsonPath q4 = trained("period=2019-Q4");
        assertThat(q4.getMap("totals")).containsEntry("elearning", 1).containsEntry("workshop", 1).containsEntry("combined", 2);
        JsonPath q1 = trained("period=2019-Q1&groupBy=company");
        assertThat(groups(q1)).containsOnly(Map.entry("rep-ke", List.of(1, 0, 1)), Map.entry("rep-vn", List.of(1, 0, 1)));
        JsonPath custom = trained("from=2019-06-01&to=2019-08-31");
        assertThat(custom.getMap("totals")).containsEntry("elearning", 2).containsEntry("combined", 2); // Dee, Cy
        JsonPath march = trained("period=2019-03");
        assertThat(march.getMap("totals")).containsEntry("elearning", 1);
    }

    @Test
    void currentlyCertifiedOnADay() {
        JsonPath json = given().get("/api/v1/reports/certified?at=2019-06-30&groupBy=company").then().statusCode(200).extract().jsonPath();
        assertThat(json.getInt("total")).isEqualTo(5); // Ana, Ben, Cy (Viet Co), Dee, Fay; Eve's is revoked
        Map<String, Integer> byCompany = new java.util.LinkedHashMap<>();
        json.<Map<String, Object>> getList("groups").forEach(g -> byCompany.put((String) g.get("key"), (Integer) g.get("certified")));
        assertThat(byCompany).containsOnly(Map.entry("rep-ke", 2), Map.entry("rep-nl", 1), Map.entry("rep-vn", 1),
                Map.entry("individual", 1));
        assertThat(byCompany.keySet()).startsWith("rep-ke").endsWith("individual"); // largest first, individuals last
        assertThat(json.getString("definition")).contains("valid that day");
    }

    @Test
    void theCsvHasTheSameNumbersAndSaysWhatItCounts() {
        byte[] bytes = given().accept("text/csv").get("/api/v1/reports/trained?period=2019&groupBy=company").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv).contains("report,trained-employees", "period.from,2019-01-01", "period.to,2019-12-31", "filters.groupBy,company",
                "owletVersion,", "generatedAt,");
        assertThat(csv).contains("\r\ngroup,label,elearning,workshop,combined,suppressed\r\n", "\r\ntotal,All,4,7,10,false\r\n",
                "\r\nrep-ke,Kenya Co,2,7,8,false\r\n", "\r\nindividual,Individual learners,1,0,1,false\r\n");
        assertThat(given().get("/api/v1/reports/trained?period=2019&format=csv").then().statusCode(200).extract().asString())
                .contains("\r\ntotal,All,4,7,10,false\r\n");
    }

    @Test
    void theAuditFileListsPseudonymsWithoutDoubleCounting() {
        JsonPath json = trained("period=2019&groupBy=company&audit=true");
        List<String> online = json.getList("totalPersons.elearning");
        List<String> workshop = json.getList("totalPersons.workshop");
        assertThat(online).hasSize(4).doesNotHaveDuplicates();
        assertThat(workshop).hasSize(2);
        Set<String> combined = new HashSet<>(online);
        combined.addAll(workshop);
        assertThat(combined).as("Ana trained both ways counts once").hasSize(5);
        assertThat(json.getLong("totalPersons.headCount")).isEqualTo(5);
        Map<String, Object> ke = json.<Map<String, Object>> getList("groups").get(0);
        assertThat(ke.get("key")).isEqualTo("rep-ke");
        @SuppressWarnings("unchecked")
        Map<String, Object> kePersons = (Map<String, Object>) ke.get("persons");
        @SuppressWarnings("unchecked")
        List<String> keOnline = (List<String>) kePersons.get("elearning");
        @SuppressWarnings("unchecked")
        List<String> keWorkshop = (List<String>) kePersons.get("workshop");
        assertThat(keOnline).hasSize(2).isSubsetOf(online);
        assertThat(keWorkshop).hasSize(2).containsAnyElementsOf(keOnline); // Ana
        // no pseudonym is a person key, and the next export gives everyone new ones
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> Member.<Member> list("email like '%rep-%'").stream()
                .map(m -> m.personKey).toList());
        assertThat(online).doesNotContainAnyElementsOf(keys);
        assertThat(trained("period=2019&audit=true").<String> getList("totalPersons.elearning")).doesNotContainAnyElementsOf(online);
        // the CSV audit file: one row per person and group
        String csv = given().get("/api/v1/reports/trained?period=2019&groupBy=company&audit=true&format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("\r\ngroup,label,source,person,headCount\r\n", "\r\nrep-ke,Kenya Co,headcount,,5\r\n");
        assertThat(csv.lines().filter(l -> l.startsWith("total,All,elearning,")).count()).isEqualTo(4);
    }

    @Test
    void theDashboardShowsTheSameFiguresAndTheHeadlineInEachLanguage() {
        Document page = Jsoup.parse(given().get("/admin/reports?period=2019").then().statusCode(200).extract().asString());
        assertThat(page.select("#figure-elearning").text()).isEqualTo("4");
        assertThat(page.select("#figure-workshop").text()).isEqualTo("7");
        assertThat(page.select("#figure-combined").text()).isEqualTo("10");
        assertThat(page.select("#figure-companies").text()).isEqualTo("3");
        assertThat(page.select("#headline").text()).isEqualTo("10 employees trained across 3 companies in 3 regions");
        assertThat(page.select("#table-company tr[data-key]").eachAttr("data-key")).startsWith(companyId("rep-ke"));
        assertThat(page.select("svg.chart")).hasSize(1);
        assertThat(page.select("#trend-table tbody tr")).hasSize(12);
        String french = given().cookie("owlet_lang", "fr").get("/admin/reports?period=2019").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(french).select("#headline").text()).contains("10", "3").isNotEqualTo(
                "10 employees trained across 3 companies in 3 regions");
        // bad input: the page says what is wrong and shows last year's figures
        Document bad = Jsoup.parse(given().get("/admin/reports?period=2019-Q5").then().statusCode(400).extract().asString());
        assertThat(bad.select(".error-summary").text()).contains("2019-Q5");
        given().get("/api/v1/reports/trained?groupBy=planet").then().statusCode(400);
        given().get("/api/v1/reports/trained?from=2019-05-01&to=2019-04-01").then().statusCode(400);
    }

    private static String companyId(String slug) {
        return String.valueOf(Company.findBySlug(slug).map(c -> c.id).orElseThrow());
    }

    @Test
    void workshopImportErrorsNameTheRowAndColumnAndImportNothing() {
        long w = QuarkusTransaction.requiringNew().call(() -> workshops.record(null,
                new WorkshopService.Form("2019-12-01", "", "BR", "pt", "Ana P.", "Live animals", "0")).id);
        String csv = "email,name,phone\nok@example.org,Ok\nnot-an-email,Bad\n,Empty\nok@example.org,Twice\n";
        Document page = Jsoup.parse(given().multiPart("csv", csv).post("/admin/workshops/" + w + "/attendees").then().statusCode(400)
                .extract().asString());
        List<String> errors = new ArrayList<>(page.select("#row-errors li").eachText());
        assertThat(errors).containsExactly("Row 1, column \"phone\": Unknown column: only email and name are read. phone");
        page = Jsoup.parse(given().multiPart("csv", "email,name\nok@example.org,Ok\nnot-an-email,Bad\n,Empty\nok@example.org,Twice\n")
                .post("/admin/workshops/" + w + "/attendees").then().statusCode(400).extract().asString());
        assertThat(page.select("#row-errors li").eachText()).containsExactly(
                "Row 3, column \"email\": This is not an email address. not-an-email",
                "Row 4, column \"email\": The email is missing.",
                "Row 5, column \"email\": The same person appears on an earlier row. ok@example.org");
        assertThat(page.select("textarea#i-csv").text()).contains("not-an-email"); // what was typed is kept
        assertThat(QuarkusTransaction.requiringNew().call(() -> WorkshopAttendee.count("workshop.id", w))).isZero();
        // a form with mistakes keeps what was typed
        Document form = Jsoup.parse(given().formParam("heldOn", "2999-01-01").formParam("country", "Kenya").formParam("language", "en")
                .formParam("trainer", "T").formParam("topic", "").formParam("headCount", "-1").post("/admin/workshops").then()
                .statusCode(400)
                .extract().asString());
        assertThat(form.select(".error-summary li a").eachAttr("href")).containsExactly("#w-heldOn", "#w-country", "#w-topic",
                "#w-headCount");
        assertThat(form.select("input#w-country").attr("value")).isEqualTo("Kenya");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = 'workshop.recorded'")))
                .isGreaterThanOrEqualTo(3);
    }
}
