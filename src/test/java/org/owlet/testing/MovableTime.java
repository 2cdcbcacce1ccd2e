package org.owlet.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Vetoed;

import org.owlet.web.TimeSource;

/** A clock that tests move by hand; install it with {@code QuarkusMock.installMockForType(time, TimeSource.class)}. */
@Vetoed
public class MovableTime extends TimeSource {

    private Instant now;

    public MovableTime(Instant start) {
        this.now = start;
    }

    public static MovableTime startingNow() {
        return new MovableTime(Instant.now());
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }
}
