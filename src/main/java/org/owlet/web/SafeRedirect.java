package org.owlet.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Guards redirects that come from request parameters: only paths on this site, never another host, and only what is a
 * valid address (a return address like {@code "/ /x"} is not one, and goes home instead of failing).
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static boolean isLocalPath(String target) {
        return target != null
                && target.startsWith("/")
                && !target.startsWith("//")
                && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && isRelativeReference(target);
    }

    public static String orHome(String target) {
        return isLocalPath(target) ? target : "/";
    }

    /** A URI reference without scheme or host, as {@link URI#create} (which builds the Location header) accepts it. */
    private static boolean isRelativeReference(String target) {
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }
}
