package org.owlet.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.owlet.web.TimeSource;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Ends a browser session that has been idle longer than {@code owlet.session.idle-timeout}: the next
 * page request is sent to the RP-initiated logout, which ends Owlet's session and the identity
 * provider's. Activity is kept in a cookie that names the sign-in session it belongs to (a digest of
 * the session cookie), so a fresh sign-in never inherits an old session's idle time.
 * Bearer-token calls carry no session and are not affected.
 */
public class IdleSessionFilter {

    static final String COOKIE = "owlet_seen";
    static final String EXPIRED_COOKIE = "owlet_expired";

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionConfig config;

    @Inject
    TimeSource time;

    @ServerRequestFilter
    public Optional<Response> checkIdle(ContainerRequestContext request) {
        if (!isBrowserSession(request)) {
            return Optional.empty();
        }
        Cookie seen = request.getCookies().get(COOKIE);
        if (seen == null) {
            return Optional.empty();
        }
        String[] parts = seen.getValue().split("\\.", 2);
        if (parts.length != 2 || !parts[0].equals(sessionMarker(request))) {
            return Optional.empty();
        }
        try {
            Instant last = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (last.plus(config.idleTimeout()).isBefore(time.now())) {
                return Optional.of(Response.seeOther(URI.create("/logout"))
                        .cookie(expire(COOKIE))
                        .cookie(new NewCookie.Builder(EXPIRED_COOKIE).value("1").path("/").httpOnly(true).build())
                        .build());
            }
        } catch (NumberFormatException tampered) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void recordActivity(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isBrowserSession(request) || response.getStatus() == 303 && response.getHeaderString("Location") != null
                && response.getHeaderString("Location").endsWith("/logout")) {
            return;
        }
        response.getHeaders().add(HttpHeaders.SET_COOKIE,
                new NewCookie.Builder(COOKIE).value(sessionMarker(request) + "." + time.now().getEpochSecond())
                        .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
    }

    private boolean isBrowserSession(ContainerRequestContext request) {
        // cheap checks first: the identity is only asked for when a session cookie is present
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().keySet().stream().anyMatch(name -> name.startsWith("q_session"))
                && !identity.isAnonymous();
    }

    /** Names the sign-in session: a digest of Owlet's session cookie, which a new sign-in always replaces. */
    private static String sessionMarker(ContainerRequestContext request) {
        String session = request.getCookies().entrySet().stream()
                .filter(c -> c.getKey().startsWith("q_session"))
                .map(c -> c.getValue().getValue())
                .sorted()
                .reduce("", String::concat);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(session.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static NewCookie expire(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).build();
    }
}
