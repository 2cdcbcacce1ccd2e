package org.owlet.organization;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.owlet.web.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The audit log of administrative changes, newest first, filterable by company and action, 100 entries a page with a
 * link to older ones (keyset paging on the entry id). Access: coalition-admin.
 */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/admin/audit")
public class AuditResource {

    /** Entries per page unless {@code limit} asks for fewer (or more, up to {@link #MAX_PAGE}). */
    static final int PAGE = 100;
    static final int MAX_PAGE = 500;

    public record AuditJson(long id, String at, String actor, String action, String company, String target, String details) {
        static AuditJson of(AuditEntry e) {
            return new AuditJson(e.id, e.at.toString(), e.actorLabel, e.action, e.company == null ? null : e.company.slug,
                    e.targetLabel, e.details);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, String company, String action, String older);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("company") String company, @QueryParam("action") String action,
            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        int size = size(limit);
        List<AuditEntry> entries = AuditEntry.page(company, action, before, size + 1);
        String older = null;
        if (entries.size() > size) {
            entries = entries.subList(0, size);
            older = "/admin/audit?" + param("company", company) + param("action", action)
                    + (limit == null ? "" : "limit=" + size + "&") + "before=" + entries.get(size - 1).id;
        }
        return Templates.audit(entries, company, action, older);
    }

    private static int size(Integer limit) {
        return limit == null ? PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
    }

    private static String param(String name, String value) {
        return value == null || value.isBlank() ? ""
                : name + "=" + java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8) + "&";
    }

    @GET
    @Path("/entries.json")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditJson> json(@QueryParam("company") String company, @QueryParam("action") String action,
            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return AuditEntry.page(company, action, before, size(limit)).stream().map(AuditJson::of).toList();
    }
}
