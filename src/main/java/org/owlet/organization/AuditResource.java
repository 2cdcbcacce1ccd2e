package org.owlet.organization;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log of administrative changes, newest first, filterable by company and action. Access: coalition-admin. */
@Path("/admin/audit")
public class AuditResource {

    static final int PAGE = 500;

    public record AuditJson(String at, String actor, String action, String company, String target, String details) {
        static AuditJson of(AuditEntry e) {
            return new AuditJson(e.at.toString(), e.actorLabel, e.action, e.company == null ? null : e.company.slug,
                    e.targetLabel, e.details);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, String company, String action);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("company") String company, @QueryParam("action") String action) {
        return Templates.audit(AuditEntry.latest(company, action, PAGE), company, action);
    }

    @GET
    @Path("/entries.json")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditJson> json(@QueryParam("company") String company, @QueryParam("action") String action) {
        return AuditEntry.latest(company, action, PAGE).stream().map(AuditJson::of).toList();
    }
}
