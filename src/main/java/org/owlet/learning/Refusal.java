package org.owlet.learning;

import java.util.Locale;

import org.owlet.web.errors.Reason;

/** Why the learner cannot do this now; each has a message {@code not_allowed_<code>} in the learn bundle. */
public enum Refusal implements Reason {
    /** The final is passed already. */
    PASSED,
    /** The final's gate (lessons read, quizzes attempted) is not met. */
    GATE,
    /** No attempts left. */
    ATTEMPTS,
    /** The cool-down after a failed attempt has not passed. */
    COOLDOWN,
    /** The attempt is submitted, or the item is not part of it. */
    CLOSED,
    /** The answer names no question the server rendered for this learner, or another item than it showed. */
    QUESTION,
    /** An extra attempt is granted only when the member's attempts are used up or they are waiting out a cool-down. */
    GRANT_NOT_NEEDED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All of these are "not now" (409): waiting, another attempt or a reload changes them. */
    @Override
    public String bundle() {
        return "learn";
    }

    @Override
    public String messageKey() {
        return "not_allowed_" + code();
    }

    @Override
    public String titleKey() {
        return "not_allowed_title";
    }
}
