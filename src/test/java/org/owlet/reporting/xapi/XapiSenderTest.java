package org.owlet.reporting.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Certificate;
import org.owlet.learning.Activity;
import org.owlet.organization.Member;
import org.owlet.reporting.xapi.LocalLrs.Received;
import org.owlet.reporting.xapi.XapiSender.Run;
import org.owlet.testing.Fixtures;
import org.owlet.testing.MovableTime;
import org.owlet.web.TimeSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sender against a local LRS: statements the LRS could not take are kept and retried after a doubling backoff,
 * every try is recorded, and two replicas running at once send each statement once.
 */
@QuarkusTest
@Tag("db")
@QuarkusTestResource(value = LocalLrs.class, restrictToAnnotatedClass = true)
class XapiSenderTest {

    @Inject
    XapiSender sender;

    @Inject
    XapiStatements statements;

    MovableTime time;

    @BeforeEach
    void clock() {
        time = new MovableTime(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        QuarkusMock.installMockForType(time, TimeSource.class);
        // statements of records other test classes left behind go out first, so each test scripts the LRS for its own
        // (in a full run there can be more of them than one batch, and they would take the scripted answers)
        LocalLrs.reset();
        while (sender.run("flush").sent() > 0) {
            // until nothing is left
        }
        LocalLrs.reset();
    }

    /** A learner who failed a final, passed the next and got the certificate, an hour ago: four statements. */
    private List<String> seed() {
        Member learner = XapiRecords.learner(Fixtures.acme(), UUID.randomUUID().toString().substring(0, 8));
        Instant at = time.now().minus(Duration.ofHours(1));
        long failed = XapiRecords.attempt(learner, Activity.FINAL, at.minus(Duration.ofMinutes(30)), 0.5, false);
        long passed = XapiRecords.attempt(learner, Activity.FINAL, at, 1.0, true);
        Certificate certificate = XapiRecords.certificate(learner, passed, at.plusSeconds(1));
        return List.of(id(RecordKind.FAILED, failed), id(RecordKind.PASSED, passed), id(RecordKind.COMPLETED, passed),
                id(RecordKind.CERTIFICATE, certificate.id));
    }

    private String id(RecordKind kind, long recordId) {
        return statements.statementId(kind, recordId).toString();
    }

    @Test
    void statementsTheLrsCouldNotTakeAreKeptAndRetriedAfterABackoff() {
        List<String> mine = seed();
        LocalLrs.reset(LocalLrs.NO_ANSWER, 503);

        Run first = sender.run("replica-a");
        assertThat(first.ran()).isTrue();
        assertThat(first.sent()).isZero();
        assertThat(requestsWith(mine)).hasSize(1);
        Instant t1 = time.now();
        for (String id : mine) {
            XapiSent row = row(id);
            assertThat(row.status).isEqualTo(XapiSent.Status.FAILED);
            assertThat(row.httpStatus).isNull();
            assertThat(row.lastError).startsWith("unreachable");
            assertThat(row.attempts).isEqualTo(1);
            assertThat(row.nextAttemptAt).isEqualTo(t1.plus(Duration.ofMinutes(5)));
            assertThat(row.sentAt).isNull();
        }

        // nothing is tried again before the backoff is over
        sender.run("replica-a");
        assertThat(requestsWith(mine)).hasSize(1);

        time.advance(Duration.ofMinutes(6));
        Instant t2 = time.now();
        sender.run("replica-b");
        assertThat(requestsWith(mine)).hasSize(2);
        XapiSent second = row(mine.get(0));
        assertThat(second.httpStatus).isEqualTo(503);
        assertThat(second.lastError).contains("HTTP 503", "down for maintenance");
        assertThat(second.attempts).isEqualTo(2);
        assertThat(second.nextAttemptAt).isEqualTo(t2.plus(Duration.ofMinutes(10)));

        time.advance(Duration.ofMinutes(11));
        Instant t3 = time.now();
        Run third = sender.run("replica-a");
        assertThat(third.sent()).isGreaterThanOrEqualTo(mine.size());
        List<Received> got = requestsWith(mine);
        assertThat(got).hasSize(3);
        Received accepted = got.get(2);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.ids()).containsAll(mine).doesNotHaveDuplicates();
        assertThat(accepted.version()).isEqualTo("1.0.3");
        assertThat(accepted.contentType()).startsWith("application/json");
        assertThat(accepted.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((LocalLrs.USER + ":" + LocalLrs.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        accepted.statements().forEach(s -> assertThat(XapiRules.check(s)).as(s.toString()).isEmpty());
        for (String id : mine) {
            XapiSent row = row(id);
            assertThat(row.status).isEqualTo(XapiSent.Status.SENT);
            assertThat(row.httpStatus).isEqualTo(200);
            assertThat(row.attempts).isEqualTo(3);
            assertThat(row.firstTriedAt).isEqualTo(t1);
            assertThat(row.sentAt).isEqualTo(t3);
            assertThat(row.nextAttemptAt).isNull();
            assertThat(row.lastError).isNull();
        }

        // sent is sent: a later run, even much later, does not send them again
        time.advance(Duration.ofDays(2));
        sender.run("replica-b");
        assertThat(requestsWith(mine)).hasSize(3);
    }

    @Test
    void twoReplicasRunningAtOnceSendEachStatementOnce() throws Exception {
        List<String> mine = seed();
        LocalLrs.reset();
        LocalLrs.delayMillis = 400;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Run>> runs = new ArrayList<>();
        for (String replica : List.of("replica-a", "replica-b")) {
            runs.add(replicas.submit(() -> {
                go.await();
                return sender.run(replica);
            }));
        }
        go.countDown();
        List<Run> done = new ArrayList<>();
        for (Future<Run> run : runs) {
            done.add(run.get());
        }
        replicas.shutdown();

        assertThat(done).filteredOn(Run::ran).hasSize(1);
        List<String> sent = LocalLrs.RECEIVED.stream().filter(r -> r.status() == 200).flatMap(r -> r.ids().stream()).toList();
        assertThat(sent).containsAll(mine).doesNotHaveDuplicates();
        for (String id : mine) {
            assertThat(row(id).attempts).isEqualTo(1);
            assertThat(row(id).status).isEqualTo(XapiSent.Status.SENT);
        }
        Object lock = QuarkusTransaction.requiringNew().call(() -> XapiSent.getEntityManager()
                .createNativeQuery("SELECT locked_until FROM job_run WHERE name = 'xapi'").getSingleResult());
        assertThat(lock).as("the claim is released after the run").isNull();
    }

    @Test
    void aStatementTheLrsRefusesDoesNotHoldBackTheOthersInItsBatch() {
        List<String> mine = seed();
        LocalLrs.reset();
        String refused = mine.get(1);
        LocalLrs.REFUSED.add(refused);

        sender.run("replica-a");
        assertThat(LocalLrs.RECEIVED.get(0).status()).as("the whole batch first").isEqualTo(400);
        assertThat(LocalLrs.RECEIVED.get(0).ids()).containsAll(mine);
        XapiSent row = row(refused);
        assertThat(row.status).isEqualTo(XapiSent.Status.FAILED);
        assertThat(row.httpStatus).isEqualTo(400);
        assertThat(row.lastError).contains("invalid statement");
        assertThat(row.nextAttemptAt).isEqualTo(time.now().plus(Duration.ofMinutes(5)));
        for (String id : mine) {
            if (!id.equals(refused)) {
                assertThat(row(id).status).as(id).isEqualTo(XapiSent.Status.SENT);
                assertThat(row(id).attempts).isEqualTo(1);
            }
        }
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(sender.backoff(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(sender.backoff(8)).isEqualTo(Duration.ofHours(6));
        assertThat(sender.backoff(40)).isEqualTo(Duration.ofHours(6));
    }

    private static List<Received> requestsWith(List<String> ids) {
        return LocalLrs.RECEIVED.stream().filter(r -> r.ids().containsAll(ids)).toList();
    }

    private static XapiSent row(String id) {
        return QuarkusTransaction.requiringNew().call(() -> XapiSent.<XapiSent> findById(id));
    }
}
