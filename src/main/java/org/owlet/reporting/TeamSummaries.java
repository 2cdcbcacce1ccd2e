package org.owlet.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owlet.reporting.TeamFigures.Summary;

/**
 * The team dashboard's figures of each company, kept for {@code owlet.reporting.team-cache-ttl} after they were counted
 * (30 s by default; 0 keeps nothing), so that several admins of a 10,000-member company looking at the dashboard at
 * once cost the database one count, not one each. Keyed by the company (which comes from the admin's own membership,
 * never from the request) and the day: an admin never sees another company's figures, nor yesterday's. A change a
 * learner makes (an enrolment, a certificate, a member joining) shows within the time to live; a change the company's
 * admins make on the dashboard's own pages (assignments, extra attempts) forgets the company's figures on this
 * replica at once. Admins asking while the figures are counted wait for that count instead of starting their own.
 */
@ApplicationScoped
public class TeamSummaries {

    private record Entry(LocalDate day, long madeAt, Summary summary) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier clock;

    @Inject
    TeamSummaries(@ConfigProperty(name = "owlet.reporting.team-cache-ttl", defaultValue = "30S") Duration ttl) {
        this(ttl, System::nanoTime);
    }

    TeamSummaries(Duration ttl, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** The company's figures for {@code day}: kept ones if counted less than the time to live ago, else {@code count}'s. */
    public Summary of(long companyId, LocalDate day, Supplier<Summary> count) {
        if (ttlNanos <= 0) {
            return count.get();
        }
        // compute() runs one count per company at a time; admins of the same company meanwhile wait for its result
        return entries.compute(companyId,
                (id, kept) -> kept != null && kept.day().equals(day) && clock.getAsLong() - kept.madeAt() < ttlNanos
                        ? kept
                        : new Entry(day, clock.getAsLong(), count.get()))
                .summary();
    }

    /** Forgets the company's figures (after a change its admin made). */
    public void forget(long companyId) {
        entries.remove(companyId);
    }
}
