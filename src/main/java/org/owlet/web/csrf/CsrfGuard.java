package org.owlet.web.csrf;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.owlet.web.errors.NotAllowed;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery, refused. This bean replaces the filter bean of quarkus-rest-csrf (an alternative of the
 * same type), so the extension's request filter runs {@link #filter} below; its response filter, which sets the CSRF
 * cookie, is the extension's own.
 * <p>
 * <b>Which requests are checked.</b> Only a state change (any method but GET, HEAD and OPTIONS) that carries Owlet's
 * session cookie ({@code q_session…}, quarkus-oidc's code-flow session): that is the ambient authority a forged
 * request borrows from the victim's browser. A request without it is exempt, pages and API alike: it is anonymous, or
 * authenticated by an {@code Authorization: Bearer} token, which no browser adds to a request another site makes (the
 * benchmark and integrations post forms that way), or by {@code @TestSecurity} in tests. A request with both a bearer
 * token and the session cookie is checked like a browser's (and quarkus-oidc takes the identity from the bearer token).
 * <p>
 * <b>What is checked</b>, in this order, each failure a 403 in the user's language ({@link CsrfRefusal}: Owlet's error
 * page, or its problem document under /api):
 * <ol>
 * <li>where it came from: {@code Sec-Fetch-Site: cross-site} or {@code same-site}, or an {@code Origin} that is neither
 * {@code owlet.public-url} nor the request's own scheme and host (nor {@code null}), is refused;</li>
 * <li>under /api, a request stating neither header is refused: every browser sends {@code Origin} with a POST, PUT,
 * PATCH or DELETE, so a session-cookie API call without one comes from a program, which should use a bearer token;</li>
 * <li>the token: the form field {@code csrf-token} (every form carries it, {@code tags/csrf.html}) or the
 * {@code X-CSRF-TOKEN} header must match the browser's CSRF cookie (double-submit cookie); then the extension verifies
 * it once more and refreshes the cookie. A form from an old browser that states no origin passes on its token alone.</li>
 * </ol>
 * <b>Tokens are issued</b> only with pages that show a form: {@link CsrfTokens} makes or reuses the token when a
 * template asks for it, and the extension's response filter then sets the cookie. Redirects, assets, downloads and the
 * API never carry a CSRF {@code Set-Cookie} (their answers may be cached and shared). The extension's own request
 * filter runs only after the checks above; its GET branch, which would answer a malformed cookie with a bare 400 and
 * set the cookie on every answer, is not used.
 */
@Alternative
@Priority(1)
@Singleton
public class CsrfGuard extends CsrfRequestResponseReactiveFilter {

    private static final Logger LOG = Logger.getLogger(CsrfGuard.class);

    /** quarkus-oidc's session cookie and its chunks ({@code q_session}, {@code q_session_chunk_1}, per-tenant suffixes). */
    static final String SESSION_COOKIE_PREFIX = "q_session";

    @Inject
    RestCsrfConfig config;

    @Inject
    CsrfTokens tokens;

    @ConfigProperty(name = "owlet.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public void filter(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (isSafe(request.getMethod()) || !hasSessionCookie(routing)) {
            // GET, HEAD, OPTIONS: nothing to check, and the token is issued by the page that shows a form (CsrfTokens).
            // Without the session cookie, nothing a forged request could borrow: anonymous, a bearer token or
            // @TestSecurity (see the class comment).
            return;
        }
        String path = routing.normalizedPath();
        String origin = request.getHeaderString("Origin");
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        Origins.Verdict verdict = Origins.judge(origin, fetchSite, ownOrigins(routing));
        if (verdict == Origins.Verdict.FOREIGN) {
            refuse(routing, CsrfRefusal.CROSS_SITE, "origin %s, Sec-Fetch-Site %s".formatted(origin, fetchSite));
        }
        if (verdict == Origins.Verdict.UNSTATED && path.startsWith("/api/")) {
            refuse(routing, CsrfRefusal.ORIGIN_REQUIRED, "no Origin or Sec-Fetch-Site");
        }
        String sent = request.getHeaderString(config.tokenHeaderName());
        if (sent == null && isForm(request)) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(config.formFieldName(), true, false);
            sent = field instanceof String value ? value : null;
        }
        if (!tokens.matches(sent, tokens.cookie(routing))) {
            refuse(routing, CsrfRefusal.FORM_EXPIRED, sent == null ? "no token" : "token does not match the cookie");
        }
        super.filter(request, routing);
    }

    private static void refuse(RoutingContext routing, CsrfRefusal reason, String why) {
        LOG.debugf("CSRF: refused %s %s (%s): %s", routing.request().method(), routing.normalizedPath(), reason.code(), why);
        throw new NotAllowed(reason);
    }

    /** Owlet's public address and the address this request was sent to (behind a proxy: as forwarded to Owlet). */
    private Set<String> ownOrigins(RoutingContext routing) {
        Set<String> own = new LinkedHashSet<>();
        Origins.of(publicUrl).ifPresent(own::add);
        Origins.of(routing.request().absoluteURI()).ifPresent(own::add);
        return own;
    }

    static boolean hasSessionCookie(RoutingContext routing) {
        return routing.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE_PREFIX));
    }

    private static boolean isSafe(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    private static boolean isForm(ResteasyReactiveContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }
}
