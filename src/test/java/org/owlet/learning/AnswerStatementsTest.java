package org.owlet.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.StatementCounter;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.response.Response;

/**
 * The answer hot path in SQL statements, counted per request as the server runs it (bearer token, the way the
 * benchmark and {@code .ci/faults.py} send answers): an answer is at most {@value #MAX_STATEMENTS} statements in one
 * transaction, including the rendered-question lookup; the pages around it (next card, feedback) write nothing but
 * the rendered question a new card needs; the authenticated no-op reads nothing once the member is known.
 */
@QuarkusTest
@Tag("db")
class AnswerStatementsTest {

    static final int MAX_STATEMENTS = 5;

    static final String USER = "erin@individual.example";

    @Inject
    @PersistenceUnitExtension
    StatementCounter counter;

    private static String token() {
        return new OidcTestClient().getAccessToken(USER, USER);
    }

    private Response counted(String token, String method, String path, Map<String, String> form) {
        counter.reset();
        var request = given().auth().oauth2(token).header(StatementCounter.HEADER, "1").redirects().follow(false);
        if (form != null) {
            request = request.contentType("application/x-www-form-urlencoded").formParams(form);
        }
        return request.request(method, path);
    }

    /** The fields the question form sends: its hidden fields and the first choice of each group. */
    static Map<String, String> answerFields(Document page) {
        Element form = page.select("form:has(input[name=key])").first();
        assertThat(form).as("a question form on the page").isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]:not([disabled])")) {
            String type = input.attr("type");
            if (type.equals("hidden")) {
                fields.put(input.attr("name"), input.attr("value"));
            } else if ((type.equals("radio") || type.equals("checkbox")) && !fields.containsKey(input.attr("name"))) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        fields.put("_action", form.attr("action"));
        return fields;
    }

    private void assertAnswer(String what, StatementCounter.Counts counts) {
        System.out.printf("statements per %s: %d, transactions: %d%n", what, counts.statements().size(), counts.transactions());
        assertThat(counts.statements()).as("statements per %s: %s", what, counts).hasSizeLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(counts.transactions()).as("transactions per %s: %s", what, counts).isEqualTo(1);
        assertThat(counts.writes()).as("an answer writes its row: %s", counts).isPositive();
    }

    private void assertReadOnly(String what, StatementCounter.Counts counts) {
        System.out.printf("statements per %s: %d, writes: %d, transactions: %d%n", what, counts.statements().size(), counts.writes(),
                counts.transactions());
        assertThat(counts.writes()).as("writes on %s: %s", what, counts).isZero();
    }

    @Test
    void aDrillAnswerIsFiveStatementsInOneTransactionAndItsPagesWriteNothing() {
        String token = token();
        String drill = "/learn/sample/drills/cards?practice=true";
        given().auth().oauth2(token).get(drill).then().statusCode(200); // warm: member known, enrolled, card rendered

        // a reload of the card shows the same rendered question: nothing to write
        Response card = counted(token, "GET", drill, null);
        assertThat(card.statusCode()).isEqualTo(200);
        assertReadOnly("next card (reload)", counter.take());

        Map<String, String> fields = answerFields(Jsoup.parse(card.asString()));
        String action = fields.remove("_action");
        Response answer = counted(token, "POST", action, fields);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
        assertAnswer("drill answer", counter.take());

        Response feedback = counted(token, "GET", URI.create(answer.header("Location")).getRawPath() + "?practice=true", null);
        assertThat(feedback.statusCode()).isEqualTo(200);
        StatementCounter.Counts feedbackCounts = counter.take();
        assertReadOnly("feedback GET", feedbackCounts);
        assertThat(feedbackCounts.statements()).as("the feedback page reads its answer, not the member row: %s", feedbackCounts)
                .hasSize(1);

        // the next card is a new rendered question: its row is the one write
        Response next = counted(token, "GET", drill, null);
        assertThat(next.statusCode()).isEqualTo(200);
        StatementCounter.Counts counts = counter.take();
        System.out.printf("statements per next card (new card): %d, writes: %d, transactions: %d%n", counts.statements().size(),
                counts.writes(), counts.transactions());
        assertThat(counts.statements()).as("%s", counts).noneMatch(s -> s.toLowerCase().startsWith("update"));
        assertThat(counts.writes()).as("only the rendered question is written: %s", counts).isLessThanOrEqualTo(1);
        assertThat(counts.transactions()).as("the visit, the deck and the new card in one transaction: %s", counts).isEqualTo(1);

        // the same answer sent again: the first one, nothing written
        Response again = counted(token, "POST", action, fields);
        assertThat(again.header("Location")).isEqualTo(answer.header("Location"));
        StatementCounter.Counts duplicate = counter.take();
        System.out.printf("statements per repeated drill answer: %d, writes: %d%n", duplicate.statements().size(), duplicate.writes());
        assertThat(duplicate.writes()).as("%s", duplicate).isZero();
    }

    @Test
    void aQuizAnswerIsAtMostFiveStatementsInOneTransaction() {
        String token = token();
        Response start = given().auth().oauth2(token).redirects().follow(false).post("/learn/sample/modules/check/start");
        assertThat(start.statusCode()).as(start.asString()).isEqualTo(303);
        String attempt = URI.create(start.header("Location")).getRawPath();
        int answered = 0;
        while (true) {
            Document page = Jsoup.parse(given().auth().oauth2(token).get(attempt).then().statusCode(200).extract().asString());
            if (page.select("form:has(input[name=key])").isEmpty()) {
                break;
            }
            Map<String, String> fields = answerFields(page);
            String action = fields.remove("_action");
            Response answer = counted(token, "POST", action, fields);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
            assertAnswer("quiz answer", counter.take());
            Response feedback = counted(token, "GET", URI.create(answer.header("Location")).getRawPath(), null);
            assertThat(feedback.statusCode()).isEqualTo(200);
            StatementCounter.Counts feedbackCounts = counter.take();
            assertReadOnly("quiz feedback GET", feedbackCounts);
            assertThat(feedbackCounts.statements()).as("the attempt and the answer, not the member row: %s", feedbackCounts)
                    .hasSize(2);
            answered++;
        }
        assertThat(answered).as("questions answered").isPositive();
        Response submit = counted(token, "POST", attempt + "/submit", Map.of());
        assertThat(submit.statusCode()).isEqualTo(303);
        StatementCounter.Counts counts = counter.take();
        System.out.printf("statements per quiz submit: %d, transactions: %d%n", counts.statements().size(), counts.transactions());
        assertThat(counts.statements()).as("%s", counts).hasSizeLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(counts.transactions()).as("%s", counts).isEqualTo(1);
    }

    @Test
    void theAuthenticatedNoOpReadsNothingOnceTheMemberIsKnown() {
        String token = token();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Response me = counted(token, "GET", "/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(200);
        StatementCounter.Counts counts = counter.take();
        System.out.printf("statements per authenticated no-op: %d, transactions: %d%n", counts.statements().size(), counts.transactions());
        assertThat(counts.statements()).as("%s", counts).isEmpty();
        assertThat(counts.transactions()).as("%s", counts).isZero();
    }

    /**
     * The catalog and "My progress" show every course's progress from one read of each table (six statements, plus
     * the caller's own rows), however many courses there are: each course used to cost eight.
     */
    @Test
    void theCatalogAndProgressPagesReadEachTableOnceForAllCourses() {
        String token = token();
        given().auth().oauth2(token).redirects().follow(false).post("/learn/sample/enrol").then().statusCode(303);
        for (String path : new String[] { "/learn", "/home/progress" }) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
            Response page = counted(token, "GET", path, null);
            assertThat(page.statusCode()).isEqualTo(200);
            StatementCounter.Counts counts = counter.take();
            System.out.printf("statements per GET %s: %d, writes: %d%n", path, counts.statements().size(), counts.writes());
            assertThat(counts.writes()).as("%s writes nothing: %s", path, counts).isZero();
            assertThat(counts.statements()).as("statements per GET %s: %s", path, counts).hasSizeLessThanOrEqualTo(8);
        }
    }
}
