package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.ItemView;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;

/** Where a learner goes next: after passing the final, after an answer, after signing in. */
@QuarkusTest
@Tag("db")
class LearnerPathsTest {

    static final String COURSE = "sample";

    @Inject
    CatalogService catalog;

    @Inject
    LearnerActions learner;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    private Course course() {
        return catalog.course(COURSE).orElseThrow();
    }

    private static Document get(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    /** The signed-in test user as a member (the first request creates it). */
    private static Member me(String subject) {
        given().get("/learn").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> Member.findBySubject(subject).orElseThrow());
    }

    /** Every card of every drill deck answered once, as the drill pages would. */
    void answerEveryCard(Member member) {
        for (Module module : course().modules()) {
            if (module instanceof Module.Drill drill) {
                for (String itemId : drill.deck()) {
                    learner.answerCard(member, COURSE, drill.id(), itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
                }
            }
        }
    }

    /** Reads the lessons, does every drill deck once and every quiz: the final's gate is met. */
    void meetTheGate(Member member) {
        course().modules().stream().filter(Module.Lesson.class::isInstance).forEach(l -> enrolments.markRead(member, COURSE, l.id()));
        answerEveryCard(member);
        for (Module module : course().modules()) {
            if (module instanceof Module.Quiz quiz) {
                Attempt attempt = assessments.start(member, COURSE, quiz.id());
                for (String itemId : attempt.items()) {
                    learner.answer(member, attempt, itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
                }
                learner.submit(member, attempt);
            }
        }
    }

    /** Meets the gate and passes the final with every answer right; returns the passed attempt. */
    Attempt passTheCourse(Member member) {
        meetTheGate(member);
        Attempt fin = assessments.start(member, COURSE, "final");
        for (String itemId : fin.items()) {
            learner.answer(member, fin, itemId, RightAnswers.of(course().item(itemId).orElseThrow()));
        }
        return learner.submit(member, fin);
    }

    @Test
    @TestSecurity(user = "cora@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "cora-completed"), @Claim(key = "name", value = "Cora Completer"),
            @Claim(key = "email", value = "cora@acme.example"), @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void aPassedFinalLeadsToTheCertificateAndShowsTheCourseAsCompleted() {
        Fixtures.acme();
        Member cora = me("cora-completed");
        Attempt passed = passTheCourse(cora);
        assertThat(passed.passed).isTrue();
        // the result page links to the certificate and back to the course
        Document result = get("/learn/attempts/" + passed.id + "/result");
        assertThat(result.select(".completed a[href=/me/certificates]")).isNotEmpty();
        assertThat(result.select(".completed a[href=/learn/" + COURSE + "]")).isNotEmpty();
        // the course page: Completed, links to the result and the certificate, no attempts left
        Document coursePage = get("/learn/" + COURSE);
        Element finalRow = coursePage.selectFirst("li.task#final");
        assertThat(finalRow.select(".task-state").text()).isEqualTo("Completed");
        assertThat(finalRow.text()).doesNotContain("Attempts left");
        assertThat(finalRow.select("a[href=/learn/attempts/" + passed.id + "/result]")).isNotEmpty();
        assertThat(finalRow.select("a[href=/me/certificates]")).isNotEmpty();
        assertThat(coursePage.select(".notice.completed").text()).contains("Completed");
        // the catalog: Completed, not "% done · Continue"
        Element card = get("/learn").select(".card").stream().filter(c -> c.select("h2 a[href=/learn/" + COURSE + "]").size() > 0)
                .findFirst().orElseThrow();
        assertThat(card.text()).contains("Completed").doesNotContain("% done").doesNotContain("Continue");
        // home: under the completed courses, not under "Continue"
        Document home = get("/home");
        assertThat(home.select(".completed-courses a[href=/learn/" + COURSE + "]")).isNotEmpty();
        assertThat(home.select(".continue").text()).doesNotContain("Sample course");
        // the certificate the links lead to exists
        assertThat(get("/me/certificates").text()).contains("Sample course");
    }

    /** The form a learner would submit from a question page: its hidden fields plus the right or a wrong answer. */
    RequestSpecification answer(Document page, boolean right) {
        Element form = page.selectFirst("form.card-form");
        RequestSpecification request = given();
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
            request.formParam("decision", right ? triage.decision().name().toLowerCase(Locale.ROOT) : "allow");
            if (right) {
                triage.redFlags().forEach(p -> request.formParam("phrase", p));
            }
        } else if (key instanceof AnswerKey.Truth truth) {
            request.formParam("truth", String.valueOf(right == truth.value()));
        }
        return request;
    }

    @Test
    @TestSecurity(user = "quinn@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "quinn-quiz-rule"), @Claim(key = "email", value = "quinn@acme.example") })
    void inAQuizTheFirstAnswerCountsAndThePagesSaySoWithoutInvitingAChange() {
        Member quinn = me("quinn-quiz-rule");
        String quiz = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/check/start").then().statusCode(303)
                .extract().header("Location");
        long attemptId = Long.parseLong(quiz.substring(quiz.lastIndexOf('/') + 1));
        Document first = get(quiz);
        assertThat(first.select(".rule").text()).contains("your first answer to each question counts")
                .doesNotContain("go back", "change any answer");
        String firstItem = first.selectFirst("input[name=item]").attr("value");
        answer(first, false).post(quiz + "/answer").then().statusCode(200);
        // the page does not offer the answered question again
        assertThat(get(quiz + "?n=1").selectFirst("input[name=item]").attr("value")).isNotEqualTo(firstItem);
        // a second answer to it (a request the pages never make) is recorded but does not count
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt> findById(attemptId));
        learner.answer(quinn, attempt, firstItem, RightAnswers.of(course().item(firstItem).orElseThrow()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.<Answer> list("attempt.id = ?1 and itemId = ?2 order by id",
                attemptId, firstItem).stream().map(a -> a.counted).toList())).containsExactly(true, false);
        answer(get(quiz), true).post(quiz + "/answer").then().statusCode(200);
        // the review lists the answers as given and invites no change
        Document review = get(quiz);
        assertThat(review.selectFirst("h1").text()).isEqualTo("Check your answers");
        assertThat(review.text()).contains("your first answer to each question counts").doesNotContain("go back", "change your answer");
        assertThat(review.select("a[href*=?n=]")).isEmpty();
        assertThat(review.select(".given-answers li")).hasSize(2);
        assertThat(review.select(".given-answers li .given").eachText()).allSatisfy(t -> assertThat(t).startsWith("Your answer:")
                .doesNotContain("not answered"));
        given().redirects().follow(false).post(quiz + "/submit").then().statusCode(303);
        // the score is the first answers': one wrong (a listing may earn partial credit), one right
        assertThat(get(quiz + "/result").select(".score").text()).isNotEqualTo("Score: 100%");
    }

    @Test
    @TestSecurity(user = "finn@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "finn-final-rule"), @Claim(key = "email", value = "finn@acme.example") })
    void inTheFinalTheLastAnswerBeforeSubmittingCountsAndThePagesSaySo() {
        Member finn = me("finn-final-rule");
        meetTheGate(finn);
        String fin = given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303)
                .extract().header("Location");
        Document first = get(fin);
        assertThat(first.select(".rule").text()).contains("the last answer you save before submitting counts");
        answer(first, false).post(fin + "/answer").then().statusCode(200);
        answer(get(fin), true).post(fin + "/answer").then().statusCode(200);
        Document review = get(fin);
        assertThat(review.text()).contains("the last answer you save before submitting counts");
        assertThat(review.select("a[href*=?n=]")).hasSize(2);
        // going back and changing the first answer: the change counts
        answer(get(fin + "?n=1"), true).post(fin + "/answer").then().statusCode(200);
        given().redirects().follow(false).post(fin + "/submit").then().statusCode(303);
        assertThat(get(fin + "/result").select(".score").text()).isEqualTo("Score: 100%");
    }

    @Test
    @TestSecurity(user = "flo@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "flo-feedback"), @Claim(key = "email", value = "flo@acme.example") })
    void feedbackHasItsOwnAddressAndShowsTheAnswerGivenAndThePicture() {
        me("flo-feedback");
        for (int card = 0; card < 2; card++) {
            Document page = get("/learn/" + COURSE + "/drills/cards");
            String itemId = page.selectFirst("input[name=item]").attr("value");
            RequestSpecification post = given().redirects().follow(false).formParam("item", itemId)
                    .formParam("key", page.selectFirst("input[name=key]").attr("value"));
            String expected;
            if (itemId.equals("find-lines")) {
                // a click on the picture shown 200 wide at (100, 75): the feedback puts a marker there
                post.formParam("pt.x", "100").formParam("pt.y", "75").formParam("w", "200");
                expected = "the point you marked on the picture";
            } else {
                Element option = page.select("input[name=option]").first();
                post.formParam("option", option.attr("value"));
                expected = page.selectFirst("label[for=" + option.id() + "]").ownText();
            }
            String location = post.post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303).extract().header("Location");
            assertThat(location).contains("/learn/" + COURSE + "/drills/cards/feedback/");
            long answers = QuarkusTransaction.requiringNew().call(() -> Answer.count("member.subject", "flo-feedback"));
            Document feedback = get(location);
            // a reload shows the same feedback and records nothing
            assertThat(get(location).select(".feedback").text()).isEqualTo(feedback.select(".feedback").text());
            assertThat(QuarkusTransaction.requiringNew().call(() -> Answer.count("member.subject", "flo-feedback"))).isEqualTo(answers);
            assertThat(feedback.select(".feedback .given").text()).startsWith("Your answer:").contains(expected);
            assertThat(feedback.select(".feedback img")).hasSize(1);
            assertThat(feedback.select(".feedback img").attr("alt")).isNotBlank();
            if (itemId.equals("find-lines")) {
                assertThat(feedback.select(".feedback .marker").attr("cx")).isEqualTo("50.0%");
            }
        }
        // nobody else's feedback
        given().get("/learn/" + COURSE + "/drills/cards/feedback/999999999").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "rita@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "rita-result"), @Claim(key = "email", value = "rita@acme.example") })
    void theResultListsEachQuestionWithTheAnswerGivenTheKeyAndTheExplanation() {
        Member rita = me("rita-result");
        meetTheGate(rita);
        Attempt fin = assessments.start(rita, COURSE, "final");
        String firstItem = fin.items().get(0);
        learner.answer(rita, fin, firstItem, RightAnswers.of(course().item(firstItem).orElseThrow()));
        learner.submit(rita, fin);
        Document result = get("/learn/attempts/" + fin.id + "/result");
        List<Element> panels = result.select(".feedback");
        assertThat(panels).hasSize(fin.items().size());
        for (int i = 0; i < panels.size(); i++) {
            Element panel = panels.get(i);
            Item item = course().item(fin.items().get(i)).orElseThrow();
            assertThat(panel.select(".given").text()).startsWith("Your answer:");
            assertThat(panel.text()).contains(item.common().explanation().in("en"));
            assertThat(panel.text()).containsAnyOf("Answer:", "Right decision:");
        }
        assertThat(panels.get(0).select(".given").text()).doesNotContain("not answered");
        assertThat(panels.get(1).select(".given").text()).contains("not answered");
    }

    @Test
    @TestSecurity(user = "sam@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "sam-signs-in"), @Claim(key = "email", value = "sam@acme.example") })
    void signingInLandsOnMyLearningWhichFirstShowsTheCoursesAndWhatToDo() {
        // no target, or the welcome page (the header's sign-in link there): My learning; a real target is kept
        given().redirects().follow(false).get("/login").then().statusCode(303).header("Location", endsWith("/home"));
        given().redirects().follow(false).queryParam("return", "/").get("/login").then().statusCode(303).header("Location",
                endsWith("/home"));
        given().redirects().follow(false).queryParam("return", "/learn/sample").get("/login").then().statusCode(303)
                .header("Location", endsWith("/learn/sample"));
        given().redirects().follow(false).queryParam("return", "https://evil.example/").get("/login").then().statusCode(303)
                .header("Location", endsWith("/home"));
        // a first visit: the courses on offer, each with its enrol button, and the steps
        Document home = get("/home");
        assertThat(home.select(".first-visit h3").text()).contains("Sample course");
        assertThat(home.select(".first-visit form[action=/learn/" + COURSE + "/enrol]")).hasSize(1);
        assertThat(home.select(".first-steps li")).hasSize(3);
        // one entry for the learner's start page in the menu, not "Home" and "My learning" side by side
        assertThat(home.select(".main-nav a[href=/home]")).hasSize(1);
        assertThat(home.select(".main-nav a[href=/]")).isEmpty();
        // once enrolled, the first-visit block gives way to the learner's own courses
        given().redirects().follow(false).post("/learn/" + COURSE + "/enrol").then().statusCode(303);
        assertThat(get("/home").select(".first-visit")).isEmpty();
    }

    @Test
    void visitorsKeepTheHomeLink() {
        assertThat(get("/").select(".main-nav a[href=/]")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "dora@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "dora-drills"), @Claim(key = "email", value = "dora@acme.example") })
    void theFinalOpensOnlyAfterOneFullPassThroughEachDrillDeck() {
        Member dora = me("dora-drills");
        enrolments.markRead(dora, COURSE, "basics");
        learner.submit(dora, assessments.start(dora, COURSE, "check"));
        // lessons read, quiz tried, 0 drill answers: refused, and the course page says why and which drill
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(409)
                .body(containsString("gone through every image drill once"));
        Element finalRow = get("/learn/" + COURSE).selectFirst("li.task#final");
        assertThat(finalRow.select(".gate").text()).contains("gone through every image drill once (every card answered)");
        assertThat(finalRow.select(".drills-missing a[href=/learn/" + COURSE + "/drills/cards]")).hasSize(1);
        // one card of two is not a full pass
        Module.Drill deck = (Module.Drill) course().module("cards").orElseThrow();
        String firstCard = deck.deck().get(0);
        learner.answerCard(dora, COURSE, "cards", firstCard, RightAnswers.of(course().item(firstCard).orElseThrow()));
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(409);
        // every card answered once (a wrong answer counts as going through it): the final opens
        String secondCard = deck.deck().get(1);
        learner.answerCard(dora, COURSE, "cards", secondCard, new Submission(Set.of("no-such-option"), "no-such-region", null, null,
                null, "allow", Set.of(), Boolean.TRUE));
        assertThat(get("/learn/" + COURSE).select("li.task#final .drills-missing")).isEmpty();
        given().redirects().follow(false).post("/learn/" + COURSE + "/modules/final/start").then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "hana@acme.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = "hana-hotspot"), @Claim(key = "email", value = "hana@acme.example") })
    void aHotspotIsAPictureToMarkAButtonToSendAndTheRegionListAsTheAlternative() {
        me("hana-hotspot");
        Document page = get("/learn/" + COURSE + "/drills/cards");
        if (!page.selectFirst("input[name=item]").attr("value").equals("find-lines")) {
            answer(page, true).post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(200);
            page = get("/learn/" + COURSE + "/drills/cards");
        }
        Element form = page.selectFirst("form.card-form");
        assertThat(form.selectFirst("input[name=item]").attr("value")).isEqualTo("find-lines");
        // no image button: clicking the picture must not send the form
        assertThat(form.select("input[type=image]")).isEmpty();
        Element picture = form.selectFirst("[data-hotspot] img.hotspot-image");
        ItemView.HotspotView view = (ItemView.HotspotView) catalog.learnerView(course(), course().item("find-lines").orElseThrow(), "en");
        assertThat(picture.attr("alt")).isEqualTo(view.image().alt()).isNotBlank();
        // the point travels in fields the script fills (and enables) when the picture is clicked
        assertThat(form.select("[data-hotspot] input[name=pt.x][disabled], [data-hotspot] input[name=pt.y][disabled]")).hasSize(2);
        assertThat(form.select("input[name=region]")).hasSize(view.regions().size());
        assertThat(form.select("button[type=submit]")).hasSize(1);
        // what the script sends for a marker placed at (100, 75) on the picture shown 200 wide
        String location = given().redirects().follow(false).formParam("item", "find-lines")
                .formParam("key", form.selectFirst("input[name=key]").attr("value")).formParam("pt.x", "100").formParam("pt.y", "75")
                .formParam("w", "200").post("/learn/" + COURSE + "/drills/cards/answer").then().statusCode(303).extract()
                .header("Location");
        assertThat(get(location).select(".feedback h1.verdict").text()).isEqualTo("Right");
    }
}
