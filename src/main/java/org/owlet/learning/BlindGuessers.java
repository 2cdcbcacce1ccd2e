package org.owlet.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;

/**
 * Learners who never look at the picture or understand the text, taking a course's final assessment and refresher
 * many times: with the real draw ({@link AssessmentService#draw}), the real per-question shuffle of options, regions and
 * phrases, the real scoring ({@link Scoring}) and pass mark. If one of them passes more than a rare attempt, the test
 * can be read instead of the picture or listing. Pure Java over the catalog, no database; a fixed seed makes each table
 * reproducible.
 *
 * <p>Each strategy answers every item type: choice items (image, coded term, single and multi choice), hotspots (through
 * the keyboard list of regions), true/false statements and listings (a decision and the phrases marked).
 */
public final class BlindGuessers {

    /** One strategy on one assessment: the mean score and the share of attempts that passed. */
    public record Row(String course, String assessment, String strategy, int attempts, double meanScore, double passRate) {
    }

    /** What a strategy sees of a question: the item's English text ({@link #shownStem}) and the order its choices were shown in. */
    record Shown(Item item, List<String> order) {
    }

    /**
     * What a strategy may know about the course without understanding it: what drills and quizzes showed, including the
     * decision most often right for each listing prompt and for each platform policy profile.
     */
    record Knowledge(Set<String> practised, Map<String, AnswerKey.Decision> decisionByPrompt,
            Map<String, AnswerKey.Decision> decisionByPolicy) {
    }

    interface Strategy {
        String name();

        Submission answer(Shown shown, Knowledge knowledge, Random random);
    }

    private static final String EN = "en";

    private static final Properties PROMPTS = englishPrompts();

    private BlindGuessers() {
    }

    /** The strategies, in the order the table lists them. */
    static List<Strategy> strategies() {
        return List.of(
                strategy("first option", (s, k, r) -> choose(s, 0, AnswerKey.Decision.ALLOW, Set.of(), true)),
                strategy("last option", (s, k, r) -> choose(s, s.order().size() - 1, AnswerKey.Decision.ESCALATE, allPhrases(s), false)),
                strategy("longest option", (s, k, r) -> byText(s, t -> t.length(), AnswerKey.Decision.REMOVE, titlePhrases(s), true)),
                strategy("shortest option", (s, k, r) -> byText(s, t -> -t.length(), AnswerKey.Decision.ALLOW, allPhrases(s), false)),
                strategy("most specific option", (s, k, r) -> byText(s, BlindGuessers::specificity, AnswerKey.Decision.REMOVE, Set.of(),
                        true)),
                strategy("always false", (s, k, r) -> choose(s, 0, AnswerKey.Decision.REMOVE, allPhrases(s), false)),
                strategy("always remove", (s, k, r) -> choose(s, r.nextInt(Math.max(1, s.order().size())), AnswerKey.Decision.REMOVE,
                        titlePhrases(s), r.nextBoolean())),
                strategy("always allow", (s, k, r) -> choose(s, r.nextInt(Math.max(1, s.order().size())), AnswerKey.Decision.ALLOW,
                        Set.of(), r.nextBoolean())),
                strategy("same decision for the same prompt", (s, k, r) -> choose(s, r.nextInt(Math.max(1, s.order().size())),
                        k.decisionByPrompt().getOrDefault(text(shownStem(s.item())), AnswerKey.Decision.REMOVE), titlePhrases(s),
                        r.nextBoolean())),
                strategy("same decision for the same policy profile", (s, k, r) -> choose(s, r.nextInt(Math.max(1, s.order().size())),
                        s.item() instanceof Item.ListingTriage t
                                ? k.decisionByPolicy().getOrDefault(t.listing().policy().id(), AnswerKey.Decision.REMOVE)
                                : AnswerKey.Decision.REMOVE,
                        titlePhrases(s), r.nextBoolean())),
                strategy("keyword in the stem", (s, k, r) -> byText(s, t -> overlap(t, shownStem(s.item())),
                        AnswerKey.Decision.REMOVE, titlePhrases(s), !absolute(shownStem(s.item())))),
                strategy("memorised every drill and quiz key", (s, k, r) -> k.practised().contains(s.item().id()) ? right(s.item())
                        : choose(s, r.nextInt(Math.max(1, s.order().size())), AnswerKey.Decision.ALLOW, Set.of(), r.nextBoolean())));
    }

    /** Simulates {@code attempts} finals and {@code attempts} refreshers of the course for every strategy. */
    public static List<Row> simulate(Course course, int attempts, long seed) {
        List<Row> rows = new ArrayList<>();
        Module.FinalAssessment assessment = course.finalAssessment().orElse(null);
        if (assessment == null) {
            return rows;
        }
        Knowledge knowledge = knowledge(course);
        for (Strategy strategy : strategies()) {
            rows.add(run(course, assessment, "final", assessment.draw(), strategy, knowledge, attempts, seed));
            rows.add(run(course, assessment, "refresher", AssessmentService.refresherDraw(assessment), strategy, knowledge, attempts,
                    seed));
        }
        return rows;
    }

    private static Row run(Course course, Module.FinalAssessment assessment, String name, int draw, Strategy strategy,
            Knowledge knowledge, int attempts, long seed) {
        Random random = new Random(seed ^ strategy.name().hashCode() ^ name.hashCode());
        double total = 0;
        int passed = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            List<String> items = AssessmentService.draw(assessment.pool(), draw, random.nextLong());
            double sum = 0;
            for (String itemId : items) {
                Item item = course.item(itemId).orElseThrow();
                List<String> order = new ArrayList<>(choiceIds(item));
                Collections.shuffle(order, random); // as Shuffler does for each rendered question
                sum += Scoring.score(item, strategy.answer(new Shown(item, order), knowledge, random));
            }
            double score = items.isEmpty() ? 0 : sum / items.size();
            total += score;
            passed += AssessmentService.passes(score, assessment.passMark()) ? 1 : 0;
        }
        return new Row(course.id(), name, strategy.name(), attempts, total / attempts, (double) passed / attempts);
    }

    /** Items whose key a drill or quiz shows in its feedback, and the decision each listing prompt had there. */
    static Knowledge knowledge(Course course) {
        Set<String> practised = new HashSet<>();
        for (Module module : course.modules()) {
            if (module instanceof Module.Drill || module instanceof Module.Quiz) {
                practised.addAll(module.itemIds());
            }
        }
        Map<String, Map<AnswerKey.Decision, Integer>> seen = new HashMap<>();
        Map<String, Map<AnswerKey.Decision, Integer>> seenByPolicy = new HashMap<>();
        for (String id : practised.stream().sorted().toList()) {
            course.item(id).filter(Item.ListingTriage.class::isInstance).map(Item.ListingTriage.class::cast).ifPresent(t -> {
                seen.computeIfAbsent(text(shownStem(t)), q -> new LinkedHashMap<>()).merge(t.key().decision(), 1, Integer::sum);
                seenByPolicy.computeIfAbsent(t.listing().policy().id(), p -> new LinkedHashMap<>()).merge(t.key().decision(), 1,
                        Integer::sum);
            });
        }
        return new Knowledge(Set.copyOf(practised), mostOften(seen), mostOften(seenByPolicy));
    }

    /** For each key, the decision seen most often under it (the first seen wins a tie). */
    private static Map<String, AnswerKey.Decision> mostOften(Map<String, Map<AnswerKey.Decision, Integer>> seen) {
        Map<String, AnswerKey.Decision> most = new HashMap<>();
        seen.forEach((key, counts) -> most.put(key,
                counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return most;
    }

    // ------------------------------------------------------------------ what the strategies do

    /**
     * The question as the page shows it, in English: for a listing or a coded term the interface's prompt (the same for
     * every item of the type) followed by the item's context; otherwise the item's own question or statement.
     */
    static String shownStem(Item item) {
        if (item instanceof Item.ListingTriage t) {
            return (PROMPTS.getProperty("prompt_triage") + " " + t.context().in(EN)).trim();
        } else if (item instanceof Item.CodedTerm c) {
            return (PROMPTS.getProperty("prompt_coded_term") + " " + c.context().in(EN)).trim();
        }
        return item.stem().in(EN);
    }

    /** The English learn bundle, as Maven copies it from {@code i18n/}: the interface's prompts. */
    private static Properties englishPrompts() {
        Properties properties = new Properties();
        try (InputStream in = BlindGuessers.class.getResourceAsStream("/messages/learn_en.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages/learn_en.properties is not on the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : List.of("prompt_triage", "prompt_coded_term")) {
            if (properties.getProperty(key) == null) {
                throw new IllegalStateException("messages/learn_en.properties has no " + key);
            }
        }
        return properties;
    }

    private static Strategy strategy(String name, Answerer answerer) {
        return new Strategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Submission answer(Shown shown, Knowledge knowledge, Random random) {
                return answerer.answer(shown, knowledge, random);
            }
        };
    }

    @FunctionalInterface
    private interface Answerer {
        Submission answer(Shown shown, Knowledge knowledge, Random random);
    }

    /** The ids a learner chooses among, in the author's order (options, regions, or a listing's phrases). */
    static List<String> choiceIds(Item item) {
        if (item instanceof Item.ImageChoice i) {
            return i.options().stream().map(Item.Option::id).toList();
        } else if (item instanceof Item.CodedTerm i) {
            return i.options().stream().map(Item.Option::id).toList();
        } else if (item instanceof Item.SingleChoice i) {
            return i.options().stream().map(Item.Option::id).toList();
        } else if (item instanceof Item.MultiChoice i) {
            return i.options().stream().map(Item.Option::id).toList();
        } else if (item instanceof Item.Hotspot i) {
            return i.regions().stream().map(Item.Region::id).toList();
        } else if (item instanceof Item.ListingTriage i) {
            return i.phrases().stream().map(Item.Phrase::id).toList();
        }
        return List.of();
    }

    /** The English text of a choice (option text or region label). */
    private static String choiceText(Item item, String id) {
        if (item instanceof Item.Hotspot h) {
            return h.regions().stream().filter(r -> r.id().equals(id)).findFirst().map(r -> r.label().in(EN)).orElse("");
        }
        List<Item.Option> options = item instanceof Item.ImageChoice i ? i.options()
                : item instanceof Item.CodedTerm i ? i.options()
                        : item instanceof Item.SingleChoice i ? i.options()
                                : item instanceof Item.MultiChoice i ? i.options() : List.of();
        return options.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.text().in(EN)).orElse("");
    }

    /** The choice at a place among those shown; for a listing, a decision and phrases; for a statement, true or false. */
    private static Submission choose(Shown shown, int place, AnswerKey.Decision decision, Set<String> phrases, boolean truth) {
        Item item = shown.item();
        if (item instanceof Item.TrueFalse) {
            return new Submission(Set.of(), null, null, null, null, null, Set.of(), truth);
        }
        if (item instanceof Item.ListingTriage) {
            return new Submission(Set.of(), null, null, null, null, decision.name(), phrases, null);
        }
        String id = shown.order().get(Math.max(0, Math.min(place, shown.order().size() - 1)));
        if (item instanceof Item.Hotspot) {
            return new Submission(Set.of(), id, null, null, null, null, Set.of(), null);
        }
        return new Submission(Set.of(id), null, null, null, null, null, Set.of(), null);
    }

    /** The shown choice that scores highest on a measure of its English text (first shown wins a tie). */
    private static Submission byText(Shown shown, ToDoubleFunction<String> measure, AnswerKey.Decision decision,
            Set<String> phrases, boolean truth) {
        List<String> order = shown.order();
        int best = 0;
        for (int i = 1; i < order.size(); i++) {
            if (measure.applyAsDouble(choiceText(shown.item(), order.get(i))) > measure
                    .applyAsDouble(choiceText(shown.item(), order.get(best)))) {
                best = i;
            }
        }
        return choose(shown, best, decision, phrases, truth);
    }

    private static Set<String> allPhrases(Shown shown) {
        return shown.item() instanceof Item.ListingTriage ? Set.copyOf(shown.order()) : Set.of();
    }

    /** The phrases whose words also stand in the listing's title. */
    private static Set<String> titlePhrases(Shown shown) {
        if (!(shown.item() instanceof Item.ListingTriage t)) {
            return Set.of();
        }
        Set<String> title = words(t.listing().title().in(EN));
        return t.phrases().stream().filter(p -> words(p.text().in(EN)).stream().anyMatch(title::contains)).map(Item.Phrase::id)
                .collect(Collectors.toSet());
    }

    /** Digits and units make an option look precise. */
    static double specificity(String text) {
        double digits = text.chars().filter(Character::isDigit).count();
        long units = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}%°µ]+"))
                .filter(w -> Set.of("mm", "cm", "µm", "kg", "g", "%", "°", "degrees", "years", "appendix").contains(w)).count();
        return digits + 3 * units;
    }

    /** How many of the option's words the stem repeats. */
    static double overlap(String option, String stem) {
        Set<String> stemWords = words(stem);
        return words(option).stream().filter(stemWords::contains).count();
    }

    /** "Always", "never", "only", "all": absolute wording that test-wise learners bet is false. */
    static boolean absolute(String statement) {
        return words(statement).stream().anyMatch(Set.of("always", "never", "only", "all", "every", "no")::contains);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 3)
                .collect(Collectors.toSet());
    }

    private static String text(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** The fully right answer, as someone who memorised the key gives it. */
    static Submission right(Item item) {
        AnswerKey key = item.key();
        if (key instanceof AnswerKey.Choice c) {
            return new Submission(c.correct(), null, null, null, null, null, Set.of(), null);
        } else if (key instanceof AnswerKey.Regions r) {
            return new Submission(Set.of(), r.targets().iterator().next(), null, null, null, null, Set.of(), null);
        } else if (key instanceof AnswerKey.Triage t) {
            return new Submission(Set.of(), null, null, null, null, t.decision().name(), t.redFlags(), null);
        }
        return new Submission(Set.of(), null, null, null, null, null, Set.of(), ((AnswerKey.Truth) key).value());
    }

    /** The rows of one course sorted by pass rate, highest first. */
    static List<Row> worstFirst(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Row::passRate).reversed());
        return sorted;
    }
}
