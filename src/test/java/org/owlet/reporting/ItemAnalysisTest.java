package org.owlet.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.learning.Activity;
import org.owlet.learning.Answer;
import org.owlet.learning.Attempt;
import org.owlet.learning.RenderedQuestion;
import org.owlet.learning.Submission;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The item analysis page and CSV on a known set of answers to the sample course. Every test starts from no counted
 * quiz or final answers of the sample course (no other table refers to answers) and seeds, as entities:
 *
 * <pre>
 * 60 submitted finals, two items each: code-white (coded term, key "ivory") and angle-rule (key "below-90")
 *   en  20 × both right · 4 × code-white right only · 2 × angle-rule right only · 4 × both wrong   (code-white: 10 s)
 *   fr   9 × code-white right only · 21 × angle-rule right only                                     (code-white: 20 s)
 *   wrong code-white answers chose "jade" (en) or "porcelain" (fr); wrong angle-rule ones "above-115"
 * plus, none of which may count: an earlier, superseded en answer "porcelain" in one final, an open (unsubmitted)
 * final answered "jade" in en, a drill answer; and one submitted quiz with carving-material right (en).
 * </pre>
 *
 * code-white: facility en 24/30 = 0.80, fr 9/30 = 0.30, all 33/60 = 0.55 (each language 0.25 away: flagged).
 * Discrimination (rest = the angle-rule score; both 0/1, so the point-biserial is the phi coefficient):
 * en (20·4 − 4·2) / √(24·6·22·8) = 72 / √25344 = 0.4523; fr: right exactly when angle-rule is wrong, −1; all:
 * right/right 20, right/wrong 13, wrong/right 23, wrong/wrong 4: (20·4 − 13·23) / √(33·27·43·17) = −219 / √651321 =
 * −0.2714. Median time: en 10 s, fr 20 s, all 15 s.
 */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
class ItemAnalysisTest {

    @Inject
    ObjectMapper json;

    Member person;

    @BeforeEach
    void seed() {
        QuarkusTransaction.requiringNew().run(() -> Answer.delete("courseId = 'sample' and activity in ?1",
                List.of(Activity.QUIZ, Activity.FINAL, Activity.REFRESHER)));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        person = Fixtures.member(Fixtures.acme(), "Analysed Person " + tag, "analysed-" + tag + "@acme.example");
        Member other = Fixtures.member(Fixtures.acme(), "Open Attempt " + tag, "open-" + tag + "@acme.example");
        Instant t0 = Instant.now().minus(Duration.ofDays(3));
        QuarkusTransaction.requiringNew().run(() -> {
            Member m = Member.findById(person.id);
            for (int i = 0; i < 30; i++) {
                boolean code = i < 24;
                boolean angle = i < 20 || (i >= 24 && i < 26);
                Attempt attempt = attempt(m, Activity.FINAL, "final", "en", t0, true);
                if (i == 0) {
                    answer(attempt, "code-white", "porcelain", 0, false, 3);
                }
                answer(attempt, "code-white", code ? "ivory" : "jade", code ? 1 : 0, true, 10);
                answer(attempt, "angle-rule", angle ? "below-90" : "above-115", angle ? 1 : 0, true, 30);
            }
            for (int i = 0; i < 30; i++) {
                boolean code = i < 9;
                Attempt attempt = attempt(m, Activity.FINAL, "final", "fr", t0, true);
                answer(attempt, "code-white", code ? "ivory" : "porcelain", code ? 1 : 0, true, 20);
                answer(attempt, "angle-rule", code ? "above-115" : "below-90", code ? 0 : 1, true, 30);
            }
            Attempt quiz = attempt(m, Activity.QUIZ, "check", "en", t0, true);
            answer(quiz, "carving-material", "elephant", 1, true, 7);
            Attempt open = attempt(Member.findById(other.id), Activity.FINAL, "final", "en", t0, false);
            answer(open, "code-white", "jade", 0, true, 5);
            drillAnswer(m, t0);
        });
    }

    @Test
    void thePageShowsTheFiguresPerLanguageAndFlagsTheItem() {
        Document page = Jsoup.parse(given().queryParam("course", "sample").queryParam("kind", "final").get("/review/analysis").then()
                .statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Item analysis");
        assertThat(page.select("#flag-rule").text()).contains("at least 30 counted answers", "more than 0.20", "more than 0.30");
        assertThat(page.select("#definitions").text()).contains("point-biserial", "the attempt's total minus this item");
        assertThat(page.select("tbody[data-item]").eachAttr("data-item")).containsExactlyInAnyOrder("code-white", "angle-rule");

        assertThat(cells(page, "code-white", "all")).startsWith("All languages", "60", "0.55", "-0.27", "15.0");
        assertThat(cells(page, "code-white", "en")).startsWith("English", "30", "0.80", "0.45", "10.0");
        assertThat(cells(page, "code-white", "fr")).startsWith("Français", "30", "0.30", "-1.00", "20.0");
        assertThat(page.select("tbody[data-item=code-white]").hasClass("warn")).isTrue();
        assertThat(page.select("tbody[data-item=code-white] tr[data-language=fr] td").last().text())
                .contains("facility differs", "discrimination differs");
        assertThat(shares(page, "code-white", "en")).containsExactly("ivory (answer key) 80 %", "jade 20 %", "porcelain 0 %");
        assertThat(shares(page, "code-white", "fr")).containsExactly("ivory (answer key) 30 %", "jade 0 %", "porcelain 70 %");
        assertThat(page.select("tbody[data-item=code-white] tr[data-language=en] .share strong").text()).isEqualTo("ivory");
        assertThat(page.select("#summary").text()).isEqualTo("2 items answered, 120 counted answers, 2 items flagged");
        assertThat(page.html()).doesNotContain(person.displayName, person.email, "Open Attempt");
    }

    @Test
    void theReviewAndCompanyPagesLinkToTheAnalysisAndTheCodedTermList() {
        Document review = Jsoup.parse(given().get("/review").then().statusCode(200).extract().asString());
        assertThat(review.select("a[href=/review/analysis]").text()).startsWith("Item analysis");
        Document companies = Jsoup.parse(given().get("/admin/companies").then().statusCode(200).extract().asString());
        assertThat(companies.select("a[href^=/api/v1/coded-terms]").attr("href")).isEqualTo("/api/v1/coded-terms?lang=en&format=csv");
    }

    @Test
    void theKindFilterChoosesTheAttempts() {
        Document quiz = Jsoup.parse(given().queryParam("course", "sample").queryParam("kind", "quiz").get("/review/analysis").then()
                .statusCode(200).extract().asString());
        assertThat(quiz.select("tbody[data-item]").eachAttr("data-item")).containsExactly("carving-material");
        assertThat(cells(quiz, "carving-material", "all")).startsWith("All languages", "1", "1.00", "—", "7.0");
        Document both = Jsoup.parse(given().queryParam("course", "sample").get("/review/analysis").then().statusCode(200).extract()
                .asString());
        assertThat(both.select("tbody[data-item]").eachAttr("data-item")).containsExactlyInAnyOrder("carving-material", "code-white",
                "angle-rule");
        given().queryParam("kind", "drill").get("/review/analysis").then().statusCode(400);
        given().queryParam("course", "no-such-course").get("/review/analysis").then().statusCode(404);
    }

    @Test
    void theCsvHoldsTheSameNumbersAndNegativeDiscriminationStaysANumber() {
        byte[] bytes = given().queryParam("course", "sample").queryParam("kind", "final").get("/review/analysis/items.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("course,kind,item,type,language,answers,facility,discrimination,median_seconds,compared,"
                + "facility_differs,discrimination_differs,item_flagged,choices");
        assertThat(lines).contains(
                "sample,final,code-white,coded-term,all,60,0.55,-0.2714,15.0,,,,yes,ivory*=0.55; jade=0.1; porcelain=0.35",
                "sample,final,code-white,coded-term,en,30,0.8,0.4523,10.0,yes,yes,yes,yes,ivory*=0.8; jade=0.2; porcelain=0.0",
                "sample,final,code-white,coded-term,fr,30,0.3,-1.0,20.0,yes,yes,yes,yes,ivory*=0.3; jade=0.0; porcelain=0.7");
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(String.join("\n", lines)).doesNotContain("'-", person.email, person.displayName);
    }

    private static List<String> cells(Document page, String item, String language) {
        return page.select("tbody[data-item=" + item + "] tr[data-language=" + language + "] td").eachText();
    }

    private static List<String> shares(Document page, String item, String language) {
        return page.select("tbody[data-item=" + item + "] tr[data-language=" + language + "] .share").eachText();
    }

    private static Attempt attempt(Member member, Activity kind, String module, String language, Instant at, boolean submitted) {
        Attempt attempt = new Attempt();
        attempt.member = member;
        attempt.company = member.company;
        attempt.courseId = "sample";
        attempt.courseVersion = "1.0";
        attempt.contentHash = "test";
        attempt.moduleId = module;
        attempt.kind = kind;
        attempt.language = language;
        attempt.itemIds = kind == Activity.QUIZ ? "carving-material,find-lines" : "code-white,angle-rule";
        attempt.startedAt = at;
        if (submitted) {
            attempt.submittedAt = at.plusSeconds(120);
            attempt.score = 0.5;
            attempt.passed = false;
        } else {
            attempt.openKey = kind.code() + ":" + module;
        }
        attempt.persist();
        return attempt;
    }

    private void answer(Attempt attempt, String item, String option, double score, boolean counted, int seconds) {
        RenderedQuestion question = question(attempt.member, attempt.kind, attempt.moduleId, attempt, item, attempt.startedAt);
        Answer answer = new Answer();
        answer.member = attempt.member;
        answer.personKey = attempt.member.personKey;
        answer.company = attempt.company;
        answer.courseId = "sample";
        answer.courseVersion = "1.0";
        answer.contentHash = "test";
        answer.activity = attempt.kind;
        answer.moduleId = attempt.moduleId;
        answer.attempt = attempt;
        answer.itemId = item;
        answer.itemHash = "test";
        answer.language = attempt.language;
        answer.response = response(option);
        answer.score = score;
        answer.correct = score == 1;
        answer.shownAt = question.shownAt;
        answer.answeredAt = question.shownAt.plusSeconds(seconds);
        answer.question = question;
        answer.counted = counted;
        answer.countedItemId = counted ? item : null;
        answer.persist();
    }

    private void drillAnswer(Member member, Instant at) {
        RenderedQuestion question = question(member, Activity.DRILL, "cards", null, "carving-material", at);
        Answer answer = new Answer();
        answer.member = member;
        answer.personKey = member.personKey;
        answer.courseId = "sample";
        answer.courseVersion = "1.0";
        answer.contentHash = "test";
        answer.activity = Activity.DRILL;
        answer.moduleId = "cards";
        answer.itemId = "carving-material";
        answer.itemHash = "test";
        answer.language = "en";
        answer.response = response("mammoth");
        answer.shownAt = at;
        answer.answeredAt = at.plusSeconds(4);
        answer.question = question;
        answer.persist();
    }

    private static RenderedQuestion question(Member member, Activity kind, String module, Attempt attempt, String item, Instant at) {
        RenderedQuestion question = new RenderedQuestion();
        question.key = UUID.randomUUID().toString();
        question.member = member;
        question.courseId = "sample";
        question.contentHash = "test";
        question.activity = kind;
        question.moduleId = module;
        question.attempt = attempt;
        question.itemId = item;
        question.optionOrder = "";
        question.shownAt = at;
        question.answered = true;
        question.persist();
        return question;
    }

    private String response(String option) {
        try {
            return json.writeValueAsString(new Submission(Set.of(option), null, null, null, null, null, null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
