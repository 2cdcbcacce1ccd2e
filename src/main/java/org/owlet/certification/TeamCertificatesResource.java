package org.owlet.certification;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.organization.MemberService;
import org.owlet.web.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A company admin's list of their own company's certificates: by default those due for renewal (or already expired),
 * or all of them, filtered by state ({@code ?show=all|valid|expiring|expired|revoked}).
 */
@RolesAllowed(Roles.COMPANY_ADMIN)
@Path("/team/certificates")
public class TeamCertificatesResource {

    public record Due(Certificate certificate, Certificate.Status status) {
    }

    /** What the list shows; {@link #DUE} when nothing (or something unknown) is asked for. */
    public enum Show {
        DUE(null), ALL((c, today) -> true), VALID((c, today) -> c.status(today) == Certificate.Status.VALID), EXPIRING(
                (c, today) -> c.status(today) == Certificate.Status.VALID && !today.isBefore(c.renewalOpensOn)), EXPIRED(
                        (c, today) -> c.status(today) == Certificate.Status.EXPIRED), REVOKED(
                                (c, today) -> c.status(today) == Certificate.Status.REVOKED);

        private final BiPredicate<Certificate, LocalDate> keeps;

        Show(BiPredicate<Certificate, LocalDate> keeps) {
            this.keeps = keeps;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String messageKey() {
            return "team_filter_" + code();
        }

        static Show of(String code) {
            return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(DUE);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance due(Company company, List<Due> due, Show show, List<Show> shows);
    }

    @Inject
    CertificationService certificates;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance due(@QueryParam("show") String showCode) {
        Company company = members.companyOf(caller.member());
        Show show = Show.of(showCode);
        LocalDate today = certificates.today();
        List<Certificate> chosen = show == Show.DUE ? certificates.dueForRenewal(company)
                : certificates.ofCompany(company).stream().filter(c -> show.keeps.test(c, today)).toList();
        List<Due> due = chosen.stream().map(c -> new Due(c, c.status(today))).toList();
        return Templates.due(company, due, show, List.of(Show.values()));
    }
}
