package org.owlet.web.errors;

import java.util.List;

/** Submitted data that cannot be used; nothing was changed (400). Each field error names the field. */
public final class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
