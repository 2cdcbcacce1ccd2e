package org.owlet.learning;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Item;

/** Scores a submission against an item's answer key, on the server only. */
final class Scoring {

    private Scoring() {
    }

    static double score(Item item, Submission submission) {
        if (item instanceof Item.Hotspot hotspot) {
            return hotspot.key().score(region(hotspot, submission));
        }
        if (item instanceof Item.ListingTriage triage) {
            AnswerKey.Decision decision = decision(submission.decision());
            return decision == null && submission.phrases().isEmpty() ? 0 : triage.key().score(decision, submission.phrases());
        }
        if (item instanceof Item.TrueFalse trueFalse) {
            return submission.truth() == null ? 0 : trueFalse.key().score(submission.truth());
        }
        if (item.key() instanceof AnswerKey.Choice choice) {
            return choice.score(submission.options());
        }
        throw new IllegalStateException("No scoring for " + item.type());
    }

    /** The region a hotspot answer names: chosen from the list, or found under the clicked point. */
    static String region(Item.Hotspot hotspot, Submission submission) {
        if (submission.region() != null) {
            return hotspot.regions().stream().anyMatch(r -> r.id().equals(submission.region())) ? submission.region() : null;
        }
        if (submission.x() == null || submission.y() == null) {
            return null;
        }
        double scale = submission.shownWidth() != null && submission.shownWidth() > 0
                ? hotspot.image().width() / submission.shownWidth() : 1;
        Item.Region region = hotspot.regionAt(submission.x() * scale, submission.y() * scale);
        return region == null ? null : region.id();
    }

    static AnswerKey.Decision decision(String value) {
        if (value == null) {
            return null;
        }
        for (AnswerKey.Decision decision : AnswerKey.Decision.values()) {
            if (decision.name().equalsIgnoreCase(value)) {
                return decision;
            }
        }
        return null;
    }
}
