package org.owlet.web;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hibernate.exception.JDBCConnectionException;
import org.owlet.certification.CertificationRefusal;
import org.owlet.organization.OrganizationRefusal;
import org.owlet.web.errors.Conflict;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

/** Test-only routes that fail in known ways, so the error pages can be checked. The API twin is {@link FailingApi}. */
@PermitAll
@Path("/test-failures")
public class FailingResource {

    /** What the JSON routes read. */
    public record Body(String name, int count) {
    }

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

    @GET
    @Path("/domain/{kind}")
    public String domain(@PathParam("kind") String kind) {
        throw domainFailure(kind);
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public String json(Body body) {
        return body.name() + " " + body.count();
    }

    @GET
    @Path("/count/{n}")
    public String count(@PathParam("n") int n, @QueryParam("page") int page) {
        return n + "/" + page;
    }

    /** One exception of each kind of the domain family, with real reasons and real message keys. */
    static RuntimeException domainFailure(String kind) {
        return switch (kind) {
            case "not-found" -> new NotFound("test thing");
            case "may-not" -> new NotAllowed(OrganizationRefusal.NO_COMPANY);
            case "not-now" -> new NotAllowed(CertificationRefusal.NOT_RENEWABLE);
            case "several" -> OrganizationRefusal.severalOrganizations(List.of("acme", "globex"));
            case "conflict" -> new Conflict("changed under the test");
            case "invalid" -> new InvalidInput("org", List.of(FieldError.of("name", "company_error_name_required"),
                    new FieldError("country", "company_error_country", "XX")));
            // what Hibernate and the pool report when PostgreSQL is stopped, or shutting down under a running query
            case "database-down" -> new JDBCConnectionException("Unable to acquire JDBC Connection",
                    new SQLException("Connection to 127.0.0.1:5432 refused: secret internal detail", "08001"));
            case "database-shutdown" -> new PersistenceException("could not execute statement",
                    new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            default -> new IllegalStateException("secret internal detail");
        };
    }
}
