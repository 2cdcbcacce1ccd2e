package org.owlet.catalog.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The right answer to an item, by id (option, region, phrase ids; never text), so one key serves every
 * language. Server-side only: no learner-facing view contains a key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AnswerKey.Choice.class, name = "choice"),
        @JsonSubTypes.Type(value = AnswerKey.Regions.class, name = "regions"),
        @JsonSubTypes.Type(value = AnswerKey.Triage.class, name = "triage"),
        @JsonSubTypes.Type(value = AnswerKey.Truth.class, name = "truth") })
public sealed interface AnswerKey {

    /** The options that are correct (one for single choice, one or more otherwise). */
    record Choice(Set<String> correct) implements AnswerKey {
        public Choice {
            correct = sorted(correct);
        }

        /** 1 when exactly the correct options are chosen, else 0. */
        public double score(Set<String> chosen) {
            return correct.equals(chosen) ? 1 : 0;
        }
    }

    /** The target regions of a hotspot; every other region is a decoy. */
    record Regions(Set<String> targets) implements AnswerKey {
        public Regions {
            targets = sorted(targets);
        }

        public double score(String chosenRegion) {
            return chosenRegion != null && targets.contains(chosenRegion) ? 1 : 0;
        }
    }

    enum Decision { ALLOW, REMOVE, ESCALATE }

    /** The decision on a listing and which of its phrases are red flags; the others are harmless decoys. */
    record Triage(Decision decision, Set<String> redFlags, List<String> decoys) implements AnswerKey {
        public Triage {
            redFlags = sorted(redFlags);
            decoys = List.copyOf(decoys);
        }

        /**
         * Partial credit: half for the decision, half for the phrases, where each phrase counts once,
         * a red flag when marked and a decoy when left unmarked.
         */
        public double score(Decision chosen, Set<String> marked) {
            int phrases = redFlags.size() + decoys.size();
            long right = redFlags.stream().filter(marked::contains).count()
                    + decoys.stream().filter(d -> !marked.contains(d)).count();
            return (decision == chosen ? 0.5 : 0) + 0.5 * right / Math.max(1, phrases);
        }
    }

    /** Sets in keys iterate in one order on every JVM, so a course's JSON, and so its content hash, is stable. */
    private static Set<String> sorted(Set<String> ids) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }

    /** The truth of a true/false statement. */
    record Truth(boolean value) implements AnswerKey {
        public double score(boolean chosen) {
            return chosen == value ? 1 : 0;
        }
    }
}
