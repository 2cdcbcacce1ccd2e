package org.owlet.reporting.xapi;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** xAPI export and the optional sending to a Learning Record Store (LRS). */
@ConfigMapping(prefix = "owlet.xapi")
public interface XapiConfig {

    /** Who the actor of a statement is. */
    enum ActorIdentity {
        /** The pseudonymous person key as an account on the public URL: no name, no email (the default). */
        ACCOUNT,
        /** The member's email as {@code mbox}, with their name; a member without an email (erased) stays an account. */
        EMAIL
    }

    /** The LRS endpoint (statements are POSTed to {@code <url>/statements}); absent: nothing is sent. */
    Optional<String> url();

    /** Basic authentication at the LRS. */
    Optional<String> username();

    Optional<String> password();

    @WithDefault("account")
    ActorIdentity actor();

    /** When the sender runs (Quartz cron, UTC); "off" disables it. */
    @WithDefault("0 */15 * * * ?")
    String cron();

    /** Statements per POST. */
    @WithDefault("50")
    int batchSize();

    /** At most this many statements per run; the rest wait for the next run. */
    @WithDefault("2000")
    int maxPerRun();

    /** How long one POST may take. */
    @WithDefault("30S")
    Duration timeout();

    /** How long a run holds the cluster-wide claim if it never releases it (a replica that died). */
    @WithDefault("15M")
    Duration lease();

    /** The wait before the first retry of a failed statement; it doubles with each failure, up to the maximum. */
    @WithDefault("5M")
    Duration retryBackoff();

    @WithDefault("6H")
    Duration retryBackoffMax();
}
