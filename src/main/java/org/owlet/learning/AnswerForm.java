package org.owlet.learning;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

/** The fields of a question form, whatever the item's type (see templates/tags/question.html). */
public class AnswerForm {

    @RestForm
    public String item;

    /** The idempotency key rendered with the question. */
    @RestForm
    public String key;

    /** When the question was shown (epoch milliseconds, as rendered by the server). */
    @RestForm
    public Long shownAt;

    @RestForm
    public List<String> option;

    @RestForm
    public String region;

    /** Hotspot click, in the pixels of the picture as shown, and the width it was shown at. */
    @RestForm("pt.x")
    public Double x;

    @RestForm("pt.y")
    public Double y;

    @RestForm("w")
    public Double width;

    @RestForm
    public String decision;

    @RestForm
    public List<String> phrase;

    @RestForm
    public String truth;

    @RestForm
    public boolean practice;

    Submission submission() {
        return new Submission(option == null ? Set.of() : Set.copyOf(option), blankToNull(region), x, y, width,
                blankToNull(decision), phrase == null ? Set.of() : Set.copyOf(phrase),
                truth == null || truth.isBlank() ? null : Boolean.valueOf(truth));
    }

    Instant shown() {
        return shownAt == null ? null : Instant.ofEpochMilli(shownAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
