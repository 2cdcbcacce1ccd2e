package org.owlet.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Checks {@link Sm2} against tables worked out by hand from the published SM-2 rules
 * (Woźniak 1990, super-memory.com/english/ol/sm2.htm):
 * <pre>
 *   EF' = max(1.3, EF + 0.1 − (5−q)(0.08 + (5−q)·0.02))    q=5: +0.10  q=4: 0  q=3: −0.14  q=2: −0.32  q=0: −0.80
 *   I(1) = 1, I(2) = 6, I(n) = ⌈I(n−1) × EF⌉  (fractions rounded up)
 * </pre>
 * In every table the EF that multiplies I(n−1) is the EF <em>after</em> the grade of the n-th repetition has
 * been applied (the value in the same row). Day d is {@code DAY_0 + d × 24 h}.
 */
class Sm2Test {

    private static final Instant DAY_0 = Instant.parse("2025-03-03T08:00:00Z");

    private static Instant day(long d) {
        return DAY_0.plus(Duration.ofDays(d));
    }

    /** One row of a hand-computed table: a review on {@code day} with grade {@code q}, and the state it yields. */
    private record Row(int day, int q, int repetitions, double easiness, int interval, int dueDay) {
    }

    /** Reviews on each row's day with each row's grade and checks every resulting field. */
    private static Schedule replay(Schedule start, List<Row> table) {
        Schedule state = start;
        for (Row row : table) {
            assertThat(Sm2.isDue(state, day(row.day()))).as("due on day %d", row.day()).isTrue();
            state = Sm2.review(state, row.q(), day(row.day()));
            assertThat(state).as("after the review on day %d", row.day())
                    .isEqualTo(new Schedule(row.repetitions(), row.easiness(), row.interval(), day(row.dueDay()),
                            day(row.day())));
        }
        return state;
    }

    /** Reviews whenever due, once a day on days 0..59, grading with the scripted grades in order. */
    private static List<Integer> simulate60Days(int... grades) {
        Schedule state = Schedule.fresh(DAY_0);
        List<Integer> reviewDays = new ArrayList<>();
        int next = 0;
        for (int d = 0; d < 60; d++) {
            if (Sm2.isDue(state, day(d))) {
                state = Sm2.review(state, grades[next++], day(d));
                reviewDays.add(d);
            }
        }
        assertThat(next).as("every scripted grade used").isEqualTo(grades.length);
        return reviewDays;
    }

    @Test
    void aFreshCardIsDueAtOnceAndHasTheInitialEasiness() {
        Schedule fresh = Schedule.fresh(DAY_0);
        assertThat(fresh).isEqualTo(new Schedule(0, 2.5, 0, DAY_0, null));
        assertThat(Sm2.isDue(fresh, DAY_0)).isTrue();
        assertThat(Sm2.isDue(fresh, DAY_0.minusMillis(1))).isFalse();
    }

    @Test
    void aLearnerWhoAlwaysAnswersPerfectly() {
        // q = 5 every time: EF rises by 0.10 per review (no upper bound in SM-2; intervals are capped at 365 days).
        //  day  q  n  EF   interval                        due
        //    0  5  1  2.6  I(1) = 1                         1
        //    1  5  2  2.7  I(2) = 6                         7
        //    7  5  3  2.8  ⌈6 × 2.8⌉ = ⌈16.8⌉ = 17          24
        //   24  5  4  2.9  ⌈17 × 2.9⌉ = ⌈49.3⌉ = 50         74
        //   74  5  5  3.0  50 × 3.0 = 150                 224
        //  224  5  6  3.1  150 × 3.1 = 465, capped: 365   589
        List<Row> table = List.of(
                new Row(0, 5, 1, 2.6, 1, 1),
                new Row(1, 5, 2, 2.7, 6, 7),
                new Row(7, 5, 3, 2.8, 17, 24),
                new Row(24, 5, 4, 2.9, 50, 74),
                new Row(74, 5, 5, 3.0, 150, 224),
                new Row(224, 5, 6, 3.1, 365, 589));
        replay(Schedule.fresh(DAY_0), table);

        // Within 60 days, reviewing whenever due: days 0, 1, 7 and 24 (the next one is day 74).
        assertThat(simulate60Days(5, 5, 5, 5)).containsExactly(0, 1, 7, 24);
    }

    @Test
    void aLearnerWhoAlwaysStruggles() {
        // q = 3 every time: EF falls by 0.14 per review until the 1.3 floor (1.38 − 0.14 = 1.24 → 1.3).
        //  day  q  n  EF    interval                          due
        //    0  3  1  2.36  I(1) = 1                           1
        //    1  3  2  2.22  I(2) = 6                           7
        //    7  3  3  2.08  ⌈6 × 2.08⌉ = ⌈12.48⌉ = 13          20
        //   20  3  4  1.94  ⌈13 × 1.94⌉ = ⌈25.22⌉ = 26         46
        //   46  3  5  1.80  ⌈26 × 1.80⌉ = ⌈46.8⌉ = 47          93
        //   93  3  6  1.66  ⌈47 × 1.66⌉ = ⌈78.02⌉ = 79        172
        //  172  3  7  1.52  ⌈79 × 1.52⌉ = ⌈120.08⌉ = 121      293
        //  293  3  8  1.38  ⌈121 × 1.38⌉ = ⌈166.98⌉ = 167     460
        //  460  3  9  1.3   ⌈167 × 1.3⌉ = ⌈217.1⌉ = 218       678   (1.24 floored)
        //  678  3 10  1.3   ⌈218 × 1.3⌉ = ⌈283.4⌉ = 284       962   (1.16 floored)
        List<Row> table = List.of(
                new Row(0, 3, 1, 2.36, 1, 1),
                new Row(1, 3, 2, 2.22, 6, 7),
                new Row(7, 3, 3, 2.08, 13, 20),
                new Row(20, 3, 4, 1.94, 26, 46),
                new Row(46, 3, 5, 1.80, 47, 93),
                new Row(93, 3, 6, 1.66, 79, 172),
                new Row(172, 3, 7, 1.52, 121, 293),
                new Row(293, 3, 8, 1.38, 167, 460),
                new Row(460, 3, 9, 1.3, 218, 678),
                new Row(678, 3, 10, 1.3, 284, 962));
        replay(Schedule.fresh(DAY_0), table);

        assertThat(simulate60Days(3, 3, 3, 3, 3)).containsExactly(0, 1, 7, 20, 46);
    }

    @Test
    void aFailureRestartsTheRepetitionsAndLowersTheEasiness() {
        //  day  q  n  EF    interval                        due
        //    0  5  1  2.6   1                                1
        //    1  5  2  2.7   6                                7
        //    7  5  3  2.8   ⌈6 × 2.8⌉ = 17                  24
        //   24  2  0  2.48  failure: 1 (2.8 − 0.32)          25
        //   25  4  1  2.48  I(1) = 1 (q=4 leaves EF as is)   26
        //   26  4  2  2.48  I(2) = 6                         32
        //   32  4  3  2.48  ⌈6 × 2.48⌉ = ⌈14.88⌉ = 15        47
        //   47  0  0  1.68  failure: 1 (2.48 − 0.80)         48
        //   48  0  0  1.3   failure: 1 (0.88 floored)        49
        List<Row> table = List.of(
                new Row(0, 5, 1, 2.6, 1, 1),
                new Row(1, 5, 2, 2.7, 6, 7),
                new Row(7, 5, 3, 2.8, 17, 24),
                new Row(24, 2, 0, 2.48, 1, 25),
                new Row(25, 4, 1, 2.48, 1, 26),
                new Row(26, 4, 2, 2.48, 6, 32),
                new Row(32, 4, 3, 2.48, 15, 47),
                new Row(47, 0, 0, 1.68, 1, 48),
                new Row(48, 0, 0, 1.3, 1, 49));
        replay(Schedule.fresh(DAY_0), table);
    }

    @Test
    void everyGradeChangesTheEasinessAsPublished() {
        // EF' − EF = 0.1 − (5−q)(0.08 + (5−q)·0.02), from EF = 2.5
        double[] expected = { 1.7, 1.96, 2.18, 2.36, 2.5, 2.6 };
        for (int q = 0; q <= 5; q++) {
            assertThat(Sm2.review(Schedule.fresh(DAY_0), q, DAY_0).easiness()).as("q=%d", q).isEqualTo(expected[q]);
        }
    }

    @Test
    void sixtyDaysOfScriptedDrillAnswers() {
        // Answers as the drill reports them (correct?, milliseconds), graded by qualityFor:
        //  day  answer          q  n  EF    interval                        due
        //    0  right, 2.5 s    5  1  2.6   1                                1
        //    1  right, 6.0 s    4  2  2.6   6                                7
        //    7  wrong           2  0  2.28  1                                8
        //    8  right, 3.0 s    5  1  2.38  1                                9
        //    9  right, 5.0 s    4  2  2.38  6                               15
        //   15  right, 3.999 s  5  3  2.48  ⌈6 × 2.48⌉ = ⌈14.88⌉ = 15        30
        //   30  wrong           2  0  2.16  1                               31
        //   31  right, 4.0 s    4  1  2.16  1                               32
        //   32  right, 1.2 s    5  2  2.26  6                               38
        //   38  right, 8.0 s    4  3  2.26  ⌈6 × 2.26⌉ = ⌈13.56⌉ = 14        52
        //   52  right, 2.0 s    5  4  2.36  ⌈14 × 2.36⌉ = ⌈33.04⌉ = 34       86
        boolean[] correct = { true, true, false, true, true, true, false, true, true, true, true };
        long[] millis = { 2_500, 6_000, 1_000, 3_000, 5_000, 3_999, 9_000, 4_000, 1_200, 8_000, 2_000 };

        Schedule state = Schedule.fresh(DAY_0);
        List<Integer> reviewDays = new ArrayList<>();
        List<Integer> grades = new ArrayList<>();
        int next = 0;
        for (int d = 0; d < 60; d++) {
            if (Sm2.isDue(state, day(d))) {
                int q = Sm2.qualityFor(correct[next], millis[next]);
                next++;
                state = Sm2.review(state, q, day(d));
                reviewDays.add(d);
                grades.add(q);
            }
        }

        assertThat(reviewDays).containsExactly(0, 1, 7, 8, 9, 15, 30, 31, 32, 38, 52);
        assertThat(grades).containsExactly(5, 4, 2, 5, 4, 5, 2, 4, 5, 4, 5);
        assertThat(next).isEqualTo(correct.length);
        assertThat(state).isEqualTo(new Schedule(4, 2.36, 34, day(86), day(52)));
        assertThat(Sm2.isDue(state, day(59))).isFalse();
    }

    @Test
    void theNextIntervalCountsFromTheActualReviewNotFromTheDueDate() {
        Schedule state = Sm2.review(Sm2.review(Schedule.fresh(DAY_0), 5, day(0)), 5, day(1)); // due day 7
        Instant late = day(10).plus(Duration.ofHours(5));
        Schedule after = Sm2.review(state, 5, late);
        assertThat(after.intervalDays()).isEqualTo(17);
        assertThat(after.due()).isEqualTo(late.plus(Duration.ofDays(17)));
        assertThat(after.lastReviewed()).isEqualTo(late);
    }

    @Test
    void aCardIsDueFromItsDueInstantOn() {
        Schedule state = Sm2.review(Schedule.fresh(DAY_0), 5, DAY_0);
        assertThat(Sm2.isDue(state, day(1).minusSeconds(1))).isFalse();
        assertThat(Sm2.isDue(state, day(1))).isTrue();
        assertThat(Sm2.isDue(state, day(3))).isTrue();
    }

    @Test
    void gradesOutsideZeroToFiveAreRejected() {
        Schedule fresh = Schedule.fresh(DAY_0);
        assertThatThrownBy(() -> Sm2.review(fresh, 6, DAY_0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.review(fresh, -1, DAY_0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.repeatInSession(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drillAnswersAreGradedAsDocumented() {
        assertThat(Sm2.qualityFor(false, 500)).isEqualTo(2);
        assertThat(Sm2.qualityFor(false, 60_000)).isEqualTo(2);
        assertThat(Sm2.qualityFor(true, 0)).isEqualTo(5);
        assertThat(Sm2.qualityFor(true, 3_999)).isEqualTo(5);
        assertThat(Sm2.qualityFor(true, 4_000)).isEqualTo(4);
        assertThat(Sm2.qualityFor(true, 60_000)).isEqualTo(4);
        assertThatThrownBy(() -> Sm2.qualityFor(true, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradesBelowFourAreDrilledAgainTheSameDay() {
        assertThat(Sm2.repeatInSession(0)).isTrue();
        assertThat(Sm2.repeatInSession(3)).isTrue();
        assertThat(Sm2.repeatInSession(4)).isFalse();
        assertThat(Sm2.repeatInSession(5)).isFalse();
    }

    @Test
    void impossibleStatesAreRejected() {
        assertThatThrownBy(() -> new Schedule(-1, 2.5, 0, DAY_0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, 1.2, 0, DAY_0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, Double.NaN, 0, DAY_0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, 2.5, -1, DAY_0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(0, 2.5, 0, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void intervalsStopGrowingAtTheCap() {
        Schedule state = Schedule.fresh(DAY_0);
        Instant now = DAY_0;
        int longest = 0;
        for (int review = 0; review < 1000; review++) {
            state = Sm2.review(state, 5, now);
            longest = Math.max(longest, state.intervalDays());
            now = state.due();
        }
        assertThat(longest).isEqualTo(Sm2.MAX_INTERVAL_DAYS);
        assertThat(state.intervalDays()).isEqualTo(Sm2.MAX_INTERVAL_DAYS);
        assertThat(state.due()).isEqualTo(now);
        assertThat(Duration.between(state.lastReviewed(), state.due())).isEqualTo(Duration.ofDays(Sm2.MAX_INTERVAL_DAYS));
    }
}
