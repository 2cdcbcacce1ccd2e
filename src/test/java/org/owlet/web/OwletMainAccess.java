package org.owlet.web;

import java.util.Set;
import java.util.TreeSet;

/** Lets tests outside {@code org.owlet.web} see which settings the packaged app requires. */
public final class OwletMainAccess {

    private OwletMainAccess() {
    }

    public static Set<String> requiredVariables() {
        Set<String> required = new TreeSet<>(OwletMain.REQUIRED_OUTSIDE_DEVELOPMENT.keySet());
        required.addAll(OwletMain.REQUIRED_IN_PRODUCTION.keySet());
        return required;
    }
}
