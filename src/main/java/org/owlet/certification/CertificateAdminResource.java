package org.owlet.certification;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.owlet.organization.Caller;
import org.owlet.web.Roles;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Coalition admins: recent certificates, revocation with a reason, and name corrections past the holder's limit (audited). */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/admin/certificates")
public class CertificateAdminResource {

    public record Row(Certificate certificate, Certificate.Status status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, Certificate justRevoked, String q);

        /** {@code reasonError}: the message key of what is wrong with the reason, or null. */
        static native TemplateInstance confirmRevoke(Row row, String reason, String reasonError);

        static native TemplateInstance correctName(Row row, String name, String reason, List<FieldError> errors);
    }

    @Inject
    CertificationService certificates;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("revoked") Long revokedId) {
        List<Row> rows = certificates.search(q, 200).stream().map(this::row).toList();
        Certificate justRevoked = revokedId == null ? null
                : rows.stream().map(Row::certificate).filter(c -> c.id.equals(revokedId) && c.revokedAt != null).findFirst()
                        .orElseGet(() -> revoked(revokedId));
        return Templates.list(rows, justRevoked, q == null ? "" : q.strip());
    }

    private Certificate revoked(long id) {
        try {
            Certificate c = certificates.byId(id);
            return c.revokedAt == null ? null : c;
        } catch (NotFound unknown) {
            return null;
        }
    }

    private Row row(Certificate c) {
        return new Row(c, c.status(certificates.today()));
    }

    /** Asks before revoking: the certificate, what revoking means, the reason; the button posts to {@link #revoke}. */
    @GET
    @Path("/{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmRevoke(@PathParam("id") long id) {
        return Templates.confirmRevoke(row(certificates.byId(id)), "", null);
    }

    @POST
    @Path("/{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("id") long id, @RestForm String reason) {
        try {
            certificates.revoke(caller.member(), id, reason);
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(Templates.confirmRevoke(row(certificates.byId(id)), reason == null ? "" : reason,
                    invalid.errors().get(0).messageKey())).build();
        }
        return Response.seeOther(URI.create("/admin/certificates?revoked=" + id)).build();
    }

    /** A holder's name past their own three corrections: an admin corrects it, with a reason (audited). */
    @GET
    @Path("/{id}/name")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance nameForm(@PathParam("id") long id) {
        Certificate c = certificates.byId(id);
        return Templates.correctName(row(c), c.holderName == null ? "" : c.holderName, "", List.of());
    }

    @POST
    @Path("/{id}/name")
    @Produces(MediaType.TEXT_HTML)
    public Response correctName(@PathParam("id") long id, @RestForm String name, @RestForm String reason) {
        try {
            certificates.correctNameAsAdmin(caller.member(), id, name, reason);
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(Templates.correctName(row(certificates.byId(id)), name == null ? "" : name,
                    reason == null ? "" : reason, invalid.errors())).build();
        }
        return Response.seeOther(URI.create("/admin/certificates?q=" + certificates.byId(id).code)).build();
    }
}
