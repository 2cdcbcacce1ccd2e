package org.owlet.learning;

import java.util.Set;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Item;

/** The fully right submission for an item, built from its answer key (tests only). */
public final class RightAnswers {

    private RightAnswers() {
    }

    public static Submission of(Item item) {
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
}
