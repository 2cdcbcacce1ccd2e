package org.owlet.web.errors;

/**
 * A problem with one submitted field: the field's name, the message key that explains it (in the bundle named by the
 * {@link InvalidInput} that carries it, or {@code web}'s for generic ones) and the value given.
 */
public record FieldError(String field, String messageKey, String value) {

    /** A field error about a field whose value is not worth repeating (empty, or a whole body). */
    public static FieldError of(String field, String messageKey) {
        return new FieldError(field, messageKey, "");
    }
}
