package org.owlet.learning.srs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The SuperMemo 2 (SM-2) spaced-repetition algorithm, for image drills.
 *
 * <p>Source: P. A. Woźniak, <i>Optimization of learning</i>, Master's thesis, University of Technology in
 * Poznań, 1990, section 3.2, published on the web as "Application of a computer to improve the results
 * obtained in working with the SuperMemo method" (1998) at
 * <a href="https://super-memory.com/english/ol/sm2.htm">super-memory.com/english/ol/sm2.htm</a> (formerly
 * www.supermemo.com/english/ol/sm2.htm). The published algorithm, step by step, and how it is implemented here:
 *
 * <ol>
 * <li><b>Start</b>: every item gets the E-Factor EF = 2.5 ({@link Schedule#fresh}).</li>
 * <li><b>Intervals</b>: I(1) = 1, I(2) = 6, and for n &gt; 2, I(n) = I(n−1) × EF, where I(n) is the interval
 *     in days after the n-th repetition. "If interval is a fraction, round it up to the nearest integer":
 *     the product is rounded <em>up</em> (ceiling), not to the nearest day. I(n−1) is the (already whole)
 *     interval stored in the state.</li>
 * <li><b>Grades</b>: after each repetition the response is graded q = 0..5 (5 perfect, 4 correct after a
 *     hesitation, 3 correct with serious difficulty, 2 incorrect but the answer seemed easy to recall,
 *     1 incorrect but the answer was remembered, 0 complete blackout).</li>
 * <li><b>E-Factor</b>: after <em>each</em> repetition, EF' = EF + (0.1 − (5−q)·(0.08 + (5−q)·0.02)); if EF'
 *     is below 1.3 it becomes 1.3. Per grade that is +0.10 (q=5), 0 (4), −0.14 (3), −0.32 (2), −0.54 (1),
 *     −0.80 (0). There is no upper bound.</li>
 * <li><b>Failure</b>: if q &lt; 3, "start repetitions for the item from the beginning without changing the
 *     E-Factor (i.e. use intervals I(1), I(2) etc. as if the item was memorized anew)".</li>
 * <li><b>Same-day drill</b>: after the day's session, repeat every item that scored below 4 until all score
 *     at least 4 ({@link #repeatInSession}).</li>
 * </ol>
 *
 * <p><b>Interpretations</b> (the text leaves these open; each choice is deliberate):
 * <ul>
 * <li><i>Which EF multiplies the interval.</i> The E-Factor is modified "after each repetition", so the
 *     interval that follows the n-th repetition uses the EF <em>as updated by that repetition's grade</em>.
 *     A grade 3 therefore shortens the very next interval, not only later ones.</li>
 * <li><i>EF on failure.</i> Step 4 applies after every repetition, failures included, so a failure lowers
 *     EF (−0.32 for q=2, down to the 1.3 floor). "Without changing the E-Factor" in step 5 is read as: the
 *     restart does not put EF back to the initial 2.5 as it would for a newly memorised item.</li>
 * <li><i>Restart.</i> A failure sets the repetition count to 0 and the next interval to 1 day. The next
 *     successful repetition then counts as the first one again (interval I(1) = 1), the one after as the
 *     second (I(2) = 6), and so on: a lapsed card is seen on the following two days before the 6-day
 *     interval.</li>
 * <li><i>Late or early reviews.</i> SM-2 does not look at when a review happens relative to the due date:
 *     the next interval depends only on the stored interval, EF and grade, and is counted from {@code now}.</li>
 * <li><i>Same-day drill.</i> The repetitions of step 6 only consolidate the item; they are not fed to
 *     {@link #review} and change neither EF nor the schedule.</li>
 * <li><i>Arithmetic.</i> Every EF step is a multiple of 0.02 and EF starts at 2.50, so EF is computed in
 *     exact hundredths (a stored value that is not a whole number of hundredths is rounded to one), and
 *     the round-up is done in integers. In binary floating point 2.5 + 0.1 + 0.1 + 0.1 is
 *     2.8000000000000003, and rounding 10 × that up would give 29 days instead of 28.</li>
 * <li><i>Upper bound.</i> SM-2 sets none: with EF growing by 0.10 per fast answer the interval grows
 *     geometrically, and a few hundred reviews of one card push its due date past what a database can store
 *     (PostgreSQL's timestamps end in the year 294276). Intervals are capped at {@link #MAX_INTERVAL_DAYS}
 *     (365 days): a card mastered for a certificate comes back at least once a year, inside the certificate's
 *     renewal cycle. Anki's scheduler has the same control ("Maximum interval", 36,500 days by default; Anki
 *     manual, <a href="https://docs.ankiweb.net/deck-options.html#maximum-interval">Deck options</a>), for the
 *     same reason that the formula alone is unbounded.</li>
 * <li><i>Days.</i> One day is 24 hours of {@link Instant} time (UTC); the due instant is
 *     {@code now + interval days}.</li>
 * </ul>
 *
 * <p>All methods are pure: the caller passes {@code now} (from {@code org.owlet.web.TimeSource}).
 */
public final class Sm2 {

    /** EF of an item that was never reviewed. */
    public static final double INITIAL_EASINESS = 2.5;

    /** EF never falls below this. */
    public static final double MIN_EASINESS = 1.3;

    /** Lowest grade that counts as a successful recall. */
    public static final int PASSING_QUALITY = 3;

    /** A correct drill answer given faster than this (milliseconds) is graded 5, otherwise 4. */
    public static final long FAST_ANSWER_MILLIS = 4_000;

    /** No interval is longer than this many days (see "Upper bound" above). */
    public static final int MAX_INTERVAL_DAYS = 365;

    private static final int MIN_EASINESS_HUNDREDTHS = 130;

    private Sm2() {
    }

    /**
     * Applies one graded repetition.
     *
     * @param state   the card's schedule before this review
     * @param quality the grade, 0..5
     * @param now     when the review happened; the next due date is counted from here
     * @return the schedule after the review
     * @throws IllegalArgumentException if {@code quality} is outside 0..5
     */
    public static Schedule review(Schedule state, int quality, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        requireQuality(quality);

        int easiness = Math.max(MIN_EASINESS_HUNDREDTHS,
                toHundredths(state.easiness()) + easinessChangeInHundredths(quality));

        int repetitions;
        int interval;
        if (quality >= PASSING_QUALITY) {
            repetitions = state.repetitions() + 1;
            interval = switch (repetitions) {
                case 1 -> 1;
                case 2 -> 6;
                default -> Math.min(MAX_INTERVAL_DAYS, multiplyRoundingUp(state.intervalDays(), easiness));
            };
        } else {
            repetitions = 0;
            interval = 1;
        }
        return new Schedule(repetitions, easiness / 100.0, interval, now.plus(Duration.ofDays(interval)), now);
    }

    /**
     * Grades a drill answer on the SM-2 scale. The drill only knows right or wrong and how long the learner
     * took, so it uses three grades: a wrong answer is 2 (EF −0.32 and the card starts over), a correct
     * answer is 4 (EF unchanged), and a correct answer in less than {@link #FAST_ANSWER_MILLIS} (4 s) is 5
     * (EF +0.10). Grades 0, 1 and 3 are never produced here; {@link #review} accepts them from other callers.
     *
     * @throws IllegalArgumentException if {@code responseMillis} is negative
     */
    public static int qualityFor(boolean correct, long responseMillis) {
        if (responseMillis < 0) {
            throw new IllegalArgumentException("responseMillis must not be negative: " + responseMillis);
        }
        if (!correct) {
            return 2;
        }
        return responseMillis < FAST_ANSWER_MILLIS ? 5 : 4;
    }

    /** Whether the card should be reviewed at {@code now}, that is whether its due instant has been reached. */
    public static boolean isDue(Schedule state, Instant now) {
        return !now.isBefore(state.due());
    }

    /**
     * Step 6 of SM-2: whether an item graded {@code quality} must be drilled again in the same session
     * (grades below 4). Those extra repetitions are not passed to {@link #review}.
     */
    public static boolean repeatInSession(int quality) {
        requireQuality(quality);
        return quality < 4;
    }

    /** (0.1 − (5−q)·(0.08 + (5−q)·0.02)) × 100, exactly. */
    static int easinessChangeInHundredths(int quality) {
        int d = 5 - quality;
        return 10 - d * (8 + d * 2);
    }

    private static int toHundredths(double easiness) {
        return Math.toIntExact(Math.round(easiness * 100));
    }

    /** ⌈days × easiness/100⌉. */
    private static int multiplyRoundingUp(int days, int easinessHundredths) {
        long product = (long) days * easinessHundredths;
        return Math.toIntExact((product + 99) / 100);
    }

    private static void requireQuality(int quality) {
        if (quality < 0 || quality > 5) {
            throw new IllegalArgumentException("SM-2 quality must be 0..5: " + quality);
        }
    }
}
