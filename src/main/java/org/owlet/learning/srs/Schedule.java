package org.owlet.learning.srs;

import java.time.Instant;
import java.util.Objects;

/**
 * The SM-2 schedule of one drill card, as an immutable value. {@link Sm2#review} returns a new state;
 * nothing here reads a clock.
 *
 * @param repetitions  successful repetitions in a row (SM-2's {@code n}); reset to 0 by a grade below 3
 * @param easiness     the E-Factor (EF), at least {@link Sm2#MIN_EASINESS}; {@link Sm2#INITIAL_EASINESS} for a new card
 * @param intervalDays the interval, in days, that was scheduled at the last review (0 for a card never reviewed)
 * @param due          when the card should next be reviewed
 * @param lastReviewed when the card was last reviewed, or {@code null} if never
 */
public record Schedule(int repetitions, double easiness, int intervalDays, Instant due, Instant lastReviewed) {

    public Schedule {
        if (repetitions < 0) {
            throw new IllegalArgumentException("repetitions must not be negative: " + repetitions);
        }
        if (!(easiness >= Sm2.MIN_EASINESS) || Double.isInfinite(easiness)) {
            throw new IllegalArgumentException("easiness must be a finite number >= " + Sm2.MIN_EASINESS + ": " + easiness);
        }
        if (intervalDays < 0) {
            throw new IllegalArgumentException("intervalDays must not be negative: " + intervalDays);
        }
        Objects.requireNonNull(due, "due");
    }

    /** A card that has never been reviewed: no repetitions, EF 2.5, due at {@code now}. */
    public static Schedule fresh(Instant now) {
        return new Schedule(0, Sm2.INITIAL_EASINESS, 0, Objects.requireNonNull(now, "now"), null);
    }
}
