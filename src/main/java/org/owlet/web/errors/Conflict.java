package org.owlet.web.errors;

/** The request conflicts with the current state (409), e.g. something changed under it. */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
