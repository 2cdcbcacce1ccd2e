package org.owlet.certification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.web.TimeSource;

/**
 * A token bucket per client address for the public verification page and API: enough for people checking
 * certificates, too little for trying codes by the thousand. In memory, per replica.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 50_000;

    @Inject
    CertificationConfig config;

    @Inject
    TimeSource time;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        Instant refilled;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.refilled = at;
        }
    }

    /** Takes one token for this address; false when it has none left. */
    public boolean tryAcquire(String address) {
        Instant now = time.now();
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // a flood of addresses: start afresh rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(address == null ? "?" : address, a -> new Bucket(config.rateLimit().capacity(), now));
        synchronized (bucket) {
            double elapsedMinutes = Math.max(0, Duration.between(bucket.refilled, now).toMillis()) / 60_000.0;
            bucket.tokens = Math.min(config.rateLimit().capacity(), bucket.tokens + elapsedMinutes * config.rateLimit().perMinute());
            bucket.refilled = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until one request is allowed again. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / Math.max(1, config.rateLimit().perMinute())));
    }

    void reset() {
        buckets.clear();
    }
}
