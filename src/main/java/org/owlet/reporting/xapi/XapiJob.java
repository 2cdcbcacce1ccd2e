package org.owlet.reporting.xapi;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Triggers the xAPI sender on every replica; {@link XapiSender#run} lets one replica at a time send. The schedule is
 * {@code owlet.xapi.cron} (default every 15 minutes, UTC); "off" disables it. Without {@code owlet.xapi.url} a run does
 * nothing. Runs on the scheduler's worker thread, never a request's.
 */
@ApplicationScoped
public class XapiJob {

    /** Names this replica in {@code job_run.last_run_by}. */
    private final String runner = "replica-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    XapiSender sender;

    @Scheduled(identity = "xapi", cron = "${owlet.xapi.cron:0 */15 * * * ?}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        sender.run(runner);
    }
}
