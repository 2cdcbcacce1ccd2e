package org.owlet.catalog.view;

import java.math.BigDecimal;
import java.util.List;

/**
 * An item as the learner's browser may see it before answering, in one language: no answer key, no
 * explanation, no image description, options in an order that does not follow the author's. Ids are the
 * author's option, region and phrase ids, which is what an answer refers to.
 */
public sealed interface ItemView {

    String id();

    /** The author's item type: image-choice, hotspot, listing-triage, coded-term, single-choice, multi-choice, true-false. */
    String type();

    record OptionView(String id, String text) {
    }

    /**
     * image-choice, coded-term, single-choice, multi-choice. {@code multiple} tells the page to offer
     * checkboxes (several may be right) instead of radio buttons. For a coded term, {@code question} is the item's
     * optional context ("" when none): the question itself is the interface's, the same for every term.
     */
    record ChoiceView(String id, String type, String question, ImageView image, String term, String termLanguage,
            List<OptionView> options, boolean multiple) implements ItemView {
    }

    /** A region by label only, for the keyboard alternative; where it lies stays on the server. */
    record RegionView(String id, String label) {
    }

    record HotspotView(String id, String type, String question, ImageView image, List<RegionView> regions)
            implements ItemView {
    }

    /** A piece of listing text; {@code phrase} is the phrase id when the learner may mark this piece. */
    record Segment(String text, String phrase) {
    }

    record PhraseView(String id, String text) {
    }

    record ListingView(List<Segment> title, List<Segment> body, BigDecimal price, String currency, String location,
            List<ImageView> images, String market, PolicyView policy) {
    }

    /** The platform's policy profile in one language: its name and its rules, the same for every listing on it. */
    record PolicyView(String id, String kind, String name, List<String> rules) {
    }

    /**
     * The phrases are listed in the order they appear in the listing (the accessible checklist). {@code question} is
     * the item's optional context ("" when none): the question itself is the interface's, the same for every listing.
     */
    record TriageView(String id, String type, String question, ListingView listing, List<PhraseView> phrases,
            List<String> decisions) implements ItemView {
    }

    record TrueFalseView(String id, String type, String statement) implements ItemView {
    }
}
