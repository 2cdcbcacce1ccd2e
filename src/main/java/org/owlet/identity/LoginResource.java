package org.owlet.identity;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.owlet.web.SafeRedirect;

import io.quarkus.security.Authenticated;

/**
 * The sign-in entry point. {@code /login} is protected by an HTTP permission (application.properties),
 * so an anonymous visitor is sent through the identity provider's login first; once signed in, this
 * sends them on to the page they came from, or to <em>My learning</em> when they came from nowhere in
 * particular (no target, or the welcome page, which is for visitors).
 */
@Authenticated
@Path("/login")
public class LoginResource {

    static final String MY_LEARNING = "/home";

    @GET
    public Response login(@QueryParam("return") String returnTo) {
        boolean somewhere = SafeRedirect.isLocalPath(returnTo) && !returnTo.equals("/");
        return Response.seeOther(URI.create(somewhere ? returnTo : MY_LEARNING)).build();
    }
}
