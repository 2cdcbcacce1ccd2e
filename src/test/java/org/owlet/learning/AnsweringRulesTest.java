package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Scoring of each kind of answer, double submissions at the same moment, resuming, individual learners. */
@QuarkusTest
@Tag("db")
class AnsweringRulesTest {

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    @Inject
    LearnerActions learner;

    @Inject
    DrillService drills;

    @Inject
    org.owlet.catalog.CatalogService catalog;

    private Member individual() {
        return Fixtures.member(null, "Solo Learner", "solo-" + UUID.randomUUID() + "@individual.example");
    }

    @Test
    void hotspotPointsAndRegionsScoreOnTheServer() {
        Member member = individual();
        // the picture is 400 wide; shown 200 wide, a click at (100, 75) is the point (200, 150): inside "lines"
        AnswerRecorder.Result inside = learner.answerCard(member, "sample", "cards", "find-lines",
                new Submission(Set.of(), null, 100.0, 75.0, 200.0, null, Set.of(), null));
        assertThat(inside.answer().correct).isTrue();
        AnswerRecorder.Result rim = learner.answerCard(member, "sample", "cards", "find-lines",
                new Submission(Set.of(), null, 45.0, 75.0, 200.0, null, Set.of(), null));
        assertThat(rim.answer().score).isZero();
        AnswerRecorder.Result byKeyboard = learner.answerCard(member, "sample", "cards", "find-lines",
                new Submission(Set.of(), "lines", null, null, null, null, Set.of(), null));
        assertThat(byKeyboard.answer().correct).isTrue();
        assertThat(byKeyboard.answer().company).isNull(); // an individual learner counts in no company's figures
    }

    @Test
    void listingTriageGivesPartialCreditWithReasons() {
        org.owlet.catalog.model.Course course = catalog.course("sample").orElseThrow();
        org.owlet.catalog.model.Item listing = course.item("bangle-listing").orElseThrow();
        // right decision, one of two red flags marked, no decoy marked: 0.5 + 0.5 * 3/4
        Submission partly = new Submission(Set.of(), null, null, null, null, "remove", Set.of("bovine-bone"), null);
        assertThat(Scoring.score(listing, partly)).isEqualTo(0.875);
        assertThat(Scoring.score(listing, new Submission(Set.of(), null, null, null, null, "remove",
                Set.of("bovine-bone", "weight"), null))).isEqualTo(1.0);
        assertThat(Scoring.score(listing, new Submission(Set.of(), null, null, null, null, "allow",
                Set.of("handmade"), null))).isEqualTo(0.125); // wrong decision, one decoy marked: 0.5 * 1/4
        FeedbackView feedback = FeedbackView.of(catalog.learnerView(course, listing, "en"), catalog.feedback(course, listing, "en"),
                null, partly.phrases());
        assertThat(feedback.decision()).isEqualTo("remove");
        assertThat(feedback.flags()).filteredOn(FeedbackView.FlagView::redFlag).extracting(FeedbackView.FlagView::marked)
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aFinalAnswerCanBeChangedBeforeSubmittingAndTheLatestCounts() {
        Member member = individual();
        enrolments.markRead(member, "sample", "basics");
        learner.answerEveryCard(member, "sample");
        Attempt quiz = assessments.start(member, "sample", "check");
        learner.submit(member, quiz);
        Attempt fin = assessments.start(member, "sample", "final");
        String first = fin.items().get(0);
        org.owlet.catalog.model.Item item = catalog.course("sample").orElseThrow().item(first).orElseThrow();
        Submission wrong = new Submission(Set.of("no-such-option"), "no-such-region", null, null, null, "allow", Set.of(),
                !(item.key() instanceof org.owlet.catalog.model.AnswerKey.Truth t && t.value()));
        learner.answer(member, fin, first, wrong);
        learner.answer(member, fin, first, RightAnswers.of(item));
        Attempt submitted = learner.submit(member, fin);
        assertThat(submitted.score).isEqualTo(1.0 / fin.items().size());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.count("attempt.id", fin.id))).isEqualTo(2);
        // both answers are kept; the last one counts
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.<Answer> list("attempt.id = ?1 order by id", fin.id).stream()
                .map(a -> a.counted).toList())).containsExactly(false, true);
    }

    @Test
    void trueFalseFeedbackNamesTheRightAnswer() {
        org.owlet.catalog.model.Course course = catalog.course("sample").orElseThrow();
        org.owlet.catalog.model.Item statement = course.item("schreger-true").orElseThrow();
        FeedbackView feedback = FeedbackView.of(catalog.learnerView(course, statement, "en"),
                catalog.feedback(course, statement, "en"), null, Set.of());
        assertThat(feedback.truth()).isFalse();
        assertThat(feedback.decision()).isNull();
    }

    @Test
    @TestSecurity(user = "lara@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "lara-language"), @Claim(key = "email", value = "lara@acme.example") })
    void theLanguageSwitchOnAFeedbackPageReturnsToTheFormsPage() {
        Document card = Jsoup.parse(given().get("/learn/sample/drills/cards").then().statusCode(200).extract().asString());
        var form = given().header("Referer", "http://localhost/learn/sample/drills/cards")
                .formParam("item", card.selectFirst("input[name=item]").attr("value"))
                .formParam("key", card.selectFirst("input[name=key]").attr("value"))
                .formParam("region", "lines").formParam("option", "elephant");
        String feedbackAt = form.redirects().follow(false).post("/learn/sample/drills/cards/answer").then().statusCode(303).extract()
                .header("Location");
        String path = java.net.URI.create(feedbackAt).getPath();
        Document feedback = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
        // the feedback has its own address: switching language shows the same feedback in the other language
        assertThat(feedback.selectFirst("nav.languages a[lang=fr]").attr("href"))
                .isEqualTo("/lang/fr?return=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void twoIdenticalSubmissionsAtTheSameMomentAreRecordedOnce() throws Exception {
        Member member = individual();
        String key = learner.showCard(member, "sample", "cards", "carving-material");
        Callable<AnswerRecorder.Result> submit = () -> drills.answer(member, "sample", "cards", key, "carving-material",
                new Submission(Set.of("elephant"), null, null, null, null, null, Set.of(), null), "en");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> ids = new ArrayList<>();
        try {
            for (Future<AnswerRecorder.Result> result : pool.invokeAll(List.of(submit, submit, submit, submit))) {
                ids.add(result.get().answer().id);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.count("question.key", key))).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "rosa@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "rosa-resume"), @Claim(key = "email", value = "rosa@acme.example") })
    void continueBringsTheLearnerBackToTheExactPage() {
        String quiz = given().redirects().follow(false).post("/learn/sample/modules/check/start").then().statusCode(303)
                .extract().header("Location");
        String path = java.net.URI.create(quiz).getPath();
        given().get(path).then().statusCode(200);
        Document home = Jsoup.parse(given().get("/home").then().statusCode(200).extract().asString());
        assertThat(home.select(".continue a.button").attr("href")).isEqualTo(path);
        given().get("/home/progress").then().statusCode(200).body(containsString("Sample course"));
    }

    @Test
    @TestSecurity(user = "fred@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "fred-forges"), @Claim(key = "email", value = "fred@acme.example") })
    void aForgedKeyIsRefusedAndAForgedShownTimeIsIgnored() {
        Document card = Jsoup.parse(given().get("/learn/sample/drills/cards").then().statusCode(200).extract().asString());
        String itemId = card.selectFirst("input[name=item]").attr("value");
        assertThat(card.select("input[name=shownAt]")).isEmpty();
        // a key the server never rendered: a clear page, nothing stored
        given().formParam("item", itemId).formParam("key", "forged-key").formParam("option", "elephant")
                .post("/learn/sample/drills/cards/answer").then().statusCode(409)
                .body(containsString("This answer could not be recorded"));
        // another item than the rendered question showed
        String key = card.selectFirst("input[name=key]").attr("value");
        String other = itemId.equals("find-lines") ? "carving-material" : "find-lines";
        given().formParam("item", other).formParam("key", key).formParam("region", "lines")
                .post("/learn/sample/drills/cards/answer").then().statusCode(409);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.count("member.subject", "fred-forges"))).isZero();
        // a shownAt sent by the browser is not read: the server's rendering time is stored
        given().formParam("item", itemId).formParam("key", key).formParam("shownAt", "0").formParam("option", "elephant")
                .formParam("region", "lines").post("/learn/sample/drills/cards/answer").then().statusCode(200);
        Answer answer = QuarkusTransaction.requiringNew().call(() -> Answer.<Answer> find("member.subject", "fred-forges").singleResult());
        RenderedQuestion shown = QuarkusTransaction.requiringNew().call(() -> RenderedQuestion.<RenderedQuestion> find("key", key)
                .singleResult());
        assertThat(answer.shownAt).isEqualTo(shown.shownAt);
        assertThat(answer.shownAt.toEpochMilli()).isPositive();
    }

    @Test
    @TestSecurity(user = "pat@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "pat-prompts"), @Claim(key = "email", value = "pat@acme.example") })
    void aListingAsksTheInterfacesQuestionNotItsOwn() {
        QuarkusMock.installMockForType(new QuestionOrderTest.SeededShuffler(7L), Shuffler.class);
        Document listing = null;
        for (int attempt = 0; attempt < 20 && listing == null; attempt++) {
            String quiz = given().redirects().follow(false).post("/learn/sample/modules/check/start").then().statusCode(303)
                    .extract().header("Location");
            for (int n = 1; n <= 2 && listing == null; n++) {
                Document page = Jsoup.parse(given().get(quiz + "?n=" + n).then().statusCode(200).extract().asString());
                listing = page.selectFirst("article.listing") != null ? page : null;
            }
            given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        }
        assertThat(listing).as("the quiz drew its listing within 20 attempts (seed 7)").isNotNull();
        assertThat(listing.selectFirst("p.question").text())
                .isEqualTo("Decide what happens to this listing and mark the phrases that support your decision.");
        assertThat(listing.select("p.context")).isEmpty(); // the sample listing adds no context
    }

    /** Draws every attempt with one seed (chosen by the test) and shuffles options with another. */
    static final class FixedDrawShuffler extends Shuffler {
        private final long drawSeed;

        FixedDrawShuffler(long drawSeed, long shuffleSeed) {
            super(new Random(shuffleSeed));
            this.drawSeed = drawSeed;
        }

        @Override
        public long nextSeed() {
            return drawSeed;
        }
    }

    @Test
    @TestSecurity(user = "cody@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "cody-coded"), @Claim(key = "email", value = "cody@acme.example") })
    void aCodedTermAsksTheInterfacesQuestionWithItsContext() {
        List<String> pool = catalog.course("sample").orElseThrow().finalAssessment().orElseThrow().pool();
        long seed = QuestionOrderTest.SEED;
        while (!AssessmentService.draw(pool, 2, seed).contains("code-white")) {
            seed++;
        }
        System.out.println("coded-term question: final drawn with seed " + seed + " (the first from "
                + QuestionOrderTest.SEED + " whose draw holds code-white), options shuffled with seed " + QuestionOrderTest.SEED);
        given().get("/learn").then().statusCode(200);
        learner.answerEveryCard(QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("cody-coded").orElseThrow()), "sample");
        QuarkusMock.installMockForType(new FixedDrawShuffler(seed, QuestionOrderTest.SEED), Shuffler.class);
        given().redirects().follow(false).post("/learn/sample/lessons/basics/read").then().statusCode(303);
        String quiz = given().redirects().follow(false).post("/learn/sample/modules/check/start").then().statusCode(303)
                .extract().header("Location");
        given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        String fin = given().redirects().follow(false).post("/learn/sample/modules/final/start").then().statusCode(303)
                .extract().header("Location");
        Document term = null;
        String url = null;
        for (int n = 1; n <= 2 && term == null; n++) {
            url = fin + "?n=" + n;
            Document page = Jsoup.parse(given().get(url).then().statusCode(200).extract().asString());
            term = page.selectFirst("legend.question span.term") != null ? page : null;
        }
        assertThat(term).as("the final drew code-white (seed " + seed + ")").isNotNull();

        var legend = term.selectFirst("legend.question");
        assertThat(legend.selectFirst("span.term").text()).isEqualTo("白");
        assertThat(legend.selectFirst("span.term").attr("lang")).isEqualTo("zh-CN");
        assertThat(legend.select("span.context").eachText()).containsExactly("Seen in Chinese-language listings of carvings.");
        assertThat(legend.select("span.prompt").eachText()).containsExactly("What does this term most likely stand for in a listing?");
        // the term, then the context, then the one prompt every coded term asks
        assertThat(legend.children().eachAttr("class")).containsExactly("term", "context", "prompt");
        assertThat(legend.text()).doesNotContain("what can this word stand for");
        assertThat(term.select("input[name=option]")).hasSize(3);

        Document french = Jsoup.parse(given().header("Accept-Language", "fr").get(url).then().statusCode(200).extract().asString());
        assertThat(french.select("legend.question span.context").eachText())
                .containsExactly("Vu dans des annonces de sculptures en chinois.");
        assertThat(french.select("legend.question span.prompt").eachText())
                .containsExactly("Que désigne le plus probablement ce terme dans une annonce ?");
    }
}
