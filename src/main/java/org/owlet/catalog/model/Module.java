package org.owlet.catalog.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One step of a course, in the order the course lists them. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Module.Lesson.class, name = "lesson"),
        @JsonSubTypes.Type(value = Module.Drill.class, name = "drill"),
        @JsonSubTypes.Type(value = Module.Quiz.class, name = "quiz"),
        @JsonSubTypes.Type(value = Module.FinalAssessment.class, name = "final") })
public sealed interface Module {

    String id();

    Text title();

    /** {@code lesson}, {@code drill}, {@code quiz} or {@code final}. */
    @JsonIgnore
    default String kind() {
        for (JsonSubTypes.Type type : Module.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(getClass().getName());
    }

    /** The item ids this module uses (the deck or the pool); none for a lesson. */
    @JsonIgnore
    default List<String> itemIds() {
        if (this instanceof Drill d) {
            return d.deck();
        } else if (this instanceof Quiz q) {
            return q.pool();
        } else if (this instanceof FinalAssessment f) {
            return f.pool();
        }
        return List.of();
    }

    /**
     * A lesson: Markdown per language (kept for review) and the same rendered to safe HTML with image
     * references already turned into content-hashed asset URLs.
     */
    record Lesson(String id, Text title, Text markdown, Text html, List<Image> images, List<String> sources)
            implements Module {
    }

    /** A deck of cards for spaced repetition; every card is an item. */
    record Drill(String id, Text title, List<String> deck) implements Module {
    }

    /** A scored quiz: {@code draw} items drawn from the pool each attempt. */
    record Quiz(String id, Text title, List<String> pool, int draw) implements Module {
    }

    /**
     * The final assessment: {@code draw} items drawn at random from the pool, passed at {@code passMark}
     * percent, at most {@code maxAttempts} attempts with {@code coolDownHours} between them, open once the
     * gate is met.
     */
    record FinalAssessment(String id, Text title, List<String> pool, int draw, int passMark, int maxAttempts,
            int coolDownHours, Gate gate) implements Module {
    }

    /**
     * What a learner must have done before the final assessment opens (enforced by the learning feature):
     * these lessons read, these quizzes attempted.
     */
    record Gate(List<String> lessonsRead, List<String> quizzesAttempted) {
    }
}
