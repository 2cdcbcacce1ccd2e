package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Tags;

/**
 * Editorial rule: learners must practise telling legal look-alikes from protected products, not suspecting
 * everything. Warns when a drill deck does not say what its cards show or holds too few look-alikes (the balance
 * of listings' decisions is {@link AssessmentIntegrity}'s). Each check gives the warning's message; the reader that
 * knows the file and line reports it.
 */
public final class LookalikeBalance {

    /** Share of legal look-alikes below which a drill deck teaches suspicion, not discrimination. */
    static final int MIN_LOOKALIKE_PERCENT = 40;

    /** Decks are checked for balance from this many cards (a two-card demo deck is not a drill). */
    static final int MIN_BALANCED = 4;

    private LookalikeBalance() {
    }

    /**
     * The warning for a drill deck (item ids, looked up in {@code items}) whose cards lack {@code tags.subject}
     * or hold fewer than {@value #MIN_LOOKALIKE_PERCENT} % look-alikes; empty if the deck is fine or too small.
     */
    public static Optional<String> ofDeck(List<String> deck, Map<String, Item> items) {
        if (deck.size() < MIN_BALANCED) {
            return Optional.empty();
        }
        List<String> untagged = new ArrayList<>();
        int lookalikes = 0;
        for (String cardId : deck) {
            Item card = items.get(cardId);
            if (card == null) {
                continue;
            }
            List<String> subject = card.common().tags().subject();
            if (subject.isEmpty()) {
                untagged.add(cardId);
            } else if (subject.contains(Tags.LOOKALIKE)) {
                lookalikes++;
            }
        }
        if (!untagged.isEmpty()) {
            return Optional.of("cards " + untagged + " do not say what they show; expected tags.subject: protected or"
                    + " lookalike on every card, so the deck's balance can be checked");
        } else if (lookalikes * 100 < deck.size() * MIN_LOOKALIKE_PERCENT) {
            return Optional.of(lookalikes + " of " + deck.size() + " cards show a legal look-alike; expected at least "
                    + MIN_LOOKALIKE_PERCENT + " %, so learners practise telling look-alikes from protected products");
        }
        return Optional.empty();
    }
}
