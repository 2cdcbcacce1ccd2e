package org.owlet.web.errors;

import java.util.List;

/**
 * Submitted data that cannot be used; nothing was changed (400). Each field error names the field and a message key,
 * looked up in {@link #bundle()} (default {@code web}), then in {@code web}, then in any bundle that has it.
 */
public final class InvalidInput extends DomainException {

    private final String bundle;
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        this("web", errors);
    }

    public InvalidInput(FieldError error) {
        this(List.of(error));
    }

    /** Field errors whose message keys live in this message bundle (its namespace, e.g. {@code org}). */
    public InvalidInput(String bundle, List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.bundle = bundle;
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String bundle, FieldError error) {
        this(bundle, List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String bundle() {
        return bundle;
    }
}
