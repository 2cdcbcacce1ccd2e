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
 * than 1 % of attempts. Held-out finals keep the memoriser out; 12-question refreshers and balanced content keep luck
 * and the content's regularities under the line.
 */
class BlindGuessersTest {

    static final long SEED = 20261207L;

    static final int ATTEMPTS = 2000;

    /** At most this share of attempts may pass by a strategy that never looks at the question. */
    static final double MAX_PASS_RATE = 0.01;

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
        assertThat(passing).as("strategies passing more than 1 %% of attempts").isEmpty();
    }

    @Test
    void thePolicyProfileGuesserBetsOnWhatEachProfilesPractisedListingsWere() {
        // the listings of drills and quizzes show their key: a learner could learn "on this platform, remove"
        assertThat(BlindGuessers.strategies()).extracting(BlindGuessers.Strategy::name)
                .contains("same decision for the same policy profile");
        for (Course course : catalog.courses()) {
            BlindGuessers.Knowledge knowledge = BlindGuessers.knowledge(course);
            Set<String> practisedProfiles = new TreeSet<>();
            for (String id : knowledge.practised()) {
                course.item(id).filter(Item.ListingTriage.class::isInstance)
                        .ifPresent(i -> practisedProfiles.add(((Item.ListingTriage) i).listing().policy().id()));
            }
            assertThat(knowledge.decisionByPolicy().keySet()).as(course.id()).isEqualTo(practisedProfiles);
        }
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
