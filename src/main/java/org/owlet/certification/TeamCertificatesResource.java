package org.owlet.certification;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.organization.MemberService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A company admin's list of their own company's certificates due for renewal (or already expired). */
@Path("/team/certificates")
public class TeamCertificatesResource {

    public record Due(Certificate certificate, Certificate.Status status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance due(Company company, List<Due> due);
    }

    @Inject
    CertificationService certificates;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance due() {
        Company company = members.companyOf(caller.member());
        List<Due> due = certificates.dueForRenewal(company).stream()
                .map(c -> new Due(c, c.status(certificates.today()))).toList();
        return Templates.due(company, due);
    }
}
