package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hibernate.Hibernate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The learner's journey through the sample course, step by step, with the rules the server enforces. */
@QuarkusTest
@Tag("db")
class LearningJourneyTest {

    static final String COURSE = "sample";

    /** Records the events certification would observe. */
    @Singleton
    static class PassedEvents {
        final List<FinalAssessmentPassed> events = new CopyOnWriteArrayList<>();

        void on(@Observes FinalAssessmentPassed event) {
            events.add(event);
        }
    }

    @Inject
    CatalogService catalog;

    @Inject
    PassedEvents passed;

    MovableTime time;

    @BeforeEach
    void clock() {
        time = MovableTime.startingNow();
        QuarkusMock.installMockForType(time, TimeSource.class);
    }

    private Course course() {
        return catalog.course(COURSE).orElseThrow();
    }

    private static Document page(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** The form a learner would submit: the hidden fields of the page plus the right (or a wrong) answer. */
    private RequestSpecification answer(Document page, boolean right) {
        Element form = page.selectFirst("form.card-form");
        RequestSpecification request = given().redirects().follow(false);
        for (Element hidden : form.select("input[type=hidden]")) {
            if (!hidden.attr("value").isEmpty()) {
                request.formParam(hidden.attr("name"), hidden.attr("value"));
            }
        }
        Item item = course().item(form.selectFirst("input[name=item]").attr("value")).orElseThrow();
        AnswerKey key = item.key();
        if (key instanceof AnswerKey.Choice choice) {
            List<String> chosen = right ? new ArrayList<>(choice.correct())
                    : form.select("input[name=option]").eachAttr("value").stream().filter(v -> !choice.correct().contains(v)).limit(1)
                            .toList();
            chosen.forEach(o -> request.formParam("option", o));
        } else if (key instanceof AnswerKey.Regions regions) {
            String region = right ? regions.targets().iterator().next()
                    : form.select("input[name=region]").eachAttr("value").stream().filter(v -> !regions.targets().contains(v)).findFirst()
                            .orElseThrow();
            request.formParam("region", region);
        } else if (key instanceof AnswerKey.Triage triage) {
            request.formParam("decision", right ? triage.decision().name().toLowerCase() : "allow");
            if (right) {
                triage.redFlags().forEach(p -> request.formParam("phrase", p));
            }
        } else if (key instanceof AnswerKey.Truth truth) {
            request.formParam("truth", String.valueOf(right == truth.value()));
        }
        return request;
    }

    private static long countAnswers(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> Answer.count("member.subject", subject));
    }

    @Test
    @TestSecurity(user = "lena@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "lena-journey"), @Claim(key = "name", value = "Lena Learner"),
            @Claim(key = "email", value = "lena@acme.example"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void enrolReadDrillQuizAndPassTheFinal() {
        Fixtures.acme();
        // catalog and one-click enrolment
        Document catalogPage = page(given().get("/learn").then().statusCode(200).extract().response());
        assertThat(catalogPage.select(".card h2").text()).contains("Sample course");
        given().redirects().follow(false).post("/learn/" + COURSE + "/enrol").then().statusCode(303)
                .header("Location", endsWith("/learn/" + COURSE));
        // the final assessment is locked until the gate is met
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(409)
                .body(containsString("once you have read every lesson"));
        // lesson
        Document lesson = page(given().get("/learn/" + COURSE + "/lessons/basics").then().statusCode(200).extract().response());
        assertThat(lesson.select("article.lesson").text()).isNotBlank();
        given().redirects().follow(false).post("/learn/" + COURSE + "/lessons/basics/read").then().statusCode(303);
        // drill: a card, immediate feedback with the cue and the source
        Document card = page(given().get("/learn/" + COURSE + "/drills/cards").then().statusCode(200).extract().response());
        assertThat(card.select(".counter").text()).contains("2 new");
        String feedbackAt = answer(card, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303).extract()
                .header("Location");
        Document feedback = page(given().get(feedbackAt).then().statusCode(200).extract().response());
        // the verdict is the page's one h1, and takes focus when the page loads (no autofocus on "Next" skipping it)
        assertThat(feedback.select("h1")).hasSize(1);
        assertThat(feedback.select(".feedback h1.verdict[tabindex=-1][data-focus-on-load]").text()).isEqualTo("Right");
        assertThat(feedback.select("[autofocus]")).isEmpty();
        assertThat(feedback.select(".feedback .sources a")).isNotEmpty();
        // the final's gate asks for one full pass through the drill: the second card
        Document second = page(given().get("/learn/" + COURSE + "/drills/cards").then().statusCode(200).extract().response());
        answer(second, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
        // quiz: feedback after each question
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().statusCode(303)
                .extract().header("Location");
        for (int i = 0; i < 2; i++) {
            Document question = page(given().get(quiz).then().statusCode(200).extract().response());
            String quizFeedbackAt = answer(question, true).post(quiz + "/answer").then().statusCode(303).extract().header("Location");
            Document quizFeedback = page(given().get(quizFeedbackAt).then().statusCode(200).extract().response());
            assertThat(quizFeedback.select(".feedback")).isNotEmpty();
        }
        Document review = page(given().get(quiz).then().statusCode(200).extract().response());
        assertThat(review.selectFirst("h1").text()).isEqualTo("Check your answers");
        given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        // the final: no feedback until the end, then a pass, the completion and the event
        String fin = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303)
                .extract().header("Location");
        int draw = course().finalAssessment().orElseThrow().draw();
        for (int i = 0; i < draw; i++) {
            Document question = page(given().get(fin).then().statusCode(200).extract().response());
            assertThat(question.text()).contains("Question " + (i + 1) + " of " + draw);
            answer(question, true).post(fin + "/answer").then().statusCode(303);
        }
        given().redirects().follow(false).post(fin + "/submit").then().statusCode(303);
        Document result = page(given().get(fin + "/result").then().statusCode(200).extract().response());
        assertThat(result.select(".score").text()).isEqualTo("Score: 100%");
        assertThat(result.select(".notice").text()).contains("Passed");
        assertThat(passed.events).anySatisfy(e -> {
            assertThat(e.courseId()).isEqualTo(COURSE);
            assertThat(e.language()).isEqualTo("en");
            assertThat(e.companyId()).isNotNull();
            assertThat(e.score()).isEqualTo(1.0);
        });
        Member lena = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("lena-journey").orElseThrow());
        Enrolment enrolment = QuarkusTransaction.requiringNew().call(() -> Enrolment.<Enrolment> find("member.id", lena.id).firstResult());
        assertThat(enrolment.completedAt).isNotNull();
        assertThat(enrolment.completionLanguage).isEqualTo("en");
        // my progress shows it
        given().get("/home/progress").then().statusCode(200).body(containsString("Completed on"));
    }

    @Test
    @TestSecurity(user = "ida@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "ida-idempotent"), @Claim(key = "email", value = "ida@acme.example") })
    void theSameSubmissionIsRecordedOnce() {
        Document card = page(given().get("/learn/" + COURSE + "/drills/cards").then().statusCode(200).extract().response());
        long before = countAnswers("ida-idempotent");
        answer(card, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
        answer(card, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
        answer(card, false).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
        assertThat(countAnswers("ida-idempotent")).isEqualTo(before + 1);
    }

    @Test
    @TestSecurity(user = "pia@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "pia-pages"), @Claim(key = "email", value = "pia@acme.example") })
    void pagesNeverCarryTheAnswerKeyBeforeTheAnswer() {
        Course course = course();
        for (String path : List.of("/learn/" + COURSE + "/drills/cards", "/learn/" + COURSE + "/drills/cards?practice=true")) {
            String html = given().get(path).then().statusCode(200).extract().asString();
            Item item = course.item(Jsoup.parse(html).selectFirst("input[name=item]").attr("value")).orElseThrow();
            assertThat(html).doesNotContain(item.common().explanation().in("en"));
            if (item.common().cue() != null) {
                assertThat(html).doesNotContain(item.common().cue().in("en"));
            }
            assertThat(html).doesNotContainIgnoringCase("correct").doesNotContain("data-answer", "redFlag", "target");
        }
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().statusCode(303)
                .extract().header("Location");
        String html = given().get(quiz).then().statusCode(200).extract().asString();
        Item item = course.item(Jsoup.parse(html).selectFirst("input[name=item]").attr("value")).orElseThrow();
        assertThat(html).doesNotContain(item.common().explanation().in("en"));
    }

    @Test
    @TestSecurity(user = "max@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "max-mastery"), @Claim(key = "email", value = "max@acme.example") })
    void aCardIsMasteredAfterTwoCorrectSessionsEightHoursApart() {
        for (int session = 0; session < 2; session++) {
            for (int card = 0; card < 2; card++) {
                Document page = page(
                        given().get("/learn/" + COURSE + "/drills/cards?practice=true").then().statusCode(200).extract().response());
                answer(page, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
            }
            if (session == 0) {
                time.advance(Duration.ofHours(7));
                Document stillLearning = page(given().get("/learn/" + COURSE + "/drills/cards?practice=true").then().extract().response());
                answer(stillLearning, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
                assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CardSchedule.count("member.subject = ?1 and masteredAt is not null", "max-mastery"))).isZero();
                time.advance(Duration.ofHours(2));
            }
        }
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> CardSchedule.count("member.subject = ?1 and masteredAt is not null", "max-mastery"))).isEqualTo(2);
        given().get("/learn/" + COURSE).then().statusCode(200).body(containsString("2/2"));
    }

    @Test
    @TestSecurity(user = "fay@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "fay-fails"), @Claim(key = "email", value = "fay@acme.example") })
    void attemptLimitCoolDownAndAGrantedAttempt() {
        given().post("/learn/" + COURSE + "/lessons/basics/read");
        for (int card = 0; card < 2; card++) {
            Document page = page(given().get("/learn/" + COURSE + "/drills/cards").then().statusCode(200).extract().response());
            answer(page, false).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303);
        }
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().extract()
                .header("Location");
        given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        for (int attempt = 1; attempt <= 3; attempt++) {
            String fin = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303)
                    .extract().header("Location");
            given().redirects().follow(false).post(fin + "/submit").then().statusCode(303);
            given().get(fin + "/result").then().statusCode(200).body(containsString("Not passed"));
            if (attempt < 3) {
                given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(409)
                        .body(containsString("take a break"));
                time.advance(Duration.ofHours(25));
            }
        }
        time.advance(Duration.ofHours(25));
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(409)
                .body(containsString("used all your attempts"));
        Member fay = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("fay-fails").orElseThrow());
        QuarkusTransaction.requiringNew().run(() -> new LearningServiceAccess().grant(fay));
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303);
    }

    /** Grants through the service, as an admin screen would. */
    static class LearningServiceAccess {
        void grant(Member member) {
            io.quarkus.arc.Arc.container().instance(AssessmentService.class).get().grantAttempt(null, member, COURSE, "test");
        }
    }

    /**
     * The sample course is written in English and French: on a Chinese page its texts fell back to English and say so
     * ({@code lang="en"}, WCAG 3.1.2), on a French page they are French and carry no {@code lang} of their own; the
     * sources' titles are English and are marked on every page that is not.
     */
    @Test
    @TestSecurity(user = "zoe@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "zoe-lang"), @Claim(key = "email", value = "zoe@acme.example") })
    void textsInAnotherLanguageThanThePageCarryTheirLang() {
        given().redirects().follow(false).post("/learn/" + COURSE + "/enrol").then().statusCode(303);
        Document zh = page(given().cookie("owlet_lang", "zh-CN").get("/learn/" + COURSE).then().statusCode(200).extract().response());
        assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(zh.select("main h1[lang=en]").text()).isEqualTo("Sample course");
        assertThat(zh.select("li#basics a").attr("lang")).isEqualTo("en");
        Document fr = page(given().cookie("owlet_lang", "fr").get("/learn/" + COURSE).then().statusCode(200).extract().response());
        assertThat(fr.select("main h1").text()).isEqualTo("Cours d'exemple");
        assertThat(fr.select("main h1").hasAttr("lang")).as("a French text on a French page").isFalse();
        Document en = page(given().get("/learn/" + COURSE).then().statusCode(200).extract().response());
        assertThat(en.select("main [lang]")).as("nothing marked on an English page of an English course").isEmpty();

        Document card = page(given().cookie("owlet_lang", "zh-CN").get("/learn/" + COURSE + "/drills/cards").then().statusCode(200)
                .extract().response());
        assertThat(card.select("main h1").attr("lang")).isEqualTo("en");
        assertThat(card.select("form.card-form .question[lang=en], form.card-form .question [lang=en]")).isNotEmpty();
        assertThat(card.select("form.card-form button[type=submit]").hasAttr("lang")).as("the page's own words").isFalse();
        String feedbackAt = answer(card, true).cookie("owlet_lang", "fr").post("/learn/" + COURSE + "/drills/cards/answer").then()
                .statusCode(303).extract().header("Location");
        Document feedback = page(given().cookie("owlet_lang", "fr").get(feedbackAt).then().statusCode(200).extract().response());
        assertThat(feedback.select(".feedback .sources a")).isNotEmpty().allMatch(a -> a.attr("lang").equals("en"));
        assertThat(feedback.select(".feedback h1.verdict").hasAttr("lang")).isFalse();
        Document home = page(given().cookie("owlet_lang", "zh-CN").get("/home").then().statusCode(200).extract().response());
        assertThat(home.select(".continue p[lang=en]").text()).isEqualTo("Sample course");
        Document progress = page(given().cookie("owlet_lang", "vi").get("/home/progress").then().statusCode(200).extract().response());
        assertThat(progress.select("main h2 a[lang=en]").text()).isEqualTo("Sample course");
    }

    @Test
    @TestSecurity(user = "lou@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "lou-language"), @Claim(key = "email", value = "lou@acme.example") })
    void switchingLanguageMidCourseKeepsOneRecord() {
        given().post("/learn/" + COURSE + "/lessons/basics/read");
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().extract()
                .header("Location");
        Document en = page(given().get(quiz).then().statusCode(200).extract().response());
        answer(en, true).post(quiz + "/answer").then().statusCode(303);
        Document fr = page(given().cookie("owlet_lang", "fr").get(quiz).then().statusCode(200).extract().response());
        assertThat(fr.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(fr.text()).contains("Question 2");
        answer(fr, true).cookie("owlet_lang", "fr").post(quiz + "/answer").then().statusCode(303);
        List<String> languages = QuarkusTransaction.requiringNew()
                .call(() -> Answer.<Answer> list("member.subject = ?1 order by id", "lou-language")
                        .stream().map(a -> a.language).toList());
        assertThat(languages).containsExactly("en", "fr");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Enrolment.count("member.subject", "lou-language"))).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "rex@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "rex-record"), @Claim(key = "email", value = "rex@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void everyAnswerIsAFullRecordAndOthersAttemptsAreHidden() {
        Fixtures.acme();
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().extract()
                .header("Location");
        Document question = page(given().get(quiz).then().statusCode(200).extract().response());
        time.advance(Duration.ofSeconds(20));
        answer(question, false).post(quiz + "/answer").then().statusCode(303);
        Answer answer = QuarkusTransaction.requiringNew().call(() -> {
            Answer a = Answer.<Answer> find("member.subject", "rex-record").firstResult();
            Hibernate.initialize(a.company);
            Hibernate.initialize(a.attempt);
            return a;
        });
        assertThat(answer.personKey).isNotBlank();
        assertThat(answer.company.slug).isEqualTo("acme");
        assertThat(answer.courseVersion).isEqualTo("1.0");
        assertThat(answer.contentHash).isEqualTo(course().contentHash());
        assertThat(answer.activity).isEqualTo(Activity.QUIZ);
        assertThat(answer.itemHash).hasSize(32);
        assertThat(answer.response).startsWith("{");
        assertThat(answer.correct).isFalse();
        assertThat(answer.shownAt).isBefore(answer.answeredAt);
        // another learner's attempt is not found
        Member other = Fixtures.member(null, "Other Learner", "other-" + System.nanoTime() + "@individual.example");
        long foreign = QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container().instance(AssessmentService.class).get()
                .start(other, COURSE, "check").id);
        given().get("/learn/attempts/" + foreign).then().statusCode(404);
        given().formParam("item", "carving-material").formParam("key", "k-" + System.nanoTime())
                .post("/learn/attempts/" + foreign + "/answer").then().statusCode(404);
    }
}
