package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the problems found while reading and checking course files, in the order they were found. */
public final class Problems {

    private final List<Problem> all = new ArrayList<>();

    public void error(String file, int line, String field, String message) {
        all.add(new Problem(Problem.Severity.ERROR, file, line, field, message));
    }

    public void warning(String file, int line, String field, String message) {
        all.add(new Problem(Problem.Severity.WARNING, file, line, field, message));
    }

    /** Work left to do that does not fail the build (see {@link Problem.Severity#NOTE}). */
    public void note(String file, int line, String field, String message) {
        all.add(new Problem(Problem.Severity.NOTE, file, line, field, message));
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(all);
    }

    /** A mark to ask later whether errors were added since, e.g. to skip one broken course. */
    public int mark() {
        return (int) all.stream().filter(Problem::isError).count();
    }

    public boolean errorsSince(int mark) {
        return mark() > mark;
    }
}
