package org.owlet.web;

/** Guards redirects that come from request parameters: only paths on this site, never another host. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static boolean isLocalPath(String target) {
        return target != null
                && target.startsWith("/")
                && !target.startsWith("//")
                && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    public static String orHome(String target) {
        return isLocalPath(target) ? target : "/";
    }
}
