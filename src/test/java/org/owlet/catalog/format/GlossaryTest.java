package org.owlet.catalog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.owlet.catalog.validation.Problem;
import org.owlet.web.Languages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The repository's glossary ({@code courses/glossary.yaml}): one entry per course language whose decisions are the
 * interface's own words, and the real courses keep to it. The fixtures {@code broken/glossary-warnings} and
 * {@code broken/glossary-file-broken} (run by {@link CatalogReaderTest}) show each warning and error with its line.
 */
class GlossaryTest {

    static final Path COURSES = Path.of("courses");
    static final Path ASSETS = Path.of("assets");

    @Test
    void everyLanguageHasTheInterfacesDecisionWordsAsItsFixedTerms() throws IOException {
        JsonNode languages = new ObjectMapper(new YAMLFactory()).readTree(COURSES.resolve("glossary.yaml").toFile())
                .get("languages");
        List<String> tags = new ArrayList<>();
        languages.fieldNames().forEachRemaining(tags::add);
        assertThat(tags).containsExactlyInAnyOrderElementsOf(Languages.TAGS);
        for (String tag : tags) {
            Properties bundle = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("i18n", "learn_" + tag.replace('-', '_') + ".properties"),
                    StandardCharsets.UTF_8)) {
                bundle.load(reader);
            }
            for (String decision : List.of("allow", "remove", "escalate")) {
                String use = null;
                for (JsonNode term : languages.get(tag).get("terms")) {
                    if (term.get("id").asText().equals(decision)) {
                        use = term.get("use").asText();
                    }
                }
                assertThat(use).as(tag + " " + decision).isEqualTo(bundle.getProperty("decision_" + decision));
            }
        }
        for (String tag : List.of("es", "nl", "pt")) {
            assertThat(languages.get(tag).get("register").get("otherMarkers")).as(tag + " register markers").isNotEmpty();
        }
    }

    @Test
    void theRealCoursesKeepToTheGlossary() {
        LoadedCatalog catalog = CatalogReader.read(COURSES, ASSETS);

        List<String> strays = catalog.problems().stream().filter(p -> p.message().contains("glossary.yaml"))
                .map(Problem::toString).toList();
        System.out.printf("Glossary: %d course(s) checked, %d text(s) off the glossary%n", catalog.courses().size(),
                strays.size());
        assertThat(strays).isEmpty();
    }

    @Test
    void theCheckSeesTheRealCoursesTexts(@TempDir Path temp) throws IOException {
        // the real catalog with one zh-CN explanation, one Spanish lesson line and one manifest description off the
        // glossary: the check reads exactly those places
        CatalogReaderTest.copy(COURSES, temp.resolve("courses"));
        CatalogReaderTest.copy(ASSETS, temp.resolve("assets"));
        Path items = temp.resolve("courses/ivory-horn-casque/items/true-false.yaml");
        String text = Files.readString(items, StandardCharsets.UTF_8);
        int zh = text.indexOf("    zh-CN: ");
        Files.writeString(items, text.substring(0, zh + 12) + "下架。" + text.substring(zh + 12), StandardCharsets.UTF_8);
        Path lesson = temp.resolve("courses/ivory-horn-casque/lessons/listings-and-law.es.md");
        Files.writeString(lesson, Files.readString(lesson, StandardCharsets.UTF_8) + "\nSi tienes dudas, escale.\n",
                StandardCharsets.UTF_8);

        LoadedCatalog catalog = CatalogReader.read(temp.resolve("courses"), temp.resolve("assets"));

        long line = text.substring(0, zh).lines().count() + 1;
        long lessonLines = Files.readString(lesson, StandardCharsets.UTF_8).lines().count();
        assertThat(catalog.warnings()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "courses/ivory-horn-casque/items/true-false.yaml:" + line + ": " + fieldAt(text, zh)
                        + ".zh-CN: warning: '下架' is not the glossary's term for remove in 'zh-CN'; expected '删除'"
                        + " (courses/glossary.yaml)",
                "courses/ivory-horn-casque/lessons/listings-and-law.es.md:" + lessonLines + ": text: warning: 'tienes'"
                        + " is a word of the other register; expected usted throughout the 'es' texts"
                        + " (courses/glossary.yaml)");
        assertThat(catalog.errors()).isEmpty();
    }

    /** The field path of the text map the offset is in: the first item's id and the map's key ({@code statement}). */
    private static String fieldAt(String text, int offset) {
        Matcher id = Pattern.compile("(?m)^- id: (\\S+)$").matcher(text);
        assertThat(id.find()).isTrue();
        Matcher key = Pattern.compile("(?m)^  (\\w+):$").matcher(text.substring(0, offset));
        String field = null;
        while (key.find()) {
            field = key.group(1);
        }
        return "items[" + id.group(1) + "]." + field;
    }
}
