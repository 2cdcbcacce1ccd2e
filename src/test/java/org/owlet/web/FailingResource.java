package org.owlet.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only routes that fail in known ways, so the error pages can be checked. */
@Path("/test-failures")
public class FailingResource {

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/coalition-only")
    @RolesAllowed("coalition-admin")
    public String coalitionOnly() {
        return "coalition";
    }
}
