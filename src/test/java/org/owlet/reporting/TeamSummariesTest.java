package org.owlet.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.owlet.reporting.TeamFigures.Counts;
import org.owlet.reporting.TeamFigures.Summary;

/** The dashboard's kept figures: per company and day, for the time to live, forgotten on the admin's own changes. */
class TeamSummariesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    final AtomicInteger counted = new AtomicInteger();

    /** A count that tells its figures apart: the headline's members is the number of counts made so far. */
    Supplier<Summary> count(LocalDate day) {
        return () -> {
            int n = counted.incrementAndGet();
            return new Summary(day, List.of(), new Counts(n, 0, 0, 0, 0, 0, 0, 0, 0), Map.of(), List.of(), List.of(), List.of(), 0);
        };
    }

    @Test
    void figuresAreKeptPerCompanyForTheTimeToLive() {
        TeamSummaries cache = new TeamSummaries(Duration.ofSeconds(30), now::get);
        Summary first = cache.of(1L, TODAY, count(TODAY));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.of(1L, TODAY, count(TODAY))).isSameAs(first);
        assertThat(counted).hasValue(1);

        Summary other = cache.of(2L, TODAY, count(TODAY));
        assertThat(other).as("another company's figures are its own").isNotSameAs(first);
        assertThat(other.headline().members()).isEqualTo(2);
        assertThat(cache.of(1L, TODAY, count(TODAY))).isSameAs(first);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        Summary later = cache.of(1L, TODAY, count(TODAY));
        assertThat(later).as("counted again after 30 s").isNotSameAs(first);
        assertThat(later.headline().members()).isEqualTo(3);
    }

    @Test
    void aNewDayOrTheAdminsOwnChangeCountsAgain() {
        TeamSummaries cache = new TeamSummaries(Duration.ofSeconds(30), now::get);
        Summary today = cache.of(1L, TODAY, count(TODAY));
        Summary tomorrow = cache.of(1L, TODAY.plusDays(1), count(TODAY.plusDays(1)));
        assertThat(tomorrow).isNotSameAs(today);
        assertThat(tomorrow.today()).isEqualTo(TODAY.plusDays(1));

        cache.forget(1L);
        assertThat(cache.of(1L, TODAY.plusDays(1), count(TODAY.plusDays(1)))).isNotSameAs(tomorrow);
        assertThat(counted).hasValue(3);
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        TeamSummaries cache = new TeamSummaries(Duration.ZERO, now::get);
        cache.of(1L, TODAY, count(TODAY));
        cache.of(1L, TODAY, count(TODAY));
        assertThat(counted).hasValue(2);
    }
}
