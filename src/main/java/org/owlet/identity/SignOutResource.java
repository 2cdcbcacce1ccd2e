package org.owlet.identity;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Signing out: a POST (the layout's <em>Sign out</em> button) deletes the session on the server, so every copy
 * of the cookie stops working, then ends the identity provider's session (RP-initiated logout). A GET signs
 * nobody out (a link or an image on another site must not), it only leads to the welcome page.
 */
@Path("/logout")
@PermitAll
public class SignOutResource {

    @Inject
    SessionStore sessions;

    @Inject
    ProviderLogout providerLogout;

    @Context
    UriInfo uri;

    @POST
    public Response signOut(@CookieParam(ProviderLogout.SESSION_COOKIE) String session) {
        // the identity provider's logout only for a session that was live until now (its ID token is the hint)
        Optional<String> idToken = providerLogout.idToken();
        boolean ended = session != null && !session.isEmpty() && sessions.end(session);
        return providerLogout.redirect(ended ? idToken : Optional.empty(), uri);
    }

    @GET
    public Response notByVisiting() {
        return Response.seeOther(URI.create("/")).build();
    }
}
