package org.owlet.web;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.owlet.web.errors.NotFound;

/** The language switch: remembers the choice in a cookie and goes back to the page the person was on. */
@PermitAll
@Path("/lang")
public class LanguageResource {

    @GET
    @Path("/{tag}")
    public Response choose(@PathParam("tag") String tag, @QueryParam("return") String returnTo) {
        Languages.Language language = Languages.ALL.stream()
                .filter(l -> l.tag().equalsIgnoreCase(tag))
                .findFirst()
                .orElseThrow(NotFound::new);
        NewCookie cookie = new NewCookie.Builder(LocaleResolver.COOKIE)
                .value(language.tag())
                .path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds())
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create(SafeRedirect.orHome(returnTo))).cookie(cookie).build();
    }
}
