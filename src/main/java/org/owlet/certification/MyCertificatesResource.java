package org.owlet.certification;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import org.owlet.learning.AssessmentService;
import org.owlet.learning.Attempt;
import org.owlet.organization.Caller;
import org.owlet.organization.Member;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A learner's certificates: what expires when, downloads (PDF, Open Badges), and the name correction form. */
@Authenticated
@Path("/me/certificates")
public class MyCertificatesResource {

    /** One row of the list. */
    public record Row(Certificate certificate, Certificate.Status status, boolean renewable, boolean renewed, String verifyUrl,
            List<CertificateEdition> earlierEditions) {
    }

    /** Why the name form was refused: the name itself (empty or too long, or not storable as typed), or the corrections limit. */
    public enum NameError {
        INVALID, UNREADABLE, LIMIT;

        public boolean isLimit() {
            return this == LIMIT;
        }

        public boolean isUnreadable() {
            return this == UNREADABLE;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<Row> rows, String name, NameError nameError, boolean nameSaved, int maxCorrections);
    }

    @Inject
    CertificationService certificates;

    @Inject
    Caller caller;

    @Inject
    AssessmentService learning;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("saved") boolean saved) {
        return page(null, null, saved);
    }

    private TemplateInstance page(String typed, NameError error, boolean saved) {
        Member me = caller.member();
        List<Certificate> mine = certificates.of(me);
        Map<Long, List<CertificateEdition>> editions = certificates.earlierEditions(mine);
        List<Row> rows = mine.stream().map(c -> new Row(c, c.status(certificates.today()), c.isRenewable(certificates.today()),
                c.isRenewed(), certificates.verifyUrl(c), editions.getOrDefault(c.id, List.of()))).toList();
        String name = typed != null ? typed
                : rows.stream().map(r -> r.certificate().holderName).filter(n -> n != null).findFirst().orElse(me.label());
        return Templates.mine(rows, name, error, saved, Certificate.MAX_NAME_CORRECTIONS);
    }

    @POST
    @Path("/name")
    @Produces(MediaType.TEXT_HTML)
    public Response correctName(@RestForm String name) {
        try {
            certificates.correctName(caller.member(), name);
        } catch (InvalidInput invalid) {
            boolean limit = invalid.errors().stream().anyMatch(e -> e.messageKey().equals("mine_name_limit"));
            boolean unreadable = invalid.errors().stream().anyMatch(e -> e.messageKey().equals("text_unreadable"));
            NameError error = limit ? NameError.LIMIT : unreadable ? NameError.UNREADABLE : NameError.INVALID;
            return Response.status(400).entity(page(name, error, false)).build();
        }
        return Response.seeOther(URI.create("/me/certificates?saved=true")).build();
    }

    /** Opens the refresher assessment for a certificate in its renewal window; a pass issues the renewed certificate. */
    @POST
    @Path("/{id}/refresher")
    public Response refresher(@PathParam("id") long id) {
        Member me = caller.member();
        Certificate certificate = certificates.own(me, id);
        if (!certificate.isRenewable(certificates.today())) {
            throw new NotAllowed(CertificationRefusal.NOT_RENEWABLE);
        }
        Attempt attempt = learning.startRefresher(me, certificate.courseId);
        return Response.seeOther(URI.create("/learn/attempts/" + attempt.id)).build();
    }

    @GET
    @Path("/{id}/certificate.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        Certificate c = certificates.own(caller, id); // no connection held while the PDF is drawn
        return Response.ok(certificates.pdf(c), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"owlet-certificate-" + c.courseId + "-" + c.id + ".pdf\"")
                .build();
    }

    /** An earlier edition of the certificate (before a name correction), drawn as it was issued. */
    @GET
    @Path("/{id}/editions/{edition}/certificate.pdf")
    @Produces("application/pdf")
    public Response editionPdf(@PathParam("id") long id, @PathParam("edition") int edition) {
        Certificate c = certificates.own(caller, id);
        return Response.ok(certificates.pdf(c, edition), "application/pdf").header("Content-Disposition",
                "attachment; filename=\"owlet-certificate-" + c.courseId + "-" + c.id + "-edition-" + edition + ".pdf\"").build();
    }

    /**
     * The Open Badges 3.0 credential, signed (VC-JWT), to add to a wallet or backpack; not for a revoked certificate
     * (its status list says revoked, but a wallet should not be offered it in the first place).
     */
    @GET
    @Path("/{id}/badge.jwt")
    @Produces(CertificateApi.VC_JWT)
    public Response badge(@PathParam("id") long id) {
        Certificate c = notRevoked(certificates.own(caller.member(), id));
        return Response.ok(certificates.signedCredential(c), CertificateApi.VC_JWT)
                .header("Content-Disposition", "attachment; filename=\"owlet-badge-" + c.courseId + "-" + c.id + ".jwt\"").build();
    }

    /** The same credential as readable JSON (unsigned). */
    @GET
    @Path("/{id}/badge.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> badgeJson(@PathParam("id") long id) {
        return certificates.credential(notRevoked(certificates.own(caller.member(), id)));
    }

    private static Certificate notRevoked(Certificate c) {
        if (c.revokedAt != null) {
            throw new NotAllowed(CertificationRefusal.REVOKED);
        }
        return c;
    }
}
