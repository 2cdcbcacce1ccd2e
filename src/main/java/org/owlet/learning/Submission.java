package org.owlet.learning;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a learner sent for one item, whatever its type: chosen option ids, a hotspot region or point (with the
 * width the image was shown at, to scale the point to image coordinates), a triage decision and marked phrase
 * ids, or true/false. Stored as JSON with the answer.
 */
public record Submission(Set<String> options, String region, Double x, Double y, Double shownWidth, String decision,
        Set<String> phrases, Boolean truth) {

    public Submission {
        options = options == null ? Set.of() : new TreeSet<>(options);
        phrases = phrases == null ? Set.of() : new TreeSet<>(phrases);
    }

    public boolean isEmpty() {
        return options.isEmpty() && region == null && x == null && decision == null && truth == null;
    }
}
