package org.owlet.reporting.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The test validator catches each rule it claims to check, and the statement ids are RFC 4122 version 5 UUIDs. */
class XapiRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id":"1383e1e5-f198-5fb8-b6a5-090832db7aaf","version":"1.0.3",
                 "actor":{"objectType":"Agent","account":{"homePage":"https://owlet.example","name":"k"}},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
                 "object":{"objectType":"Activity","id":"https://owlet.example/courses/c/assessments/final",
                   "definition":{"name":{"en":"Final","zh-CN":"期末"},"type":"http://adlnet.gov/expapi/activities/assessment"}},
                 "result":{"score":{"scaled":0.8,"raw":8,"min":0,"max":10},"success":true,"completion":true,"duration":"PT12M3.5S"},
                 "context":{"registration":"5406f80d-92e9-51cd-a176-77445955e733","language":"fr","platform":"Owlet",
                   "contextActivities":{"parent":[{"id":"https://owlet.example/courses/c",
                     "definition":{"name":{"en":"C"},"type":"http://adlnet.gov/expapi/activities/course"}}]},
                   "extensions":{"https://owlet.example/xapi/extensions/refresher":false}},
                 "timestamp":"2026-01-02T03:04:05.678Z"}
                """);
    }

    @Test
    void aValidStatementPasses() throws Exception {
        assertThat(XapiRules.check(valid())).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReported() throws Exception {
        assertBroken(s -> ((ObjectNode) s.get("actor")).put("mbox", "mailto:a@b.example"), "inverse functional identifiers");
        assertBroken(s -> ((ObjectNode) s.get("actor")).remove("account"), "0 inverse functional identifiers");
        assertBroken(s -> ((ObjectNode) s.get("verb")).put("id", "passed"), "verb.id: not an absolute IRI");
        assertBroken(s -> ((ObjectNode) s.get("verb")).remove("display"), "verb.display");
        assertBroken(s -> ((ObjectNode) s.get("verb")).putObject("display").put("en_US", "passed"), "key not an RFC 5646 tag");
        assertBroken(s -> ((ObjectNode) s.get("object")).put("id", "/courses/c"), "object.id: not an absolute IRI");
        assertBroken(s -> ((ObjectNode) s.at("/result/score")).put("scaled", 1.2), "result.score.scaled");
        assertBroken(s -> ((ObjectNode) s.at("/result/score")).put("raw", 11), "result.score.raw");
        assertBroken(s -> ((ObjectNode) s.get("result")).put("success", "yes"), "result.success");
        assertBroken(s -> ((ObjectNode) s.get("result")).put("duration", "12 minutes"), "result.duration");
        assertBroken(s -> s.put("timestamp", "2026-01-02 03:04"), "timestamp");
        assertBroken(s -> s.put("timestamp", "2026-01-02T03:04:05"), "timestamp");
        assertBroken(s -> s.put("id", "12345"), "id: not a UUID");
        assertBroken(s -> s.put("version", "2.0.0"), "version");
        assertBroken(s -> s.put("verbose", true), "unknown property verbose");
        assertBroken(s -> ((ObjectNode) s.at("/context/extensions")).put("refresher", true), "key not an absolute IRI");
        assertBroken(s -> ((ObjectNode) s.get("context")).put("registration", "r1"), "context.registration");
    }

    @Test
    void statementIdsAreVersion5UuidsOfTheirName() {
        // the same values as Python's uuid.uuid5(uuid.NAMESPACE_URL, name)
        assertThat(XapiStatements.nameBased("https://www.python.org/")).isEqualTo(UUID.fromString("5406f80d-92e9-51cd-a176-77445955e733"));
        UUID id = XapiStatements.nameBased("http://localhost:8080/xapi/statements/passed/42");
        assertThat(id).isEqualTo(UUID.fromString("1383e1e5-f198-5fb8-b6a5-090832db7aaf"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    private interface Edit {
        void apply(ObjectNode statement) throws Exception;
    }

    private static void assertBroken(Edit edit, String expected) throws Exception {
        ObjectNode statement = valid();
        edit.apply(statement);
        assertThat(XapiRules.check(statement)).as(statement.toString()).anyMatch(p -> p.contains(expected));
    }
}
