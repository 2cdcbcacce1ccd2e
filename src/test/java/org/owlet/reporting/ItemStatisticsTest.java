package org.owlet.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.owlet.reporting.ItemStatistics.ItemResult;
import org.owlet.reporting.ItemStatistics.LanguageFigures;
import org.owlet.reporting.ItemStatistics.Response;

/** Item statistics against figures worked out by hand for small, made-up response sets. */
class ItemStatisticsTest {

    /**
     * Item q, five English answers (option a is right):
     *
     * <pre>
     * answer  chose  score x  rest y  time
     *   1       a      1        4      10 s
     *   2       a      1        3      20 s
     *   3       a      1        2      30 s
     *   4       b      0        2      40 s
     *   5       -      0        1      (none)
     * </pre>
     *
     * Facility = 3/5 = 0.6. Point-biserial r = (M1 − M0) / s · √(p·q) with M1 = mean rest of the right answers = 9/3 = 3,
     * M0 = 3/2 = 1.5, s = population SD of rest: mean 2.4, squared deviations 2.56 + 0.36 + 0.16 + 0.16 + 1.96 = 5.2, s =
     * √(5.2/5) = √1.04 = 1.019804; p = 0.6, q = 0.4, √0.24 = 0.489898; r = 1.5 / 1.019804 × 0.489898 = 0.720577 (the same as
     * Pearson's 1.8 / √(1.2 × 5.2) = 1.8 / √6.24). Shares a 3/5, b 1/5, c 0. Median time of 10, 20, 30, 40 s = 25 s.
     */
    @Test
    void facilityPointBiserialSharesAndMedianTime() {
        List<Response> answers = List.of(answer("q", "en", 1, 4, List.of("a"), 10), answer("q", "en", 1, 3, List.of("a"), 20),
                answer("q", "en", 1, 2, List.of("a"), 30), answer("q", "en", 0, 2, List.of("b"), 40),
                new Response("q", "en", 0, 1, List.of(), null));
        ItemResult q = ItemStatistics.compute(answers, Map.of("q", List.of("a", "b", "c"))).get(0);
        assertThat(q.all().answers()).isEqualTo(5);
        assertThat(q.all().facility()).isCloseTo(0.6, within(1e-9));
        assertThat(q.all().discrimination()).isCloseTo(0.720577, within(1e-6));
        assertThat(q.all().discrimination()).isCloseTo(1.8 / Math.sqrt(6.24), within(1e-12));
        assertThat(q.all().choiceShares()).containsExactly(Map.entry("a", 0.6), Map.entry("b", 0.2), Map.entry("c", 0.0));
        assertThat(q.all().medianSeconds()).isEqualTo(25.0);
        assertThat(q.languages()).singleElement().satisfies(en -> {
            assertThat(en.language()).isEqualTo("en");
            assertThat(en.compared()).as("5 answers are fewer than 30").isFalse();
        });
        assertThat(q.flagged()).isFalse();
    }

    /** Partial credit (a listing scored 0.75) enters facility and the correlation as it is. */
    @Test
    void partialScoresCountAsTheyAre() {
        List<Response> answers = List.of(answer("l", "en", 0.75, 1, List.of("remove"), 5), answer("l", "en", 0.25, 0, List.of("allow"), 5));
        ItemResult l = ItemStatistics.compute(answers, Map.of("l", List.of("allow", "remove", "escalate"))).get(0);
        assertThat(l.all().facility()).isCloseTo(0.5, within(1e-9));
        assertThat(l.all().discrimination()).isCloseTo(1.0, within(1e-9));
        assertThat(l.all().choiceShares()).containsEntry("remove", 0.5).containsEntry("escalate", 0.0);
    }

    @Test
    void undefinedWhenNothingVaries() {
        List<Response> answers = List.of(answer("e", "en", 1, 3, List.of("a"), 1), answer("e", "en", 1, 2, List.of("a"), 1));
        assertThat(ItemStatistics.compute(answers, Map.of()).get(0).all().discrimination()).isNull();
        assertThat(ItemStatistics.compute(answers.subList(0, 1), Map.of()).get(0).all().discrimination()).isNull();
    }

    /**
     * Item t: English 60 answers, 48 right (0.80); French 30, 12 right (0.40); Spanish 10, all right (1.00). All languages:
     * 70/100 = 0.70. English differs by 0.10, French by 0.30 (more than 0.20: flagged), Spanish by 0.30 but with 10 answers
     * takes no part.
     */
    @Test
    void aLanguageWhoseFacilityStandsOutIsFlagged() {
        List<Response> answers = new ArrayList<>();
        answers.addAll(block("t", "en", 60, 48));
        answers.addAll(block("t", "fr", 30, 12));
        answers.addAll(block("t", "es", 10, 10));
        ItemResult t = ItemStatistics.compute(answers, Map.of()).get(0);
        assertThat(t.all().facility()).isCloseTo(0.70, within(1e-9));
        assertThat(t.flagged()).isTrue();
        assertThat(language(t, "fr").facilityOff()).isTrue();
        assertThat(language(t, "en").flagged()).isFalse();
        assertThat(language(t, "es").compared()).isFalse();
        assertThat(language(t, "es").flagged()).as("10 answers: no part in the flag").isFalse();
    }

    /**
     * Item u: English 100 answers, 50 right; French 29, none right. All: 50/129 = 0.388, French differs by 0.388 but has
     * 29 answers: no flag. A 30th French answer (wrong): all 50/130 = 0.385, French differs by 0.385 > 0.20: flagged.
     */
    @Test
    void thirtyAnswersAreNeededToTakePart() {
        List<Response> answers = new ArrayList<>();
        answers.addAll(block("u", "en", 100, 50));
        answers.addAll(block("u", "fr", 29, 0));
        assertThat(ItemStatistics.compute(answers, Map.of()).get(0).flagged()).isFalse();
        answers.add(answer("u", "fr", 0, 1, List.of(), 3));
        ItemResult u = ItemStatistics.compute(answers, Map.of()).get(0);
        assertThat(language(u, "fr").compared()).isTrue();
        assertThat(language(u, "fr").facilityOff()).isTrue();
    }

    /**
     * Item d: English 30 answers, 15 right with rest 4 and 15 wrong with rest 1 (r = +1); French the reverse, right with
     * rest 1 and wrong with rest 4 (r = −1). All languages: right answers have rest 4 or 1 alike, r = 0. Facility 0.5
     * everywhere; each language's discrimination differs from 0 by 1 > 0.30: both flagged.
     */
    @Test
    void aLanguageWhoseDiscriminationStandsOutIsFlagged() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(answer("d", "en", 1, 4, List.of(), 1));
            answers.add(answer("d", "en", 0, 1, List.of(), 1));
            answers.add(answer("d", "fr", 1, 1, List.of(), 1));
            answers.add(answer("d", "fr", 0, 4, List.of(), 1));
        }
        ItemResult d = ItemStatistics.compute(answers, Map.of()).get(0);
        assertThat(d.all().discrimination()).isCloseTo(0.0, within(1e-9));
        assertThat(language(d, "en").figures().discrimination()).isCloseTo(1.0, within(1e-9));
        assertThat(language(d, "fr").figures().discrimination()).isCloseTo(-1.0, within(1e-9));
        assertThat(language(d, "en").discriminationOff()).isTrue();
        assertThat(language(d, "fr").discriminationOff()).isTrue();
        assertThat(language(d, "fr").facilityOff()).isFalse();
    }

    @Test
    void itemsComeInTheCatalogsOrder() {
        List<Response> answers = List.of(answer("b", "en", 1, 0, List.of(), 1), answer("a", "en", 1, 0, List.of(), 1),
                answer("z", "en", 1, 0, List.of(), 1));
        Map<String, List<String>> catalogOrder = new LinkedHashMap<>();
        catalogOrder.put("b", List.of());
        catalogOrder.put("a", List.of());
        assertThat(ItemStatistics.compute(answers, catalogOrder).stream().map(ItemResult::itemId))
                .startsWith("b", "a").endsWith("z").hasSize(3);
    }

    /** {@code right} answers scored 1 with rest 2, the others scored 0 with rest 1. */
    private static List<Response> block(String item, String language, int answers, int right) {
        List<Response> block = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            block.add(i < right ? answer(item, language, 1, 2, List.of("x"), 5) : answer(item, language, 0, 1, List.of("y"), 5));
        }
        return block;
    }

    private static Response answer(String item, String language, double score, double rest, List<String> choices, int seconds) {
        return new Response(item, language, score, rest, choices, Duration.ofSeconds(seconds));
    }

    private static LanguageFigures language(ItemResult item, String language) {
        return item.languages().stream().filter(l -> l.language().equals(language)).findFirst().orElseThrow();
    }
}
