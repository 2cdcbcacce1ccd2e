package org.owlet.identity;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Ends a browser session that has been idle longer than {@code owlet.session.idle-timeout}. The timeout is
 * enforced from the server's record of the session ({@link SessionStore#resume}, which deletes an idle session
 * and marks the request); this filter then sends the browser to the identity provider's logout too, so that a
 * shared workstation does not sign the previous person back in. Nothing the browser sends can skip it: there is
 * no activity cookie any more. Bearer-token calls carry no session and are not affected.
 */
public class IdleSessionFilter {

    @Inject
    CurrentVertxRequest vertxRequest;

    @Inject
    ProviderLogout providerLogout;

    @Context
    UriInfo uri;

    @ServerRequestFilter
    public Optional<Response> endIdleSession() {
        if (vertxRequest.getCurrent() == null || vertxRequest.getCurrent().get(DatabaseTokenStateManager.IDLED_OUT) == null) {
            return Optional.empty();
        }
        return Optional.of(providerLogout.redirect(providerLogout.idToken(), uri));
    }
}
