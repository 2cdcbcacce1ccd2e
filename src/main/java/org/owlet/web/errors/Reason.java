package org.owlet.web.errors;

/**
 * Why something is not allowed: implemented by each feature's enum of refusal reasons.
 * <p>
 * The status tells the two kinds of refusal apart: <b>403</b> for "you may not" (it will not change by waiting or
 * retrying, e.g. an admin who belongs to no company) and <b>409</b>, the default, for "not now" (the state of things
 * forbids it at the moment, e.g. a cool-down that has not passed, an attempt already closed).
 * <p>
 * The page and the problem's {@code detail} explain the reason with {@link #messageKey()} from {@link #bundle()}; a
 * key the bundle lacks falls back to the generic text for the status.
 */
public interface Reason {

    /** A stable, lower-case code, e.g. {@code cooldown}; used in problem types and message keys. */
    String code();

    /** 409 ("not now") unless a reason says 403 ("you may not"). */
    default int status() {
        return 409;
    }

    /** The message bundle (its namespace, e.g. {@code learn}) that holds this reason's texts. */
    default String bundle() {
        return "web";
    }

    /** The key of the sentence that explains the refusal; it may use the {@link NotAllowed#details() details} in order. */
    default String messageKey() {
        return "reason_" + code();
    }

    /** The key of a page title of its own, or null for the generic title of the status. */
    default String titleKey() {
        return null;
    }
}
