package org.owlet.web.errors;

/**
 * A problem with one submitted field: the field's name, the message key that explains it (in the bundle of the
 * feature that raised it, or {@code web}'s for generic ones) and the value given.
 */
public record FieldError(String field, String messageKey, String value) {
}
