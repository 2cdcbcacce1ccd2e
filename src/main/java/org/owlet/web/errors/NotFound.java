package org.owlet.web.errors;

/** What was asked for does not exist, or is not the caller's to see (404: the two are never told apart). */
public final class NotFound extends DomainException {

    public NotFound() {
        super("Not found");
    }

    public NotFound(String what) {
        super("Not found: " + what);
    }
}
