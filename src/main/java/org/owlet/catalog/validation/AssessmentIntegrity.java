package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Tags;

/**
 * Editorial rules that keep an assessment from being read instead of the product: a final asks items no drill or quiz
 * has shown with its key, from a pool large enough to vary; true and false, allow, remove and escalate, harmless and
 * coded meanings are each common enough that none can be bet on; the right option is not given away by its length.
 * Each check gives its message; the reader that knows the file and line reports it. Shares are checked from
 * {@value #MIN_COUNTED} items of a kind, so a small demo course is not held to them.
 */
public final class AssessmentIntegrity {

    /** A final's pool holds at least this many times its draw. */
    public static final int POOL_PER_DRAW = 3;

    /** Shares are judged from this many items of a kind. */
    static final int MIN_COUNTED = 10;

    private AssessmentIntegrity() {
    }

    /** Final-pool items that also stand in a drill deck or quiz pool (whose feedback shows their key); empty if none. */
    public static Optional<String> heldOut(Module.FinalAssessment exam, List<Module> modules) {
        Set<String> shared = new TreeSet<>();
        List<String> where = new ArrayList<>();
        for (Module module : modules) {
            if (module instanceof Module.Drill || module instanceof Module.Quiz) {
                List<String> both = module.itemIds().stream().filter(exam.pool()::contains).toList();
                if (!both.isEmpty()) {
                    shared.addAll(both);
                    where.add(module.id());
                }
            }
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("items " + shared + " are also in " + where + ", whose feedback shows their key; expected a final pool"
                + " of items no drill or quiz shows, so a pass means recognising products, not remembering answers");
    }

    /** A final whose pool is smaller than {@value #POOL_PER_DRAW} times its draw. */
    public static Optional<String> poolSize(Module.FinalAssessment exam) {
        if (exam.pool().size() >= POOL_PER_DRAW * exam.draw()) {
            return Optional.empty();
        }
        return Optional.of("draws " + exam.draw() + " items from a pool of " + exam.pool().size() + "; expected at least "
                + POOL_PER_DRAW * exam.draw() + " (" + POOL_PER_DRAW + " × the draw), so retakes and refreshers ask new items");
    }

    /** The balance rules over a course's items, each problem as one message. */
    public static List<String> balance(Collection<Item> items) {
        List<String> problems = new ArrayList<>();
        List<Item.TrueFalse> statements = of(items, Item.TrueFalse.class);
        if (statements.size() >= MIN_COUNTED) {
            long trueOnes = statements.stream().filter(t -> t.key().value()).count();
            if (!between(trueOnes, statements.size(), 35, 65)) {
                problems.add(trueOnes + " of " + statements.size() + " true/false statements are true; expected 35–65 %, so"
                        + " neither answer can be bet on");
            }
        }
        List<Item.ListingTriage> listings = of(items, Item.ListingTriage.class);
        if (listings.size() >= MIN_COUNTED) {
            Map<AnswerKey.Decision, Long> counts = new EnumMap<>(AnswerKey.Decision.class);
            listings.forEach(l -> counts.merge(l.key().decision(), 1L, Long::sum));
            long allow = counts.getOrDefault(AnswerKey.Decision.ALLOW, 0L);
            long remove = counts.getOrDefault(AnswerKey.Decision.REMOVE, 0L);
            long escalate = counts.getOrDefault(AnswerKey.Decision.ESCALATE, 0L);
            if (!between(allow, listings.size(), 30, 60) || !between(remove, listings.size(), 30, 60)
                    || escalate * 100 < listings.size() * 10L) {
                problems.add("listings are " + allow + " allow, " + remove + " remove, " + escalate + " escalate of " + listings.size()
                        + "; expected allow and remove each 30–60 % and escalate at least 10 %, so no decision can be bet on");
            }
        }
        List<Item.CodedTerm> terms = of(items, Item.CodedTerm.class);
        if (terms.size() >= MIN_COUNTED) {
            long harmless = terms.stream().filter(t -> t.common().tags().subject().contains(Tags.LOOKALIKE)).count();
            if (harmless * 100 < terms.size() * 30L) {
                problems.add(harmless + " of " + terms.size() + " coded-term items have a harmless meaning as their answer"
                        + " (tags.subject: lookalike); expected at least 30 %, so a term is not always the wildlife product");
            }
        }
        int single = 0;
        int longest = 0;
        double chance = 0;
        for (Item item : items) {
            List<Item.Option> options = singleAnswerOptions(item);
            if (options.isEmpty()) {
                continue;
            }
            single++;
            chance += 1.0 / options.size();
            longest += rightIsLongest(item, options) ? 1 : 0;
        }
        if (single >= MIN_COUNTED && 100.0 * longest / single > 100 * chance / single + 10) {
            problems.add("the right option is strictly the longest (en) in " + longest + " of " + single + " single-answer items;"
                    + String.format(Locale.ROOT, " expected at most %.0f %% (chance + 10 points), so length gives nothing away",
                            100 * chance / single + 10));
        }
        return problems;
    }

    /** The warning for an item whose right option is much longer than the others. */
    public static Optional<String> longOption(Item item) {
        List<Item.Option> options = singleAnswerOptions(item);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        String right = ((AnswerKey.Choice) item.key()).correct().iterator().next();
        int length = length(options, right);
        double mean = options.stream().filter(o -> !o.id().equals(right)).mapToInt(o -> o.text().in("en").length()).average()
                .orElse(length);
        if (length <= 1.5 * mean) {
            return Optional.empty();
        }
        return Optional
                .of(String.format(Locale.ROOT, "the right option '%s' is %d characters long, more than 1.5 × the others' mean of %.0f;"
                        + " expected options of similar length, so length gives nothing away", right, length, mean));
    }

    private static List<Item.Option> singleAnswerOptions(Item item) {
        List<Item.Option> options = item instanceof Item.ImageChoice i ? i.options()
                : item instanceof Item.CodedTerm i ? i.options() : item instanceof Item.SingleChoice i ? i.options() : List.of();
        if (options.size() < 2 || !(item.key() instanceof AnswerKey.Choice choice) || choice.correct().size() != 1) {
            return List.of();
        }
        return options;
    }

    private static boolean rightIsLongest(Item item, List<Item.Option> options) {
        String right = ((AnswerKey.Choice) item.key()).correct().iterator().next();
        int length = length(options, right);
        return options.stream().filter(o -> !o.id().equals(right)).allMatch(o -> o.text().in("en").length() < length);
    }

    private static int length(List<Item.Option> options, String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.text().in("en").length()).orElse(0);
    }

    private static boolean between(long count, int of, int lowPercent, int highPercent) {
        return count * 100 >= (long) of * lowPercent && count * 100 <= (long) of * highPercent;
    }

    private static <T extends Item> List<T> of(Collection<Item> items, Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
