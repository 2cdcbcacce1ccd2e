package org.owlet.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classical item statistics, pure functions over counted answers, per item and per language.
 * <ul>
 * <li><em>Facility</em>: the mean item score, so for items scored 0 or 1 the share answered correctly. A listing triage is
 * scored with partial credit (half for the decision, half for the phrases); its facility is the mean of those
 * scores.</li>
 * <li><em>Discrimination</em>: the item–rest correlation (corrected point-biserial), Pearson's correlation between the
 * item's score and the rest of the attempt's score (the attempt's total minus this item), over the item's answers;
 * for 0/1 items this is the point-biserial correlation. Undefined ({@code null}) with fewer than two answers or when
 * either score does not vary.</li>
 * <li><em>Choice shares</em>: the share of answers that chose each option (several per answer in a multi-choice, so they
 * may add up to more than 1; blank answers choose nothing).</li>
 * <li><em>Median time</em>: from the server showing the question to the answer, in seconds.</li>
 * <li><em>Language flag</em>: among the languages with at least {@value #MIN_ANSWERS} answers to the item, one whose
 * facility differs from the item's facility over all its answers by more than {@value #FACILITY_GAP}, or whose
 * discrimination differs by more than {@value #DISCRIMINATION_GAP}. That is how a bad translation shows.</li>
 * </ul>
 */
public final class ItemStatistics {

    public static final int MIN_ANSWERS = 30;
    public static final double FACILITY_GAP = 0.20;
    public static final double DISCRIMINATION_GAP = 0.30;

    /** One counted answer: its item, language, score (0–1), the rest of its attempt's score, what it chose, its time. */
    public record Response(String itemId, String language, double score, double rest, List<String> choices, Duration time) {
        public Response {
            choices = List.copyOf(choices);
        }
    }

    /** The figures of one set of answers. {@code discrimination} and {@code medianSeconds} may be null. */
    public record Figures(int answers, double facility, Double discrimination, Map<String, Double> choiceShares,
            Double medianSeconds) {
    }

    /** An item's figures in one language; {@code compared} when it has enough answers to take part in the flag. */
    public record LanguageFigures(String language, Figures figures, boolean compared, boolean facilityOff,
            boolean discriminationOff) {

        public boolean flagged() {
            return facilityOff || discriminationOff;
        }
    }

    /** An item's figures over all languages, then per language (by tag). */
    public record ItemResult(String itemId, Figures all, List<LanguageFigures> languages) {

        public boolean flagged() {
            return languages.stream().anyMatch(LanguageFigures::flagged);
        }
    }

    private ItemStatistics() {
    }

    /**
     * The statistics of every item that has answers, in the order of {@code choicesByItem} (then any other item by id).
     *
     * @param choicesByItem each item's possible choices in the order to list them (option ids, decisions, true/false);
     *        an item without an entry gets no choice shares
     */
    public static List<ItemResult> compute(List<Response> responses, Map<String, List<String>> choicesByItem) {
        Map<String, List<Response>> byItem = new TreeMap<>();
        for (Response response : responses) {
            byItem.computeIfAbsent(response.itemId(), k -> new ArrayList<>()).add(response);
        }
        Map<String, List<Response>> ordered = new LinkedHashMap<>();
        choicesByItem.keySet().stream().filter(byItem::containsKey).forEach(id -> ordered.put(id, byItem.get(id)));
        byItem.forEach(ordered::putIfAbsent);
        List<ItemResult> results = new ArrayList<>();
        ordered.forEach((itemId, answers) -> results.add(item(itemId, answers, choicesByItem.getOrDefault(itemId, List.of()))));
        return results;
    }

    static ItemResult item(String itemId, List<Response> answers, List<String> choices) {
        Figures all = figures(answers, choices);
        Map<String, List<Response>> byLanguage = new TreeMap<>();
        for (Response response : answers) {
            byLanguage.computeIfAbsent(response.language(), k -> new ArrayList<>()).add(response);
        }
        List<LanguageFigures> languages = new ArrayList<>();
        byLanguage.forEach((language, own) -> {
            Figures figures = figures(own, choices);
            boolean compared = figures.answers() >= MIN_ANSWERS;
            boolean facilityOff = compared && Math.abs(figures.facility() - all.facility()) > FACILITY_GAP;
            boolean discriminationOff = compared && figures.discrimination() != null && all.discrimination() != null
                    && Math.abs(figures.discrimination() - all.discrimination()) > DISCRIMINATION_GAP;
            languages.add(new LanguageFigures(language, figures, compared, facilityOff, discriminationOff));
        });
        return new ItemResult(itemId, all, languages);
    }

    static Figures figures(List<Response> answers, List<String> choices) {
        int n = answers.size();
        double sumX = 0, sumY = 0;
        for (Response r : answers) {
            sumX += r.score();
            sumY += r.rest();
        }
        double facility = n == 0 ? 0 : sumX / n;
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String choice : choices) {
            long chose = answers.stream().filter(r -> r.choices().contains(choice)).count();
            shares.put(choice, n == 0 ? 0 : (double) chose / n);
        }
        List<Double> seconds = answers.stream().filter(r -> r.time() != null).map(r -> r.time().toMillis() / 1000.0).sorted()
                .toList();
        return new Figures(n, facility, correlation(answers), shares, median(seconds));
    }

    /** Pearson's correlation of score and rest score (population moments), or null when undefined. */
    static Double correlation(List<Response> answers) {
        int n = answers.size();
        if (n < 2) {
            return null;
        }
        double meanX = answers.stream().mapToDouble(Response::score).average().orElse(0);
        double meanY = answers.stream().mapToDouble(Response::rest).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (Response r : answers) {
            double dx = r.score() - meanX;
            double dy = r.rest() - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx < 1e-12 || syy < 1e-12) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The median of sorted values, or null when there are none. */
    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
