package org.owlet.web.csrf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a state-changing request came from, as the browser states it: {@code Sec-Fetch-Site} (sent by every current
 * browser) and {@code Origin} (sent by browsers with every POST, PUT, PATCH and DELETE, same-origin ones too). Pure
 * functions, so the rules are tested without a server.
 */
final class Origins {

    /** What the headers say. */
    enum Verdict {
        /** The request names Owlet's own origin, or the browser says it came from Owlet's own pages. */
        OWN,
        /** Another site (including a sibling sub-domain, which can plant cookies) or an opaque {@code null} origin. */
        FOREIGN,
        /** Neither header: an old browser, or a program (curl, a script) rather than a browser. */
        UNSTATED
    }

    private Origins() {
    }

    /**
     * Judges a request from its {@code Origin} and {@code Sec-Fetch-Site} headers (either may be null) against the
     * origins that are Owlet's own ({@code scheme://host[:port]}, see {@link #of(String)}).
     */
    static Verdict judge(String origin, String fetchSite, Collection<String> own) {
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return Verdict.FOREIGN;
            }
        }
        if (origin != null) {
            Optional<String> normalized = of(origin);
            return normalized.isPresent() && own.contains(normalized.get()) ? Verdict.OWN : Verdict.FOREIGN;
        }
        if (fetchSite != null) {
            // same-origin, or none (the user typed the address or used a bookmark): the browser vouches for it
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none") ? Verdict.OWN : Verdict.FOREIGN;
        }
        return Verdict.UNSTATED;
    }

    /**
     * The origin of an absolute http(s) URL, normalised: lower-case scheme and host, the port only when it is not the
     * scheme's default, no path. Empty for anything else, including the opaque origin {@code null}.
     */
    static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
