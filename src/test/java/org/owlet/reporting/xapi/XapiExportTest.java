package org.owlet.reporting.xapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Certificate;
import org.owlet.learning.Activity;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The coalition's xAPI export: a period's statements, each valid xAPI 1.0.3, pseudonymous, stable across exports. */
@QuarkusTest
@Tag("db")
class XapiExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "http://localhost:8080";

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void aPeriodsExportHoldsEachRecordsStatementsAndEveryOneIsValid() throws Exception {
        Member learner = XapiRecords.learner(Fixtures.acme(), UUID.randomUUID().toString().substring(0, 8));
        XapiRecords.attempt(learner, Activity.FINAL, Instant.parse("2019-05-31T23:59:59Z"), 0.5, false); // the day before
        XapiRecords.attempt(learner, Activity.FINAL, Instant.parse("2019-06-03T09:00:00Z"), 0.5, false);
        long passed = XapiRecords.attempt(learner, Activity.FINAL, Instant.parse("2019-06-05T10:00:00Z"), 0.9, true);
        Certificate certificate = XapiRecords.certificate(learner, passed, Instant.parse("2019-06-05T10:00:01Z"));
        long refresher = XapiRecords.attempt(learner, Activity.REFRESHER, Instant.parse("2019-06-30T23:59:59Z"), 1.0, true);
        XapiRecords.attempt(learner, Activity.FINAL, Instant.parse("2019-07-01T00:00:00Z"), 0.5, false); // the day after

        Response response = given().queryParam("from", "2019-06-01").queryParam("to", "2019-06-30").get("/api/v1/reports/xapi");
        response.then().statusCode(200).header("X-Experience-API-Version", "1.0.3");
        String body = response.asString();
        assertThat(body).doesNotContain(learner.displayName, learner.email);
        List<JsonNode> mine = of(learner, JSON.readTree(body));
        for (JsonNode statement : mine) {
            assertThat(XapiRules.check(statement)).as(statement.toString()).isEmpty();
        }
        assertThat(mine).extracting(s -> s.at("/verb/id").asText()).containsExactly("http://adlnet.gov/expapi/verbs/failed",
                "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/completed",
                "http://activitystrea.ms/schema/1.0/receive", "http://adlnet.gov/expapi/verbs/passed");
        assertThat(mine).extracting(s -> s.get("id").asText()).doesNotHaveDuplicates();
        assertThat(mine).extracting(s -> s.at("/context/registration").asText())
                .containsOnly(mine.get(0).at("/context/registration").asText());

        JsonNode actor = mine.get(0).get("actor");
        assertThat(actor.toString()).isEqualTo("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + BASE + "\",\"name\":\""
                + learner.personKey + "\"}}");

        JsonNode fail = mine.get(0);
        assertThat(fail.get("timestamp").asText()).isEqualTo("2019-06-03T09:00:00.000Z");
        assertThat(fail.at("/result/success").asBoolean()).isFalse();
        assertThat(fail.at("/result/score").toString()).isEqualTo("{\"scaled\":0.5,\"raw\":1.0,\"min\":0,\"max\":2}");

        JsonNode pass = mine.get(1);
        assertThat(pass.get("id").asText()).isEqualTo(
                XapiStatements.nameBased(BASE + "/xapi/statements/passed/" + passed).toString());
        assertThat(pass.at("/object/id").asText()).isEqualTo(BASE + "/courses/sample/assessments/final");
        assertThat(pass.at("/object/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/assessment");
        assertThat(pass.at("/object/definition/name/en").asText()).isEqualTo("Final assessment");
        assertThat(pass.at("/object/definition/name/fr").asText()).isEqualTo("Évaluation finale");
        assertThat(pass.at("/result/score").toString()).isEqualTo("{\"scaled\":0.9,\"raw\":1.8,\"min\":0,\"max\":2}");
        assertThat(pass.at("/result/success").asBoolean()).isTrue();
        assertThat(pass.at("/result/duration").asText()).isEqualTo("PT12M");
        assertThat(pass.at("/context/language").asText()).isEqualTo("fr");
        assertThat(pass.at("/context/contextActivities/parent/0/id").asText()).isEqualTo(BASE + "/courses/sample");
        assertThat(pass.at("/context/extensions").get(BASE + "/xapi/extensions/company").asText()).isEqualTo("acme");
        assertThat(pass.at("/context/extensions").get(BASE + "/xapi/extensions/refresher").asBoolean()).isFalse();

        JsonNode completed = mine.get(2);
        assertThat(completed.at("/object/id").asText()).isEqualTo(BASE + "/courses/sample");
        assertThat(completed.at("/object/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/course");
        assertThat(completed.at("/object/definition/name/en").asText()).isEqualTo("Sample course");
        assertThat(completed.at("/result/completion").asBoolean()).isTrue();
        assertThat(completed.get("timestamp").asText()).isEqualTo("2019-06-05T10:00:00.000Z");

        JsonNode received = mine.get(3);
        assertThat(received.at("/verb/display/en-US").asText()).isEqualTo("received");
        assertThat(received.at("/object/id").asText()).isEqualTo(BASE + "/courses/sample/certificate");
        assertThat(received.at("/object/definition/type").asText()).isEqualTo("http://id.tincanapi.com/activitytype/certificate");
        assertThat(received.at("/context/statement/id").asText()).isEqualTo(pass.get("id").asText());
        assertThat(received.at("/context/extensions").get(BASE + "/xapi/extensions/valid-until").asText())
                .isEqualTo(certificate.expiresOn.toString());
        assertThat(received.get("id").asText())
                .isEqualTo(XapiStatements.nameBased(BASE + "/xapi/statements/certificate/" + certificate.id).toString());
        assertThat(body).doesNotContain(certificate.code);

        JsonNode renewal = mine.get(4);
        assertThat(renewal.get("id").asText())
                .isEqualTo(XapiStatements.nameBased(BASE + "/xapi/statements/passed/" + refresher).toString());
        assertThat(renewal.at("/context/extensions").get(BASE + "/xapi/extensions/refresher").asBoolean()).isTrue();
        assertThat(renewal.get("timestamp").asText()).isEqualTo("2019-06-30T23:59:59.000Z");

        // exporting again gives the very same statements (same ids): resending them is idempotent at an LRS
        String again = given().queryParam("from", "2019-06-01").queryParam("to", "2019-06-30").get("/api/v1/reports/xapi").then()
                .statusCode(200).extract().asString();
        assertThat(of(learner, JSON.readTree(again))).isEqualTo(mine);
        // one day holds only that day's statements
        String day = given().queryParam("from", "2019-06-03").queryParam("to", "2019-06-03").get("/api/v1/reports/xapi").then()
                .statusCode(200).extract().asString();
        assertThat(of(learner, JSON.readTree(day))).containsExactly(fail);
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void badDatesAreRefusedNamingTheParameter() {
        assertRefused("2019-13-01", "2019-06-30", "from", "Parameter from");
        assertRefused(null, "2019-06-30", "from", "Parameter from");
        assertRefused("2019-06-01", "30/06/2019", "to", "Parameter to");
        assertRefused("2019-06-01", "2019-05-31", "to", "on or after from");
        assertRefused("2019-01-01", "2020-01-02", "to", "at most 366 days");
        given().queryParam("from", "2019-01-01").queryParam("to", "2020-01-01").get("/api/v1/reports/xapi").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = { "learner" })
    void learnersMayNotExport() {
        given().queryParam("from", "2019-06-01").queryParam("to", "2019-06-30").get("/api/v1/reports/xapi").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    void companyAdminsMayNotExport() {
        given().queryParam("from", "2019-06-01").queryParam("to", "2019-06-30").get("/api/v1/reports/xapi").then().statusCode(403);
    }

    private static void assertRefused(String from, String to, String field, String message) {
        var request = given();
        if (from != null) {
            request.queryParam("from", from);
        }
        JsonPath problem = request.queryParam("to", to).get("/api/v1/reports/xapi").then().statusCode(400).extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).as(from + ".." + to).containsExactly(field);
        assertThat(problem.getString("errors[0].message")).contains(message);
    }

    private static List<JsonNode> of(Member learner, JsonNode statements) {
        assertThat(statements.isArray()).isTrue();
        List<JsonNode> mine = new ArrayList<>();
        statements.forEach(s -> {
            if (learner.personKey.equals(s.at("/actor/account/name").asText())) {
                mine.add(s);
            }
        });
        assertThat(new HashSet<>(mine)).hasSameSizeAs(mine);
        return mine;
    }
}
