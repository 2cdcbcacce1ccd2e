package org.owlet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one clock of the application. Everything that depends on "now" (spaced repetition, cool-downs,
 * due dates, expiry) asks this bean, so tests can move time with {@code QuarkusMock}. Instants are UTC;
 * conversion to a user's time zone happens only when a date is shown.
 */
@ApplicationScoped
public class TimeSource {

    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Now, to the microsecond: the precision the databases keep, so a stored time reads back equal. */
    public Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
