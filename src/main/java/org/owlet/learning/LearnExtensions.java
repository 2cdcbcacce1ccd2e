package org.owlet.learning;

import io.quarkus.qute.TemplateExtension;

/** Display helpers for the learner's templates. */
@TemplateExtension
public class LearnExtensions {

    private LearnExtensions() {
    }

    /** A message key built from a prefix and a value, e.g. {@code 'decision_'} + {@code remove}. */
    static String key(String value, String prefix) {
        return prefix + value;
    }
}
