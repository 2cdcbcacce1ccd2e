package org.owlet.web.errors;

/** Why something is not allowed now: implemented by each feature's enum of refusal reasons. */
public interface Reason {

    /** A stable, lower-case code, e.g. {@code cooldown}; used in problem types and message keys. */
    String code();
}
