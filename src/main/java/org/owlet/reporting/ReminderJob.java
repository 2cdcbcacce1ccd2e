package org.owlet.reporting;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Triggers the daily reminders on every replica; {@link Reminders#runDaily} lets only the first of the day run them.
 * The schedule is {@code owlet.reminders.cron} (default 06:00 UTC); "off" disables it.
 */
@ApplicationScoped
public class ReminderJob {

    /** Names this replica in {@code job_run.last_run_by}. */
    private final String runner = "replica-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Reminders reminders;

    @Scheduled(identity = "reminders", cron = "${owlet.reminders.cron:0 0 6 * * ?}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        reminders.runDaily(runner);
    }
}
