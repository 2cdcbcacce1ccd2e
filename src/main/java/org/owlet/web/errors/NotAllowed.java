package org.owlet.web.errors;

/** The caller may not do this now, for a stated reason (e.g. the final's cool-down has not passed). */
public final class NotAllowed extends DomainException {

    private final Reason reason;

    public NotAllowed(Reason reason) {
        super("Not allowed: " + reason.code());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
