package org.owlet.web.errors;

/**
 * The request conflicts with the current state (409), e.g. something changed under it. The detail is for logs; the
 * user reads the reason's message when there is one, else a generic text.
 */
public final class Conflict extends DomainException {

    private final Reason reason;

    public Conflict(String detail) {
        this(detail, null);
    }

    public Conflict(String detail, Reason reason) {
        super(detail);
        this.reason = reason;
    }

    /** What the user is told, or null for the generic text. */
    public Reason reason() {
        return reason;
    }
}
