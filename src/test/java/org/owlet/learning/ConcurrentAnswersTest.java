package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;

/**
 * The same learner acting several times at once (two tabs, a double click, an answer while submitting) leaves
 * exactly the rows and events one learner acting once would, and never a server error. Each case starts
 * {@value #THREADS} threads behind one gate, so their requests reach the database together.
 */
@QuarkusTest
@Tag("db")
class ConcurrentAnswersTest {

    static final int THREADS = 8;

    static final String COURSE = "sample";

    @Inject
    CatalogService catalog;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    @Inject
    DrillService drills;

    @Inject
    LearnerActions learner;

    private Course course() {
        return catalog.course(COURSE).orElseThrow();
    }

    private static Member individual() {
        return Fixtures.member(null, "Tab Opener", "tabs-" + UUID.randomUUID() + "@individual.example");
    }

    /** Runs every task at once (after a common gate) and returns what each returned or threw, in task order. */
    static List<Object> atOnce(List<Callable<?>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            gate.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tabs opened on the same question before any of them was answered: one rendered question (key) each. */
    private static List<String> tabs(Member member, Course course, Activity activity, String moduleId, Attempt attempt,
            String itemId, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RenderedQuestion question = new RenderedQuestion();
                question.key = UUID.randomUUID().toString();
                question.member = Member.findById(member.id);
                question.courseId = course.id();
                question.contentHash = course.contentHash();
                question.activity = activity;
                question.moduleId = moduleId;
                question.attempt = attempt == null ? null : Attempt.findById(attempt.id);
                question.itemId = itemId;
                question.optionOrder = "";
                question.shownAt = Instant.now();
                question.persist();
                keys.add(question.key);
            }
            return keys;
        });
    }

    private static Submission right(Course course, String itemId) {
        return RightAnswers.of(course.item(itemId).orElseThrow());
    }

    private static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Answer.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @Test
    void theSameNewCardAnsweredInEightTabsIsScheduledOnce() throws Exception {
        Member member = individual();
        Course course = course();
        List<String> keys = tabs(member, course, Activity.DRILL, "cards", null, "carving-material", THREADS);
        List<Callable<?>> tasks = new ArrayList<>();
        for (String key : keys) {
            tasks.add(() -> drills.answer(member, COURSE, "cards", key, "carving-material", right(course, "carving-material"), "en"));
        }
        List<Object> results = atOnce(tasks);
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(AnswerRecorder.Result.class));
        assertThat(count("select count(*) from answer where member_id = ?1", member.id)).isEqualTo(THREADS);
        CardSchedule schedule = QuarkusTransaction.requiringNew()
                .call(() -> CardSchedule.<CardSchedule> find("member.id", member.id).singleResult());
        // the first answer found the card new and due; every later one found it scheduled for tomorrow
        assertThat(schedule.repetitions).isEqualTo(1);
        assertThat(schedule.intervalDays).isEqualTo(1);
        assertThat(schedule.firstCorrectAt).isNotNull();
    }

    @Test
    void theSameQuizItemAnsweredWithEightKeysCountsTheFirstAnswerOnly() throws Exception {
        Member member = individual();
        Course course = course();
        Attempt quiz = assessments.start(member, COURSE, "check");
        String itemId = quiz.items().get(0);
        List<String> keys = tabs(member, course, Activity.QUIZ, "check", quiz, itemId, THREADS);
        List<Callable<?>> tasks = new ArrayList<>();
        for (String key : keys) {
            tasks.add(() -> assessments.answer(member, quiz.id, key, itemId, right(course, itemId), "en"));
        }
        assertThat(atOnce(tasks)).allSatisfy(r -> assertThat(r).isInstanceOf(AnswerRecorder.Result.class));
        assertThat(count("select count(*) from answer where attempt_id = ?1", quiz.id)).isEqualTo(THREADS);
        assertThat(count("select count(*) from answer where attempt_id = ?1 and counted", quiz.id)).isEqualTo(1);
        assertThat(count("select min(id) from answer where attempt_id = ?1", quiz.id))
                .isEqualTo(count("select id from answer where attempt_id = ?1 and counted", quiz.id));
    }

    @Test
    void eightStartsAtOnceOpenOneAttempt() throws Exception {
        Member member = individual();
        List<Callable<?>> tasks = Collections.nCopies(THREADS, () -> assessments.start(member, COURSE, "check").id);
        List<Object> ids = atOnce(tasks);
        assertThat(ids).allSatisfy(id -> assertThat(id).isEqualTo(ids.get(0)));
        assertThat(count("select count(*) from attempt where member_id = ?1", member.id)).isEqualTo(1);
        assertThat(count("select count(*) from enrolment where member_id = ?1", member.id)).isEqualTo(1);
    }

    private Attempt finalReady(Member member) {
        enrolments.markRead(member, COURSE, "basics");
        learner.answerEveryCard(member, COURSE);
        learner.submit(member, assessments.start(member, COURSE, "check"));
        return assessments.start(member, COURSE, "final");
    }

    @Test
    void eightSubmissionsOfAPassingFinalIssueOneCertificate() throws Exception {
        Member member = individual();
        Course course = course();
        Attempt fin = finalReady(member);
        for (String itemId : fin.items()) {
            learner.answer(member, fin, itemId, right(course, itemId));
        }
        List<Callable<?>> tasks = Collections.nCopies(THREADS, () -> assessments.submit(member, fin.id, "en"));
        assertThat(atOnce(tasks)).allSatisfy(r -> assertThat(r).isInstanceOf(Attempt.class));
        assertThat(count("select count(*) from attempt where id = ?1 and passed and submitted_at is not null", fin.id)).isEqualTo(1);
        assertThat(count("select count(*) from certificate where attempt_id = ?1", fin.id)).isEqualTo(1);
        assertThat(count("select count(*) from enrolment where member_id = ?1 and completed_at is not null", member.id)).isEqualTo(1);
    }

    @Test
    void answersDuringSubmitEitherCountOrAreRefused() throws Exception {
        Member member = individual();
        Course course = course();
        Attempt fin = finalReady(member);
        List<String> items = fin.items();
        for (String itemId : items.subList(1, items.size())) {
            learner.answer(member, fin, itemId, right(course, itemId));
        }
        String last = items.get(0);
        List<String> keys = tabs(member, course, Activity.FINAL, "final", fin, last, THREADS / 2);
        List<Callable<?>> tasks = new ArrayList<>();
        for (String key : keys) {
            tasks.add(() -> assessments.answer(member, fin.id, key, last, right(course, last), "en"));
            tasks.add(() -> assessments.submit(member, fin.id, "en"));
        }
        List<Object> results = atOnce(tasks);
        for (Object result : results) {
            if (result instanceof Exception e) {
                assertThat(e).isInstanceOf(NotAllowed.class);
                assertThat(((NotAllowed) e).reason()).isEqualTo(Refusal.CLOSED);
            }
        }
        Attempt submitted = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt> findById(fin.id));
        long answeredBeforeSubmit = count("select count(*) from answer where attempt_id = ?1 and item_id = ?2 and answered_at <= ?3",
                fin.id, last, submitted.submittedAt);
        long refused = results.stream().filter(NotAllowed.class::isInstance).count();
        assertThat(answeredBeforeSubmit + refused).isEqualTo(THREADS / 2);
        // the score is exactly what the counted answers say: nothing was counted after the attempt closed
        double expected = answeredBeforeSubmit > 0 ? 1.0 : (items.size() - 1.0) / items.size();
        assertThat(submitted.score).isEqualTo(expected);
        assertThat(count("select count(*) from answer where attempt_id = ?1 and item_id = ?2 and counted", fin.id, last))
                .isEqualTo(answeredBeforeSubmit > 0 ? 1 : 0);
        assertThat(count("select count(*) from certificate where attempt_id = ?1", fin.id)).isEqualTo(submitted.passed ? 1 : 0);
    }

    @Test
    @TestSecurity(user = "tia@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "tia-tabs"), @Claim(key = "email", value = "tia@acme.example") })
    void aDoubleClickedAnswerAndADoubleClickedSubmitOverHttpNeverFail() throws Exception {
        Document card = Jsoup.parse(given().get("/learn/" + COURSE + "/drills/cards").then().statusCode(200).extract().asString());
        String itemId = card.selectFirst("input[name=item]").attr("value");
        String key = card.selectFirst("input[name=key]").attr("value");
        Submission right = right(course(), itemId);
        List<Callable<?>> posts = Collections.nCopies(THREADS, () -> form(given().formParam("item", itemId).formParam("key", key), right)
                .post("/learn/" + COURSE + "/drills/cards/answer").statusCode());
        assertThat(atOnce(posts)).containsOnly(200);
        assertThat(count("select count(*) from answer a join rendered_question q on q.id = a.question_id where q.question_key = ?1",
                key)).isEqualTo(1);

        given().post("/learn/" + COURSE + "/lessons/basics/read");
        learner.answerEveryCard(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("tia-tabs").orElseThrow()), COURSE);
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().extract()
                .header("Location");
        given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        String fin = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303)
                .extract().header("Location");
        long attemptId = Long.parseLong(fin.substring(fin.lastIndexOf('/') + 1));
        Member tia = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("tia-tabs").orElseThrow());
        Attempt attempt = assessments.attempt(tia, attemptId);
        for (String id : attempt.items()) {
            learner.answer(tia, attempt, id, right(course(), id));
        }
        List<Callable<?>> submits = Collections.nCopies(THREADS,
                () -> given().redirects().follow(false).post(fin + "/submit").statusCode());
        assertThat(atOnce(submits)).containsOnly(303);
        assertThat(count("select count(*) from certificate where attempt_id = ?1", attemptId)).isEqualTo(1);
    }

    /** The form fields a browser sends for this submission. */
    static RequestSpecification form(RequestSpecification request, Submission submission) {
        submission.options().forEach(o -> request.formParam("option", o));
        submission.phrases().forEach(p -> request.formParam("phrase", p));
        if (submission.region() != null) {
            request.formParam("region", submission.region());
        }
        if (submission.decision() != null) {
            request.formParam("decision", submission.decision());
        }
        if (submission.truth() != null) {
            request.formParam("truth", submission.truth().toString());
        }
        return request;
    }

    @Test
    void aSubmissionLargerThanTheResponseColumnIsRefusedAsInvalidInput() {
        Member member = individual();
        String key = learner.showCard(member, COURSE, "cards", "carving-material");
        List<String> options = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            options.add("option-" + i);
        }
        Submission huge = new Submission(Set.copyOf(options), null, null, null, null, null, Set.of(), null);
        assertThatThrownBy(() -> drills.answer(member, COURSE, "cards", key, "carving-material", huge, "en"))
                .isInstanceOf(InvalidInput.class);
        assertThat(count("select count(*) from answer where member_id = ?1", member.id)).isZero();
    }
}
