package org.owlet.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.format.LoadedCatalog;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.validation.Problem;
import org.owlet.web.Languages;

/**
 * The training programme in {@code courses/} as the coalition specified it: four courses in eight languages, at least
 * 200 items, finals drawing 15–25 questions from pools twice that size, lessons a new moderator reads in about 15
 * minutes, courses weighted by what is sold online, and legal look-alikes as common as protected products.
 * The validator's own rules (sources, translations, alt text, near-duplicates, deck balance) must hold with no
 * warning at all.
 */
class TrainingProgrammeTest {

    /** Every course is offered in every language the interface speaks. */
    static final List<String> LANGUAGES = Languages.TAGS;

    /** About 15 minutes of careful reading at 150–160 words a minute. */
    static final int MIN_LESSON_WORDS = 2300;

    static LoadedCatalog catalog;
    static Map<String, Course> courses;

    @BeforeAll
    static void read() {
        catalog = CatalogReader.read(Path.of("courses"), Path.of("assets"));
        courses = catalog.courses().stream().collect(Collectors.toMap(Course::id, Function.identity()));
    }

    @Test
    void theCoursesLoadWithoutAnyErrorOrWarning() {
        assertThat(catalog.errors()).extracting(Problem::toString).isEmpty();
        assertThat(catalog.warnings()).extracting(Problem::toString).isEmpty();
    }

    @Test
    void fourCoursesEachInTheEightLanguages() {
        assertThat(courses.keySet()).containsExactlyInAnyOrder("ivory-horn-casque", "bigcats-pangolins-medicinal",
                "live-animals", "coded-language-triage");
        for (Course course : courses.values()) {
            assertThat(course.languages()).as(course.id()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
        }
    }

    @Test
    void atLeast200ItemsAndAtLeast40PerCourse() {
        int total = courses.values().stream().mapToInt(c -> c.items().size()).sum();
        assertThat(total).isGreaterThanOrEqualTo(200);
        for (Course course : courses.values()) {
            assertThat(course.items()).as(course.id()).hasSizeGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void coursesAreWeightedByWhatIsSoldOnlineLiveAnimalsThenIvory() {
        List<String> bySize = courses.values().stream()
                .sorted(Comparator.comparingInt((Course c) -> c.items().size()).reversed()).map(Course::id).toList();
        assertThat(bySize.subList(0, 2)).containsExactly("live-animals", "ivory-horn-casque");
    }

    @Test
    void finalsDraw15To25QuestionsFromPoolsAtLeastTwiceThatSize() {
        for (Course course : courses.values()) {
            Module.FinalAssessment exam = course.finalAssessment().orElseThrow();
            assertThat(exam.draw()).as(course.id()).isBetween(15, 25);
            assertThat(exam.pool().size()).as(course.id()).isGreaterThanOrEqualTo(2 * exam.draw());
        }
    }

    @Test
    void lessonsTakeAboutFifteenMinutesToReadInEveryLanguage() {
        for (Course course : courses.values()) {
            List<Module.Lesson> lessons = course.modules().stream().filter(Module.Lesson.class::isInstance)
                    .map(Module.Lesson.class::cast).toList();
            int english = lessons.stream().mapToInt(l -> words(l.markdown().in("en"))).sum();
            assertThat(english).as(course.id() + " English lesson words").isGreaterThanOrEqualTo(MIN_LESSON_WORDS);
            for (String language : LANGUAGES) {
                int length = lessons.stream().mapToInt(l -> language.startsWith("zh")
                        ? l.markdown().in(language, "").replaceAll("\\s", "").length()
                        : words(l.markdown().in(language, ""))).sum();
                // a translation, not a summary: other languages run about as long as English (Chinese in characters)
                assertThat(length).as(course.id() + " lessons in " + language).isGreaterThanOrEqualTo(english * 3 / 4);
            }
        }
    }

    @Test
    void legalListingsAreAboutAsCommonAsProhibitedOnes() {
        List<Item.ListingTriage> listings = courses.values().stream().flatMap(c -> c.items().values().stream())
                .filter(Item.ListingTriage.class::isInstance).map(Item.ListingTriage.class::cast).toList();
        long allowed = listings.stream().filter(l -> l.key().decision() == AnswerKey.Decision.ALLOW).count();
        assertThat(listings).hasSizeGreaterThanOrEqualTo(40);
        assertThat(allowed * 100 / listings.size()).as(allowed + " of " + listings.size() + " listings allowed")
                .isBetween(40L, 60L);
    }

    @Test
    void drillDecksHoldAboutAsManyLookAlikesAsProtectedProducts() {
        for (Course course : courses.values()) {
            List<Item> cards = course.modules().stream().filter(Module.Drill.class::isInstance)
                    .flatMap(m -> m.itemIds().stream()).map(id -> course.item(id).orElseThrow()).toList();
            long lookalikes = cards.stream().filter(c -> c.common().tags().subject().contains("lookalike")).count();
            long protectedOnes = cards.stream().filter(c -> c.common().tags().subject().contains("protected")).count();
            assertThat(lookalikes + protectedOnes).as(course.id() + ": every card says what it shows")
                    .isEqualTo(cards.size());
            assertThat(cards).as(course.id()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(lookalikes * 100 / cards.size()).as(course.id() + ": " + lookalikes + " look-alikes of "
                    + cards.size() + " cards").isBetween(45L, 60L);
        }
    }

    static int words(String markdown) {
        String text = markdown.replaceAll("!\\[[^]]*]\\([^)]*\\)", " ").replaceAll("[#*_>|`-]", " ").trim();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }
}
