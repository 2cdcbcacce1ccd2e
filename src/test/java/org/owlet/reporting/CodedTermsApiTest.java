package org.owlet.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The coded-term list on the repository's own courses, checked against the course files read here directly (not
 * through Owlet's catalog reader): every coded-term item of every course, its term, and what it stands for (the right
 * option's text) in English and French; plus its formats, its fields and who may have it.
 */
@QuarkusTest
@TestProfile(CodedTermsApiTest.RealCourses.class)
class CodedTermsApiTest {

    /** The courses and assets folders at the top of the repository, as a packaged Owlet reads them. */
    public static class RealCourses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("owlet.catalog.courses-dir", "courses", "owlet.catalog.assets-dir", "assets");
        }
    }

    /** A coded-term item as the course file writes it. */
    record FileTerm(String course, String item, String term, Map<String, String> meaning, List<String> sources) {
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void theListHoldsEveryCodedTermOfTheCoursesWithItsMeaning() throws IOException {
        List<FileTerm> files = fileTerms();
        assertThat(files).hasSizeGreaterThan(20);
        Map<String, Long> perCourse = new HashMap<>();
        files.forEach(t -> perCourse.merge(t.course(), 1L, Long::sum));
        for (String language : List.of("en", "fr")) {
            JsonPath body = given().queryParam("lang", language).get("/api/v1/coded-terms").then().statusCode(200)
                    .contentType(containsString("application/json")).extract().jsonPath();
            List<Map<String, Object>> terms = body.getList("terms");
            assertThat(body.getInt("count")).isEqualTo(files.size()).isEqualTo(terms.size());
            Map<String, Long> exported = new HashMap<>();
            terms.forEach(t -> exported.merge((String) t.get("course"), 1L, Long::sum));
            assertThat(exported).as("coded-term items per course").isEqualTo(perCourse);
            for (FileTerm file : files) {
                Map<String, Object> term = terms.stream()
                        .filter(t -> t.get("course").equals(file.course()) && t.get("item").equals(file.item()))
                        .findFirst().orElseThrow(() -> new AssertionError(file.course() + "/" + file.item() + " not exported"));
                assertThat(term.get("term")).as(file.item()).isEqualTo(file.term());
                assertThat(term.get("meaning")).as(file.item() + " in " + language).isEqualTo(file.meaning().get(language));
                assertThat(term.get("language")).isEqualTo(language);
                assertThat(term.get("subject")).as(file.item()).isIn("protected", "lookalike");
                assertThat((List<?>) term.get("category")).as(file.item()).isNotEmpty();
                List<Map<String, String>> sources = castList(term.get("sources"));
                assertThat(sources).extracting(s -> s.get("id")).as(file.item()).containsExactlyElementsOf(file.sources());
                assertThat(sources).allSatisfy(s -> assertThat(s.get("title")).isNotBlank());
            }
            assertThat(body.getString("definition")).contains("coded-term", "right answer", "product category");
            assertThat(Instant.parse(body.getString("generatedAt"))).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.getString("owletVersion")).isNotBlank().isNotEqualTo("unknown");
        }
        JsonPath french = given().queryParam("lang", "fr").get("/api/v1/coded-terms").then().extract().jsonPath();
        Map<String, Object> xj = french.<Map<String, Object>> getList("terms").stream()
                .filter(t -> t.get("item").equals("ct-xj") && t.get("course").equals("coded-language-triage")).findFirst().orElseThrow();
        assertThat(xj.get("termLanguage")).isEqualTo("zh-CN");
        assertThat(CodedTermsApiTest.<String> castList(xj.get("category"))).containsExactly("rhino-horn");
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    void csvIsOnePlainTableWithTimeAndVersionColumns() {
        JsonPath json = given().queryParam("lang", "vi").get("/api/v1/coded-terms").then().statusCode(200).extract().jsonPath();
        for (var request : List.of(given().accept("text/csv"), given().queryParam("format", "csv"))) {
            byte[] bytes = request.queryParam("lang", "vi").get("/api/v1/coded-terms").then().statusCode(200)
                    .contentType(containsString("text/csv")).header("Content-Disposition", containsString("owlet-coded-terms-vi.csv"))
                    .extract().asByteArray();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
            assertThat(lines.get(0)).isEqualTo(String.join(",", CodedTermsApi.CSV_HEADER));
            assertThat(lines).hasSize(json.getInt("count") + 1);
            assertThat(lines.stream().filter(l -> l.startsWith("coded-language-triage,1.0,ct-xj,XJ,zh-CN,vi,"))).hasSize(1);
            assertThat(lines.get(1)).endsWith("," + json.getString("owletVersion"));
        }
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void anUnknownLanguageOrFormatIsRefusedWithTheChoices() {
        String problem = given().queryParam("lang", "de").get("/api/v1/coded-terms").then().statusCode(400)
                .contentType(containsString("application/problem+json")).extract().asString();
        assertThat(problem).contains("en, fr, es, pt, zh-CN, vi, id, nl", "\"lang\"", "\"de\"");
        given().queryParam("format", "xml").get("/api/v1/coded-terms").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void learnersMayNotHaveIt() {
        given().get("/api/v1/coded-terms").then().statusCode(403);
    }

    @Test
    void anonymousCallersMustSignIn() {
        given().redirects().follow(false).get("/api/v1/coded-terms").then().statusCode(401);
    }

    /** The unknown-language message lists exactly the interface's languages. */
    @Test
    void theMessageListsTheLanguages() throws IOException {
        java.util.Properties english = new java.util.Properties();
        try (var reader = Files.newBufferedReader(Path.of("i18n/analysis_en.properties"), StandardCharsets.UTF_8)) {
            english.load(reader);
        }
        assertThat(english.getProperty("codedterms_unknown_language")).contains(String.join(", ", org.owlet.web.Languages.TAGS));
    }

    /** Every coded-term item in {@code courses/<course>/items/*.yaml}, read as plain YAML. */
    static List<FileTerm> fileTerms() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<FileTerm> terms = new ArrayList<>();
        try (Stream<Path> courses = Files.list(Path.of("courses"))) {
            for (Path dir : courses.filter(d -> Files.exists(d.resolve("course.yaml"))).sorted().toList()) {
                String course = yaml.readTree(dir.resolve("course.yaml").toFile()).get("id").asText();
                try (Stream<Path> files = Files.list(dir.resolve("items"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        for (JsonNode item : yaml.readTree(file.toFile()).get("items")) {
                            if (!"coded-term".equals(item.get("type").asText())) {
                                continue;
                            }
                            List<String> correct = new ArrayList<>();
                            JsonNode key = item.get("correct");
                            if (key.isArray()) {
                                key.forEach(k -> correct.add(k.asText()));
                            } else {
                                correct.add(key.asText());
                            }
                            Map<String, String> meaning = new HashMap<>();
                            for (JsonNode option : item.get("options")) {
                                if (correct.contains(option.get("id").asText())) {
                                    option.get("text").fields().forEachRemaining(e -> meaning.merge(e.getKey(), e.getValue().asText(),
                                            (a, b) -> a + " / " + b));
                                }
                            }
                            List<String> sources = new ArrayList<>();
                            item.get("sources").forEach(s -> sources.add(s.asText()));
                            terms.add(new FileTerm(course, item.get("id").asText(), item.get("term").asText(), meaning, sources));
                        }
                    }
                }
            }
        }
        return terms;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }
}
