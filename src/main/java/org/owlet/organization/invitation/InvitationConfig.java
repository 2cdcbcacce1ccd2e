package org.owlet.organization.invitation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the invitations page. */
@ConfigMapping(prefix = "owlet.invitations")
public interface InvitationConfig {

    /** An invitation email is sent again at the earliest this long after the last one that went out. */
    @WithDefault("15M")
    Duration resendAfter();

    /** At most this many invitation emails per invitation (the first one included). */
    @WithDefault("5")
    int maxSends();

    /** The largest CSV upload accepted, in bytes. */
    @WithDefault("262144")
    int csvMaxBytes();

    /** The most addresses one CSV upload may invite. */
    @WithDefault("500")
    int csvMaxRows();
}
