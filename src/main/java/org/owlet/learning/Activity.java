package org.owlet.learning;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Where a question is answered: a drill card, a quiz, the final assessment or a refresher (the last three in an
 * {@link Attempt}). Stored as its lower-case code ({@code drill}, {@code quiz}, {@code final}, {@code refresher}).
 */
public enum Activity {
    DRILL, QUIZ, FINAL, REFRESHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether feedback follows each answer (drills and quizzes) or nothing is shown until the end (finals, refreshers). */
    public boolean showsFeedback() {
        return this == DRILL || this == QUIZ;
    }

    /** Final and refresher: scored against the final assessment's pass mark. */
    public boolean isAssessment() {
        return this == FINAL || this == REFRESHER;
    }

    public static Activity of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Activity, String> {

        @Override
        public String convertToDatabaseColumn(Activity activity) {
            return activity == null ? null : activity.code();
        }

        @Override
        public Activity convertToEntityAttribute(String code) {
            return code == null ? null : Activity.of(code);
        }
    }
}
