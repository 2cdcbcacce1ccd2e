package org.owlet.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The large downloads (a team's CSV: a row per member), at most {@code owlet.downloads.concurrent} written at once on
 * this replica. Each streams its rows from the database as it writes them, so memory does not grow with the team, and
 * holds a database connection until its last row is sent (to a slow client, for a while): without a bound, a dozen
 * admins downloading at once would take the whole pool from the learners. A download that finds every place taken
 * waits up to {@code owlet.downloads.wait} for one, then gets a 503 with a Retry-After ({@link Busy}).
 */
@ApplicationScoped
public class Downloads {

    /** Every place was taken for longer than the wait: 503, try again shortly; nothing was sent. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("every download place is taken");
        }
    }

    private final Semaphore places;
    private final Duration wait;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Downloads(@ConfigProperty(name = "owlet.downloads.concurrent") int concurrent,
            @ConfigProperty(name = "owlet.downloads.wait") Duration wait) {
        this.places = new Semaphore(Math.max(1, concurrent), true);
        this.wait = wait;
    }

    /**
     * A streamed CSV download (see {@link Csv#download(String, List, Csv.Rows)}) once a place is free; the place is given
     * back when the rows are written, or when the request ends without them (the client went away).
     */
    public Response csv(String filename, List<String> header, Csv.Rows rows) {
        boolean entered;
        try {
            entered = places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new Busy();
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (held.compareAndSet(true, false)) {
                places.release();
            }
        };
        try {
            if (request.getCurrent() != null) {
                request.getCurrent().addEndHandler(done -> leave.run());
            }
            return Csv.download(filename, header, out -> {
                try {
                    rows.write(out);
                } finally {
                    leave.run();
                }
            });
        } catch (RuntimeException | Error e) {
            leave.run();
            throw e;
        }
    }

    /** The places (tests take them all to see a download refused). */
    Semaphore places() {
        return places;
    }
}
