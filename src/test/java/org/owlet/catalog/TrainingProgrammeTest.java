package org.owlet.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.owlet.catalog.model.Tags;
import org.owlet.catalog.validation.Problem;
import org.owlet.web.Languages;

/**
 * The training programme in {@code courses/} as the coalition specified it: five courses in eight languages (the fifth,
 * marine and plant products, since issue 19), at least 300 items, finals drawing 15–25 questions from pools twice that size, lessons a new moderator reads in about 15
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
    void fiveCoursesEachInTheEightLanguages() {
        assertThat(courses.keySet()).containsExactlyInAnyOrder("ivory-horn-casque", "bigcats-pangolins-medicinal",
                "live-animals", "coded-language-triage", "marine-plant-products");
        for (Course course : courses.values()) {
            assertThat(course.languages()).as(course.id()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
        }
    }

    @Test
    void atLeast300ItemsAndAtLeast40PerCourse() {
        int total = courses.values().stream().mapToInt(c -> c.items().size()).sum();
        System.out.println("TrainingProgrammeTest: " + total + " items in " + courses.size() + " courses");
        assertThat(total).as("items in all courses").isGreaterThanOrEqualTo(300);
        for (Course course : courses.values()) {
            assertThat(course.items()).as(course.id()).hasSizeGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void coursesAreWeightedByWhatIsSoldOnlineLiveAnimalsThenIvory() {
        List<String> bySize = courses.values().stream()
                .sorted(Comparator.comparingInt((Course c) -> c.items().size()).reversed()).map(Course::id).toList();
        assertThat(bySize.get(0)).isEqualTo("live-animals");
        // The coded-language course teaches a skill across every product family (issue 19 adds its coded-term
        // families there), so the weighting by what is sold online applies to the product courses.
        List<String> productCoursesBySize = bySize.stream().filter(id -> !id.equals("coded-language-triage"))
                .toList();
        assertThat(productCoursesBySize.subList(0, 2)).containsExactly("live-animals", "ivory-horn-casque");
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

    // ------------------------------------------------------------------ assessment integrity: the test cannot be read instead of the product

    @Test
    void finalsAreHeldOutFromDrillsAndQuizzesWithPoolsThreeTimesTheirDraw() {
        for (Course course : courses.values()) {
            Module.FinalAssessment exam = course.finalAssessment().orElseThrow();
            Set<String> practised = new TreeSet<>();
            course.modules().stream().filter(m -> m instanceof Module.Drill || m instanceof Module.Quiz)
                    .forEach(m -> practised.addAll(m.itemIds()));
            Set<String> shared = new TreeSet<>(exam.pool());
            shared.retainAll(practised);
            // a drill or quiz shows its key in the feedback: a learner who memorised them must not pass the final
            assertThat(shared).as(course.id() + ": final items also in a drill or quiz").isEmpty();
            assertThat(exam.pool().size()).as(course.id() + ": final pool").isGreaterThanOrEqualTo(3 * exam.draw());
        }
    }

    @Test
    void trueFalseStatementsAreAboutAsOftenTrueAsFalse() {
        for (Course course : courses.values()) {
            List<Item.TrueFalse> statements = items(course, Item.TrueFalse.class);
            long trueOnes = statements.stream().filter(t -> t.key().value()).count();
            assertThat(statements).as(course.id()).isNotEmpty();
            assertThat(trueOnes * 100.0 / statements.size()).as(course.id() + ": " + trueOnes + " of " + statements.size() + " true")
                    .isBetween(35.0, 65.0);
        }
    }

    @Test
    void everyDecisionIsCommonEnoughThatNoneCanBeGuessed() {
        for (Course course : courses.values()) {
            List<Item.ListingTriage> listings = items(course, Item.ListingTriage.class);
            Map<AnswerKey.Decision, Long> counts = listings.stream()
                    .collect(Collectors.groupingBy(l -> l.key().decision(), Collectors.counting()));
            String what = course.id() + ": " + counts + " of " + listings.size();
            assertThat(share(counts.get(AnswerKey.Decision.ALLOW), listings.size())).as(what + " allow").isBetween(30.0, 60.0);
            assertThat(share(counts.get(AnswerKey.Decision.REMOVE), listings.size())).as(what + " remove").isBetween(30.0, 60.0);
            assertThat(share(counts.get(AnswerKey.Decision.ESCALATE), listings.size())).as(what + " escalate")
                    .isGreaterThanOrEqualTo(10.0);
        }
    }

    @Test
    void codedTermsOftenMeanSomethingHarmless() {
        for (Course course : courses.values()) {
            List<Item.CodedTerm> terms = items(course, Item.CodedTerm.class);
            long harmless = terms.stream().filter(t -> t.common().tags().subject().contains(Tags.LOOKALIKE)).count();
            long tagged = terms.stream().filter(t -> !t.common().tags().subject().isEmpty()).count();
            assertThat(tagged).as(course.id() + ": every coded term says whether its meaning is harmless").isEqualTo(terms.size());
            assertThat(share(harmless, terms.size())).as(course.id() + ": " + harmless + " of " + terms.size() + " harmless")
                    .isGreaterThanOrEqualTo(30.0);
        }
    }

    @Test
    void theRightOptionIsNotTheLongestMoreOftenThanChance() {
        for (Course course : courses.values()) {
            int single = 0;
            int longest = 0;
            double chance = 0;
            for (Item item : course.items().values()) {
                List<Item.Option> options = item instanceof Item.ImageChoice i ? i.options()
                        : item instanceof Item.CodedTerm i ? i.options() : item instanceof Item.SingleChoice i ? i.options() : null;
                if (options == null || ((AnswerKey.Choice) item.key()).correct().size() != 1) {
                    continue;
                }
                String right = ((AnswerKey.Choice) item.key()).correct().iterator().next();
                int rightLength = options.stream().filter(o -> o.id().equals(right)).findFirst().orElseThrow().text().in("en").length();
                List<Integer> others = options.stream().filter(o -> !o.id().equals(right)).map(o -> o.text().in("en").length()).toList();
                single++;
                chance += 1.0 / options.size();
                longest += others.stream().allMatch(l -> rightLength > l) ? 1 : 0;
                double mean = others.stream().mapToInt(Integer::intValue).average().orElse(rightLength);
                assertThat(rightLength).as(course.id() + "/" + item.id() + ": right option's length against the others' mean " + mean)
                        .isLessThanOrEqualTo((int) Math.floor(1.5 * mean));
            }
            assertThat(share(longest, single)).as(course.id() + ": right option strictly the longest in " + longest + " of " + single)
                    .isLessThanOrEqualTo(100 * chance / single + 10);
        }
    }

    private static <T extends Item> List<T> items(Course course, Class<T> type) {
        return course.items().values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static double share(Long count, int of) {
        return count == null ? 0 : 100.0 * count / of;
    }

    private static double share(long count, int of) {
        return 100.0 * count / of;
    }

    static int words(String markdown) {
        String text = markdown.replaceAll("!\\[[^]]*]\\([^)]*\\)", " ").replaceAll("[#*_>|`-]", " ").trim();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }
}
