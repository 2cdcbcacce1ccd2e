package org.owlet.web;

import java.util.Optional;

/**
 * Implemented by a feature that knows the signed-in person's saved language (the member's profile).
 * The web layer asks it between the explicit cookie choice and the browser's Accept-Language.
 */
public interface PreferredLanguage {

    Optional<String> forCurrentUser();
}
