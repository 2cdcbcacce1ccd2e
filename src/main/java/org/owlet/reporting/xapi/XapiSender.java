package org.owlet.reporting.xapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.owlet.reporting.xapi.XapiStatements.Statement;
import org.owlet.web.TimeSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends the statements the LRS does not have yet, in batches, and records each try in {@code xapi_sent}. One replica at
 * a time: a run first claims the {@code job_run} row {@code xapi} with a lease ({@code locked_until}), and releases it
 * when done. A statement the LRS refused, or a batch it could not take (down, 5xx, timeout), is kept with its error and
 * tried again on a later run after a backoff that doubles with each failure. When the LRS cannot be reached the run
 * stops at the first batch and logs one line; the statements stay unsent.
 */
@ApplicationScoped
public class XapiSender {

    private static final Logger LOG = Logger.getLogger(XapiSender.class);
    private static final int ERROR_LENGTH = 1000;

    /** What one run did: whether it ran (configured, and this replica held the claim), statements sent and failed. */
    public record Run(boolean ran, int sent, int failed) {
        static final Run SKIPPED = new Run(false, 0, 0);
    }

    /** The LRS's answer to one POST: an HTTP status, or none with the reason it could not be reached. */
    record Answer(Integer status, String error) {
        boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }

        /** The LRS already holds a statement with this id (xAPI 1.0.3: it keeps the first and answers 409). */
        boolean alreadyStored() {
            return status != null && status == 409;
        }

        /** The statements themselves were refused (not the LRS's state, credentials or load): worth sending one by one. */
        boolean refusedContent() {
            return status != null && (status == 400 || status == 409 || status == 413);
        }
    }

    @Inject
    XapiConfig config;

    @Inject
    XapiStatements statements;

    @Inject
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    private volatile HttpClient client;

    public boolean configured() {
        return config.url().filter(u -> !u.isBlank()).isPresent();
    }

    /** Sends what is due if an LRS is configured and no other replica is sending right now. */
    public Run run(String runner) {
        if (!configured()) {
            LOG.debug("xAPI: no LRS configured (owlet.xapi.url), nothing sent");
            return Run.SKIPPED;
        }
        Instant now = time.now();
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE job_run SET locked_until = ?1, last_run_on = ?2, last_run_at = ?3, last_run_by = ?4"
                        + " WHERE name = 'xapi' AND (locked_until IS NULL OR locked_until < ?3)")
                .setParameter(1, now.plus(config.lease())).setParameter(2, time.today()).setParameter(3, now)
                .setParameter(4, runner).executeUpdate());
        if (claimed == 0) {
            LOG.debugf("xAPI: another replica is sending, %s skips this run", runner);
            return Run.SKIPPED;
        }
        try {
            return send(now);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE job_run SET locked_until = NULL WHERE name = 'xapi' AND last_run_by = ?1").setParameter(1, runner)
                    .executeUpdate());
        }
    }

    private Run send(Instant now) {
        int sent = 0, failed = 0, left = Math.max(1, config.maxPerRun());
        while (left > 0) {
            int size = Math.min(Math.max(1, config.batchSize()), left);
            List<Statement> batch = QuarkusTransaction.requiringNew().call(() -> statements.unsent(now, size));
            if (batch.isEmpty()) {
                break;
            }
            left -= batch.size();
            Answer answer = post(batch);
            if (answer.accepted()) {
                batch.forEach(s -> record(s, answer, now));
                sent += batch.size();
            } else if (answer.refusedContent()) {
                // one statement can spoil a batch: send them one by one so the others get through
                for (Statement single : batch) {
                    Answer one = batch.size() == 1 ? answer : post(List.of(single));
                    record(single, one, now);
                    if (one.accepted() || one.alreadyStored()) {
                        sent++;
                    } else {
                        failed++;
                        LOG.warnf("xAPI: the LRS refused statement %s (%s %d): %s", single.id(), single.kind(), single.recordId(),
                                one.error());
                    }
                }
            } else {
                batch.forEach(s -> record(s, answer, now));
                failed += batch.size();
                LOG.warnf("xAPI: the LRS at %s is not taking statements (%s); %d statements kept unsent for a later run", endpoint(),
                        answer.error(), batch.size());
                break;
            }
        }
        if (sent > 0) {
            LOG.infof("xAPI: %d statements sent to %s, %d failed", sent, endpoint(), failed);
        }
        return new Run(true, sent, failed);
    }

    /** Records one try: sent (also when the LRS already had it), or failed with the next try after the backoff. */
    private void record(Statement statement, Answer answer, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            XapiSent found = XapiSent.findById(statement.id().toString());
            XapiSent row = found != null ? found : new XapiSent();
            if (found == null) {
                row.statementId = statement.id().toString();
                row.recordKind = statement.kind();
                row.recordId = statement.recordId();
                row.firstTriedAt = now;
            }
            row.attempts++;
            row.lastTriedAt = now;
            row.httpStatus = answer.status();
            if (answer.accepted() || answer.alreadyStored()) {
                row.status = XapiSent.Status.SENT;
                row.sentAt = now;
                row.nextAttemptAt = null;
                row.lastError = answer.alreadyStored() ? "the LRS already holds a statement with this id" : null;
            } else {
                row.status = XapiSent.Status.FAILED;
                row.nextAttemptAt = now.plus(backoff(row.attempts));
                row.lastError = answer.error() == null ? null : truncate(answer.error());
            }
            if (found == null) {
                row.persist();
            }
        });
    }

    /** The wait after the {@code attempts}-th failure: the configured backoff, doubled each time, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.retryBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.retryBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : wait;
    }

    private Answer post(List<Statement> batch) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(statements.array(batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statements are Jackson trees and always serialise", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint())).timeout(config.timeout())
                .header("Content-Type", "application/json").header("X-Experience-API-Version", XapiStatements.VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        basicAuth().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Answer(status, null)
                    : new Answer(status, "HTTP " + status + (response.body().isBlank() ? "" : ": " + response.body().strip()));
        } catch (IOException e) {
            return new Answer(null, "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    private Optional<String> basicAuth() {
        return config.username().filter(u -> !u.isBlank()).map(user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + config.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    String endpoint() {
        return config.url().orElseThrow().strip().replaceAll("/+$", "") + "/statements";
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }
}
