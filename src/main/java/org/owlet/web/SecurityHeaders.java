package org.owlet.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer of the public port carries, set in one place just before the headers are written:
 * <ul>
 * <li>a Content-Security-Policy without inline scripts or styles (pages use only {@code /css} and {@code /js}; forms post
 * to Owlet, or end at the identity provider when signing out), {@code X-Frame-Options: DENY} and
 * {@code frame-ancestors 'none'} (no page can be framed, so no button can be clickjacked);</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: strict-origin-when-cross-origin};</li>
 * <li>{@code Cache-Control: no-store} unless the resource chose its own caching: pages, PDFs, badges, CSV and JSON about
 * people are never kept by a browser or a proxy, while the stylesheet, the script and images keep their long caching;</li>
 * <li>in production ({@link HttpHeadersConfig}): {@code Strict-Transport-Security}, and {@code Secure} on every cookie
 * Owlet sets (the sign-in session cookie is forced secure by quarkus-oidc itself).</li>
 * </ul>
 * Quarkus' own pages under {@code /q/} (the Dev UI in dev mode) keep only nosniff and the referrer policy.
 */
@Singleton
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'%s; base-uri 'none'; object-src 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String NO_STORE = "no-store";

    private final HttpHeadersConfig config;
    private volatile String policy;

    SecurityHeaders(HttpHeadersConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        // a high priority: registered before sign-in and the resources, so their answers (redirects included) get the headers
        filters.register(this::filter, 10_000);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> apply(path, context.response().headers()));
        context.next();
    }

    /** Adds the headers to an answer to {@code path}; headers the resource set itself are kept. */
    void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        if (config.hsts()) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        if (config.secureCookies()) {
            secureCookies(headers);
        }
        if (path != null && path.startsWith("/q/")) {
            return;
        }
        setIfAbsent(headers, "Content-Security-Policy", policy());
        headers.set("X-Frame-Options", "DENY");
        setIfAbsent(headers, "Cache-Control", NO_STORE);
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    static void secureCookies(MultiMap headers) {
        List<String> cookies = headers.getAll("Set-Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        List<String> secured = new ArrayList<>(cookies.size());
        for (String cookie : cookies) {
            boolean secure = false;
            for (String attribute : cookie.split(";")) {
                secure |= attribute.trim().toLowerCase(Locale.ROOT).equals("secure");
            }
            secured.add(secure ? cookie : cookie + "; Secure");
        }
        headers.remove("Set-Cookie");
        headers.add("Set-Cookie", secured);
    }

    /**
     * The policy, with the identity provider among the form targets: signing out (and erasing one's account) posts to
     * Owlet, which redirects to the provider's logout, and browsers check form-action on that redirect too.
     */
    private String policy() {
        String current = policy;
        if (current == null) {
            current = policy = CSP.formatted(origin(ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url",
                    String.class)).map(o -> " " + o).orElse(""));
        }
        return current;
    }

    static Optional<String> origin(Optional<String> url) {
        try {
            return url.map(URI::create).filter(u -> u.getScheme() != null && u.getHost() != null)
                    .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
