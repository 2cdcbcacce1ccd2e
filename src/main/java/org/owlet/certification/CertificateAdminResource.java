package org.owlet.certification;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.owlet.organization.Caller;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Coalition admins: recent certificates and revocation with a reason (audited). */
@Path("/admin/certificates")
public class CertificateAdminResource {

    public record Row(Certificate certificate, Certificate.Status status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, Long failedId);
    }

    @Inject
    CertificationService certificates;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return page(null);
    }

    private TemplateInstance page(Long failedId) {
        List<Row> rows = certificates.recent(200).stream().map(c -> new Row(c, c.status(certificates.today()))).toList();
        return Templates.list(rows, failedId);
    }

    @POST
    @Path("/{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("id") long id, @RestForm String reason) {
        try {
            certificates.revoke(caller.member(), id, reason);
        } catch (InvalidInput missingReason) {
            return Response.status(400).entity(page(id)).build();
        }
        return Response.seeOther(URI.create("/admin/certificates")).build();
    }
}
