package org.owlet.catalog.validation;

/**
 * One thing wrong (or worth a second look) in the course files: where it is and what was expected.
 * {@link #toString()} is the line authors read, e.g.
 * {@code intro/items/ivory.yaml:12: items[ivory-angle].correct: unknown option 'elefant'; expected one of: elephant, mammoth}.
 */
public record Problem(Severity severity, String file, int line, String field, String message) {

    /** A note points at work left to do; unlike a warning it does not fail the build on the repository's own courses. */
    public enum Severity {
        ERROR, WARNING, NOTE
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        if (severity == Severity.WARNING) {
            text.append("warning: ");
        } else if (severity == Severity.NOTE) {
            text.append("note: ");
        }
        return text.append(message).toString();
    }
}
