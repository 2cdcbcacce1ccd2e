package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.format.CatalogReader;
import org.owlet.catalog.format.LoadedCatalog;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;

/**
 * Learners who never look at the picture or understand the text, 2,000 attempts each at every final and refresher of
 * the real courses (real draw, shuffle and scoring, fixed seed): the table is printed, and no strategy may pass more
 * than 1 % of attempts, except those listed in {@link #KNOWN}, which the held-out finals of the assessment-integrity
 * work remove. The list is a ratchet: a strategy that starts passing fails the test, and so does one that stops
 * passing while still listed (take it off the list).
 */
class BlindGuessersTest {

    static final long SEED = 20261207L;

    static final int ATTEMPTS = 2000;

    /** At most this share of attempts may pass by a strategy that never looks at the question. */
    static final double MAX_PASS_RATE = 0.01;

    /**
     * Known to pass today, as "course / assessment / strategy", each to be removed by the assessment-integrity work:
     * every item of the finals also stands in a drill deck or quiz pool, whose feedback shows its key, so memorising
     * drills and quizzes passes (held-out finals remove it); refreshers draw only 7 questions at an 80 % pass mark, so
     * luck or a regularity of the content (the longest option, the decision a prompt's wording goes with, the share of
     * listings to allow) passes more than 1 % of them (longer refreshers, one prompt per item type and balanced
     * decisions remove those).
     */
    static final Set<String> KNOWN = Set.of(
            "bigcats-pangolins-medicinal / final / memorised every drill and quiz key",
            "bigcats-pangolins-medicinal / refresher / memorised every drill and quiz key",
            "coded-language-triage / final / memorised every drill and quiz key",
            "coded-language-triage / refresher / memorised every drill and quiz key",
            "ivory-horn-casque / final / memorised every drill and quiz key",
            "ivory-horn-casque / refresher / memorised every drill and quiz key",
            "live-animals / final / memorised every drill and quiz key",
            "live-animals / refresher / memorised every drill and quiz key",
            // refreshers ask 7 questions at an 80 % mark: 6 of 7 by luck or by a regularity of the content
            "bigcats-pangolins-medicinal / refresher / longest option",
            "bigcats-pangolins-medicinal / refresher / always allow",
            "bigcats-pangolins-medicinal / refresher / same decision for the same prompt",
            "coded-language-triage / refresher / first option",
            "coded-language-triage / refresher / always allow",
            "coded-language-triage / refresher / same decision for the same prompt",
            "ivory-horn-casque / refresher / same decision for the same prompt",
            "live-animals / refresher / first option",
            "live-animals / refresher / longest option",
            "live-animals / refresher / most specific option",
            "live-animals / refresher / always allow",
            "live-animals / refresher / same decision for the same prompt");

    static LoadedCatalog catalog;

    @BeforeAll
    static void read() {
        catalog = CatalogReader.read(Path.of("courses"), Path.of("assets"));
    }

    @Test
    void noBlindStrategyPassesTheFinalsOrRefreshers() {
        System.out.println("BlindGuessersTest seed=" + SEED + ", " + ATTEMPTS + " attempts per strategy and assessment");
        List<BlindGuessers.Row> rows = new ArrayList<>();
        for (Course course : catalog.courses()) {
            rows.addAll(BlindGuessers.simulate(course, ATTEMPTS, SEED));
        }
        System.out.printf("%-28s %-10s %-36s %6s %7s%n", "course", "assessment", "strategy", "mean", "passed");
        Set<String> passing = new TreeSet<>();
        for (BlindGuessers.Row row : rows) {
            System.out.printf("%-28s %-10s %-36s %5.1f%% %6.2f%%%n", row.course(), row.assessment(), row.strategy(),
                    100 * row.meanScore(), 100 * row.passRate());
            if (row.passRate() > MAX_PASS_RATE) {
                passing.add(row.course() + " / " + row.assessment() + " / " + row.strategy());
            }
        }
        assertThat(rows).hasSize(catalog.courses().size() * BlindGuessers.strategies().size() * 2);
        assertThat(passing).as("strategies passing more than 1 %% of attempts").containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void whatTheMemoriserAnswersIsRightForEveryItemOfEveryFinal() {
        // the simulator's "right answer" is the scoring's: a memoriser is never undercounted
        for (Course course : catalog.courses()) {
            for (String itemId : course.finalAssessment().orElseThrow().pool()) {
                Item item = course.item(itemId).orElseThrow();
                assertThat(Scoring.score(item, BlindGuessers.right(item))).as(course.id() + " " + itemId).isEqualTo(1.0);
            }
        }
    }
}
