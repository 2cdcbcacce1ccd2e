package org.owlet.web.errors;

/**
 * The one family of exceptions a feature throws for a condition the user caused: each maps to a 4xx page in the
 * user's language, or to RFC 9457 {@code application/problem+json} under {@code /api} (see {@code ErrorPages}).
 */
public abstract sealed class DomainException extends RuntimeException permits NotFound, NotAllowed, Conflict, InvalidInput {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
