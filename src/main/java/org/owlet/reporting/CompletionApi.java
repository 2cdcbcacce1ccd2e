package org.owlet.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.reporting.TeamFigures.Summary;
import org.owlet.web.Roles;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.NotFound;

/**
 * A company's completion figures for its own integrations: the headline numbers, per course, per language, and each
 * member's status per course. A company admin of that company or a coalition admin; anyone else gets 404, never data.
 */
@RolesAllowed({ Roles.COMPANY_ADMIN, Roles.COALITION_ADMIN })
@Path("/api/v1/companies/{slug}/completion")
public class CompletionApi {

    @Inject
    Caller caller;

    @Inject
    TeamFigures figures;

    @Inject
    TimeSource time;

    @GET
    @RolesAllowed({ "company-admin", "coalition-admin" })
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> completion(@PathParam("slug") String slug) {
        Company company = Company.findBySlug(slug).orElseThrow(() -> new NotFound("company " + slug));
        Member me = caller.member();
        boolean own = me != null && caller.hasRole("company-admin") && me.company != null && me.company.id.equals(company.id);
        if (!own && !caller.hasRole("coalition-admin")) {
            throw new NotFound("company " + slug);
        }
        Summary s = figures.summary(company, time.today(), 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company.slug);
        body.put("date", s.today().toString());
        body.put("definitions", Map.of("enrolled", "has an enrolment in the course", "inProgress", "enrolled, final not passed",
                "completed", "passed the course's final assessment", "certified", "holds a certificate for the course valid on date",
                "expiring", "certified, expiry within 30/60/90 days", "overdue",
                "an assignment past its due date not satisfied by a valid certificate", "members",
                "current members of the company whose personal data is not erased"));
        body.put("headline", s.headline());
        body.put("courses", s.perCourse());
        body.put("languages", s.perLanguage());
        body.put("members", figures.members(company, s.today(), MemberQuery.everyone()).stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("name", m.name());
            row.put("email", m.email());
            row.put("courses", m.courses().values().stream().map(c -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("course", c.courseId());
                state.put("status", c.status().code());
                state.put("completedOn", c.completedOn() == null ? null : c.completedOn().toString());
                state.put("certifiedUntil", c.certifiedUntil() == null ? null : c.certifiedUntil().toString());
                state.put("dueOn", c.dueOn() == null ? null : c.dueOn().toString());
                state.put("overdue", c.overdue());
                return state;
            }).toList());
            return row;
        }).toList());
        return body;
    }
}
