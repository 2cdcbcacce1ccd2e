package org.owlet.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "owlet.session")
public interface SessionConfig {

    /** A signed-in page session without activity for this long is ended (moderators share workstations). */
    @WithDefault("30M")
    Duration idleTimeout();

    /** How often ended and expired sessions are deleted (read by the scheduler as {@code every}). */
    @WithDefault("5m")
    String purgeEvery();
}
