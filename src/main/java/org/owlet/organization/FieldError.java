package org.owlet.organization;

/** A problem with one submitted field: the field's name and the message key (organization bundle) that explains it. */
public record FieldError(String field, String messageKey, String value) {
}
