package org.owlet.catalog.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A question with its answer key, as the server holds it (for scoring, feedback and review). Never send
 * an {@code Item} to a browser before the answer: send its {@link org.owlet.catalog.view.ItemView}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Item.ImageChoice.class, name = "image-choice"),
        @JsonSubTypes.Type(value = Item.Hotspot.class, name = "hotspot"),
        @JsonSubTypes.Type(value = Item.ListingTriage.class, name = "listing-triage"),
        @JsonSubTypes.Type(value = Item.CodedTerm.class, name = "coded-term"),
        @JsonSubTypes.Type(value = Item.SingleChoice.class, name = "single-choice"),
        @JsonSubTypes.Type(value = Item.MultiChoice.class, name = "multi-choice"),
        @JsonSubTypes.Type(value = Item.TrueFalse.class, name = "true-false") })
public sealed interface Item {

    /** What every item has: id, explanation and one-line cue shown with the feedback, sources, tags. */
    record Common(String id, Text explanation, Text cue, List<String> sources, Tags tags) {
    }

    record Option(String id, Text text) {
    }

    record Point(double x, double y) {
    }

    /** A region of an image, a polygon in image coordinates, labelled for the keyboard alternative. */
    record Region(String id, Text label, List<Point> polygon) {
        /** Whether (x, y) lies inside the polygon (even-odd rule). */
        public boolean contains(double x, double y) {
            boolean inside = false;
            for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
                Point a = polygon.get(i);
                Point b = polygon.get(j);
                if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    /** A phrase of a listing with its wording per language; {@code {id}} in the listing text marks where it goes. */
    record Phrase(String id, Text text) {
    }

    /**
     * A mock marketplace or social-media listing: its market (the law that applies) and the platform it is posted on,
     * whose policy profile is shared with other listings.
     */
    record Listing(Text title, Text body, BigDecimal price, String currency, Text location, List<Image> images,
            String market, Policy policy) {
    }

    record ImageChoice(Common common, Image image, Text question, List<Option> options, AnswerKey.Choice key) implements Item {
    }

    record Hotspot(Common common, Image image, Text question, List<Region> regions, AnswerKey.Regions key) implements Item {
        /** The region a click at (x, y) in image coordinates falls in, targets first; {@code null} if none. */
        public Region regionAt(double x, double y) {
            return regions.stream().filter(r -> r.contains(x, y))
                    .sorted((a, b) -> Boolean.compare(key.targets().contains(b.id()), key.targets().contains(a.id())))
                    .findFirst().orElse(null);
        }
    }

    /**
     * A listing to triage. Its question is the interface's, the same for every listing ("Decide what happens to this
     * listing…"), so its wording cannot hint at the decision; {@code context} is optional text shown with it
     * ({@link Text#NONE} when there is none).
     */
    record ListingTriage(Common common, Text context, Listing listing, List<Phrase> phrases, AnswerKey.Triage key) implements Item {
    }

    /**
     * A term as it appears in listings, in its own language. Its question is the interface's, the same for every term
     * ("What does this term most likely stand for in a listing?"); {@code context} is optional neutral text shown with
     * it ({@link Text#NONE} when there is none).
     */
    record CodedTerm(Common common, String term, String termLanguage, Text context, List<Option> options,
            AnswerKey.Choice key) implements Item {
    }

    record SingleChoice(Common common, Text question, List<Option> options, AnswerKey.Choice key) implements Item {
    }

    record MultiChoice(Common common, Text question, List<Option> options, AnswerKey.Choice key) implements Item {
    }

    record TrueFalse(Common common, Text statement, AnswerKey.Truth key) implements Item {
    }

    Common common();

    AnswerKey key();

    @JsonIgnore
    default String id() {
        return common().id();
    }

    /** The type as authors write it: {@code image-choice}, {@code hotspot}, ... */
    @JsonIgnore
    default String type() {
        return Types.of(this);
    }

    /** The item's own question (or statement); for listings and coded terms their context, maybe {@link Text#NONE}. */
    @JsonIgnore
    default Text stem() {
        if (this instanceof ImageChoice i) {
            return i.question();
        } else if (this instanceof Hotspot i) {
            return i.question();
        } else if (this instanceof ListingTriage i) {
            return i.context();
        } else if (this instanceof CodedTerm i) {
            return i.context();
        } else if (this instanceof SingleChoice i) {
            return i.question();
        } else if (this instanceof MultiChoice i) {
            return i.question();
        }
        return ((TrueFalse) this).statement();
    }

    /** The images this item shows. */
    @JsonIgnore
    default List<Image> images() {
        if (this instanceof ImageChoice i) {
            return List.of(i.image());
        } else if (this instanceof Hotspot i) {
            return List.of(i.image());
        } else if (this instanceof ListingTriage i) {
            return i.listing().images();
        }
        return List.of();
    }

    final class Types {
        private Types() {
        }

        static String of(Item item) {
            for (JsonSubTypes.Type type : Item.class.getAnnotation(JsonSubTypes.class).value()) {
                if (type.value() == item.getClass()) {
                    return type.name();
                }
            }
            throw new IllegalStateException(item.getClass().getName());
        }
    }
}
