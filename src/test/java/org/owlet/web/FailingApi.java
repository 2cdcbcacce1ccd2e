package org.owlet.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The API twin of {@link FailingResource}: the same failures under /api, where they are problem documents. */
@PermitAll
@Path("/api/v1/test-failures")
@Produces(MediaType.APPLICATION_JSON)
public class FailingApi {

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/domain/{kind}")
    public String domain(@PathParam("kind") String kind) {
        throw FailingResource.domainFailure(kind);
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailingResource.Body json(FailingResource.Body body) {
        return body;
    }

    @GET
    @Path("/count/{n}")
    public String count(@PathParam("n") int n, @QueryParam("page") int page) {
        return n + "/" + page;
    }
}
