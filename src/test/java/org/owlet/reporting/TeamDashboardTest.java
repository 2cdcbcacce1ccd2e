package org.owlet.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.AssessmentService;
import org.owlet.learning.AttemptGrant;
import org.owlet.learning.EnrolmentService;
import org.owlet.organization.AuditEntry;
import org.owlet.organization.Member;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/** The company admin's dashboard, member list, CSV, completion API, assignments, extra attempts and reminders. */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "uma@umbrella.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "uma-subject"), @Claim(key = "name", value = "Uma Umbrella"),
        @Claim(key = "email", value = "uma@umbrella.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"umbrella\"]", type = ClaimType.JSON_ARRAY) })
class TeamDashboardTest {

    @Inject
    Reminders reminders;

    @Inject
    MockMailbox mailbox;

    @Inject
    AssessmentService assessments;

    @Inject
    EnrolmentService enrolments;

    TeamMix mix;

    @BeforeEach
    void build() {
        TeamMix.company();
        given().get("/team/members").then().statusCode(200); // the admin signs in and joins Umbrella
        Member admin = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("uma-subject").orElseThrow());
        mix = TeamMix.build(admin);
    }

    @Test
    void theDashboardCountsTheKnownMix() {
        Document page = Jsoup.parse(given().get("/team").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Training at Umbrella Search");
        Map<String, Integer> expected = Map.of("members", 10, "enrolled", 7, "in_progress", 2, "completed", 5, "certified", 4,
                "expiring30", 1, "expiring60", 2, "expiring90", 2, "overdue", 5);
        expected.forEach((key, value) -> assertThat(page.selectFirst("#figure-" + key).text()).as(key).isEqualTo(value.toString()));
        assertThat(page.select("#courses tr[data-course=sample] td").eachText()).startsWith("7", "2", "5", "4", "1", "5", "40 % 40 %");
        assertThat(page.select("#languages tr[data-language=en] td").eachText()).containsExactly("3", "1", "2", "2");
        assertThat(page.select("#languages tr[data-language=vi] td").eachText()).containsExactly("1", "1", "0", "0");
        assertThat(page.select("#languages tr[data-language=fr] td").eachText()).containsExactly("2", "0", "2", "1");
        assertThat(page.select("#languages tr[data-language=zh-CN] td").eachText()).containsExactly("1", "0", "1", "1");
        List<String> overTime = page.select("#over-time-table tbody td").eachText();
        assertThat(overTime).hasSize(24);
        assertThat(overTime.get(23)).isEqualTo("4");
        assertThat(page.select("svg.chart rect.chart-bar")).hasSize(24);
        assertThat(page.select("svg.chart").attr("aria-hidden")).isEqualTo("true");
        assertThat(page.select("details.definitions").text()).contains("valid today");
        assertThat(page.html()).doesNotContain("Gabor", "globex.example");
        assertThat(page.select("a[href^=/api/v1/coded-terms]").attr("href")).isEqualTo("/api/v1/coded-terms?lang=en&format=csv");
    }

    @Test
    void theMemberListFiltersSortsAndPages() {
        assertThat(names(Map.of())).hasSize(10);
        assertThat(names(Map.of("status", "certified"))).containsExactlyInAnyOrder(label(mix.cede), label(mix.eve), label(mix.sixty),
                label(mix.mo));
        assertThat(names(Map.of("overdue", "1"))).containsExactlyInAnyOrder("Uma Umbrella", TeamMix.NORA, label(mix.ivan),
                label(mix.cora), label(mix.otto));
        assertThat(names(Map.of("expiring", "30"))).containsExactly(label(mix.eve));
        assertThat(names(Map.of("expiring", "60", "sort", "expires"))).containsExactly(label(mix.eve), label(mix.sixty));
        assertThat(names(Map.of("language", "fr"))).containsExactlyInAnyOrder(label(mix.cora), label(mix.mo));
        assertThat(names(Map.of("status", "in-progress", "q", mix.otto.email.toUpperCase()))).containsExactly(label(mix.otto));
        Document page = Jsoup.parse(given().get("/team/progress").then().statusCode(200).extract().asString());
        assertThat(page.select("tr[data-member=" + mix.jay.id + "] td[data-course=sample]").text()).contains("due ")
                .doesNotContain("overdue");
        assertThat(page.select("tr[data-member=" + mix.otto.id + "] td[data-course=sample] strong").text()).startsWith("overdue since");
    }

    @Test
    void theCsvHasABomNeutralisedFormulasAndTheTableColumns() {
        byte[] bytes = given().queryParam("sort", "name").get("/team/progress.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("name,email,language,sample:status,sample:completed_on,sample:certified_until,sample:due_on,sample:overdue");
        assertThat(lines).hasSize(11);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").doesNotContain("\n=HYPERLINK", ",=HYPERLINK");
        String eve = lines.stream().filter(l -> l.startsWith(label(mix.eve))).findFirst().orElseThrow();
        assertThat(eve).isEqualTo(label(mix.eve) + "," + mix.eve.email + ",zh-CN,certified," + mix.today.minusDays(300) + ","
                + mix.today.plusDays(20) + "," + mix.today.minusDays(2) + ",no");
        assertThat(given().queryParam("status", "certified").get("/team/progress.csv").then().extract().asString().lines()).hasSize(5);
    }

    @Test
    void theCompletionApiMatchesTheDashboard() {
        JsonPath json = given().get("/api/v1/companies/umbrella/completion").then().statusCode(200).extract().jsonPath();
        assertThat(json.getInt("headline.members")).isEqualTo(10);
        assertThat(json.getInt("headline.enrolled")).isEqualTo(7);
        assertThat(json.getInt("headline.inProgress")).isEqualTo(2);
        assertThat(json.getInt("headline.completed")).isEqualTo(5);
        assertThat(json.getInt("headline.certified")).isEqualTo(4);
        assertThat(json.getInt("headline.expiring30")).isEqualTo(1);
        assertThat(json.getInt("headline.expiring60")).isEqualTo(2);
        assertThat(json.getInt("headline.overdue")).isEqualTo(5);
        assertThat(json.getInt("courses.sample.certified")).isEqualTo(4);
        assertThat(json.getList("members")).hasSize(10);
        assertThat(json.getString("members.find { it.id == " + mix.jay.id + " }.courses[0].dueOn"))
                .isEqualTo(mix.today.minusDays(1).plusDays(28).toString());
        assertThat(json.getString("members.find { it.id == " + mix.mo.id + " }.courses[0].status")).isEqualTo("certified");
        given().get("/api/v1/companies/globex/completion").then().statusCode(404);
        given().get("/api/v1/companies/no-such-company/completion").then().statusCode(404);
    }

    @Test
    void assigningChangingAndCancellingIsAudited() {
        String due = mix.today.plusDays(14).toString();
        String error = given().redirects().follow(false).formParam("course", "sample").formParam("to", "chosen")
                .formParam("emails", mix.ivan.email + "\nnobody@umbrella.example").formParam("due", due).post("/team/assignments")
                .then().statusCode(400).extract().asString();
        assertThat(error).contains("line 2: nobody@umbrella.example", "No member of your company has this email address.",
                "nobody@umbrella.example</textarea>");
        given().redirects().follow(false).formParam("course", "sample").formParam("to", "chosen").formParam("emails", mix.jay.email)
                .formParam("due", mix.today.minusDays(1).toString()).post("/team/assignments").then().statusCode(400);
        given().redirects().follow(false).formParam("course", "sample").formParam("to", "chosen")
                .formParam("emails", mix.ivan.email + ", " + mix.jay.email).formParam("due", due).post("/team/assignments").then()
                .statusCode(303);
        Document list = Jsoup.parse(given().get("/team/assignments").then().statusCode(200).extract().asString());
        assertThat(list.select("#assignments tbody tr")).hasSize(4); // everyone, Otto's, Ivan's, Jay's
        long ivans = QuarkusTransaction.requiringNew().call(() -> org.owlet.learning.Assignment.<org.owlet.learning.Assignment> find(
                "member.id = ?1", mix.ivan.id).firstResult().id);
        given().redirects().follow(false).formParam("due", mix.today.plusDays(30).toString()).post("/team/assignments/" + ivans + "/due")
                .then().statusCode(303);
        given().redirects().follow(false).post("/team/assignments/" + ivans + "/cancel").then().statusCode(303);
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "target.id = ?1 and action like 'assignment.%' order by id", mix.ivan.id).stream().map(e -> e.action).toList());
        assertThat(actions).containsExactly("assignment.created", "assignment.changed", "assignment.cancelled");
        // Ivan is back to the everyone assignment: overdue again
        assertThat(names(Map.of("overdue", "1"))).contains(label(mix.ivan)).doesNotContain(label(mix.jay));
    }

    @Test
    void anExtraAttemptNeedsAReasonIsAuditedAndTheLearnerSeesIt() {
        TeamMix.failFinals(mix.otto, 3);
        Document before = Jsoup.parse(given().get("/team/progress/" + mix.otto.id).then().statusCode(200).extract().asString());
        assertThat(before.select("form[action=/team/progress/" + mix.otto.id + "/grant]")).hasSize(1);
        assertThat(before.text()).contains("30 %", "Not passed").doesNotContain("q1");
        given().redirects().follow(false).formParam("course", "sample").formParam("reason", " ")
                .post("/team/progress/" + mix.otto.id + "/grant")
                .then().statusCode(400);
        given().redirects().follow(false).formParam("course", "sample").formParam("reason", "Network failed during the test")
                .post("/team/progress/" + mix.otto.id + "/grant").then().statusCode(303);
        List<AttemptGrant> grants = QuarkusTransaction.requiringNew().call(() -> assessments.grants(mix.otto, "sample"));
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).reason).isEqualTo("Network failed during the test");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("target.id = ?1 and action = 'attempt.granted'",
                mix.otto.id))).isEqualTo(1);
        // one attempt left now: a second grant is refused
        given().redirects().follow(false).formParam("course", "sample").formParam("reason", "again")
                .post("/team/progress/" + mix.otto.id + "/grant").then().statusCode(409);
        Document after = Jsoup.parse(given().get("/team/progress/" + mix.otto.id).then().statusCode(200).extract().asString());
        assertThat(after.select(".notice").text()).contains("Network failed during the test");
        assertThat(after.select("form[action=/team/progress/" + mix.otto.id + "/grant]")).isEmpty();
    }

    @Test
    void remindersGoOutOncePerWeekAndOncePerClusterRun() throws Exception {
        mailbox.clear();
        QuarkusTransaction.requiringNew().run(() -> org.owlet.organization.Member.getEntityManager()
                .createNativeQuery("UPDATE job_run SET last_run_on = DATE '2000-01-01' WHERE name = 'reminders'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> org.owlet.organization.Member.getEntityManager()
                .createNativeQuery("DELETE FROM reminder WHERE company_id = " + mix.company.id).executeUpdate());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Reminders.Run> run = () -> reminders.runDaily("test");
            List<Future<Reminders.Run>> runs = pool.invokeAll(List.of(run, run));
            long ran = 0;
            for (Future<Reminders.Run> f : runs) {
                ran += f.get().ran() ? 1 : 0;
            }
            assertThat(ran).as("replicas that ran today's reminders").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // overdue: Uma, Nora, Ivan, Cora, Otto; expiring within 30 days: Eve
        List<String> to = List.of("uma@umbrella.example", mix.nora.email, mix.ivan.email, mix.cora.email, mix.otto.email, mix.eve.email);
        for (String address : to) {
            assertThat(mailbox.getMailsSentTo(address)).as(address).hasSize(1);
        }
        assertThat(mailbox.getMailsSentTo(mix.eve.email).get(0).getSubject()).contains("certificate expires on " + mix.today.plusDays(20));
        assertThat(mailbox.getMailsSentTo(mix.jay.email)).isNullOrEmpty();
        // a second run the same week sends nothing new, even when forced
        Reminders.Run again = reminders.send(mix.today);
        assertThat(mailbox.getMailsSentTo(mix.otto.email)).hasSize(1);
        assertThat(again.ran()).isTrue();
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) Member.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM reminder WHERE company_id = " + mix.company.id).getSingleResult()).longValue());
        assertThat(rows).isEqualTo(6);
        // next week they go out again
        reminders.send(mix.today.plusDays(7));
        assertThat(mailbox.getMailsSentTo(mix.otto.email)).hasSize(2);
        Document page = Jsoup.parse(given().get("/team").then().statusCode(200).extract().asString());
        assertThat(page.select("#reminders-table tbody tr")).hasSize(6);
    }

    @Test
    void theLearnerSeesTheirAssignmentWithTheirOwnDueDate() {
        Member jay = QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findById(mix.jay.id);
            org.hibernate.Hibernate.initialize(m.company);
            return m;
        });
        var jays = QuarkusTransaction.requiringNew().call(() -> enrolments.assignments(jay));
        assertThat(jays).hasSize(1);
        assertThat(jays.get(0).dueFor(jay.companySince)).isEqualTo(mix.today.minusDays(1).plusDays(28));
        var ottos = QuarkusTransaction.requiringNew().call(() -> {
            Member otto = Member.findById(mix.otto.id);
            return enrolments.assignments(otto);
        });
        assertThat(ottos).hasSize(2);
    }

    private List<String> names(Map<String, String> query) {
        Document page = Jsoup.parse(given().queryParams(query).get("/team/progress").then().statusCode(200).extract().asString());
        return page.select("#members tbody th a").eachText();
    }

    private static String label(Member m) {
        return m.displayName;
    }
}
