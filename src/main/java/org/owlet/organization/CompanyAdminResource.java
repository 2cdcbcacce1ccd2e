package org.owlet.organization;

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
import org.owlet.web.Roles;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Coalition admins manage member companies. Access: coalition-admin (see application.properties, "Roles"). */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/admin/companies")
@Produces(MediaType.TEXT_HTML)
public class CompanyAdminResource {

    public record CompanyRow(Company company, long members) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CompanyRow> companies, Company justDeactivated, Company justReactivated);

        static native TemplateInstance confirmDeactivate(CompanyRow row);

        static native TemplateInstance form(Company company, CompanyForm form, List<FieldError> errors, List<Region> regions);
    }

    @Inject
    CompanyService companies;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    @GET
    public TemplateInstance list(@QueryParam("deactivated") String deactivated, @QueryParam("reactivated") String reactivated) {
        List<CompanyRow> rows = companies.all().stream().map(c -> new CompanyRow(c, members.countInCompany(c))).toList();
        return Templates.list(rows, find(rows, deactivated), find(rows, reactivated));
    }

    private static Company find(List<CompanyRow> rows, String slug) {
        return slug == null ? null : rows.stream().map(CompanyRow::company).filter(c -> c.slug.equals(slug)).findFirst().orElse(null);
    }

    /** Asks before deactivating: the company, its members, what it means; the button posts to {@link #deactivate}. */
    @GET
    @Path("/{slug}/deactivate")
    public TemplateInstance confirmDeactivate(@PathParam("slug") String slug) {
        Company company = companies.bySlug(slug);
        return Templates.confirmDeactivate(new CompanyRow(company, members.countInCompany(company)));
    }

    @GET
    @Path("/new")
    public TemplateInstance newCompany() {
        return Templates.form(null, CompanyForm.blank(time.today()), List.of(), List.of(Region.values()));
    }

    @POST
    public Response create(@RestForm String name, @RestForm String slug, @RestForm String region, @RestForm String country,
            @RestForm String orgAlias, @RestForm String domains, @RestForm String joinedOn) {
        CompanyForm form = new CompanyForm(name, slug, region, country, orgAlias, domains, joinedOn);
        try {
            companies.create(form, caller.member());
            return Response.seeOther(URI.create("/admin/companies")).build();
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(Templates.form(null, form, invalid.errors(), List.of(Region.values()))).build();
        }
    }

    @GET
    @Path("/{slug}")
    public TemplateInstance edit(@PathParam("slug") String slug) {
        Company company = companies.bySlug(slug);
        return Templates.form(company, CompanyForm.of(company), List.of(), List.of(Region.values()));
    }

    @POST
    @Path("/{slug}")
    public Response update(@PathParam("slug") String slug, @RestForm String name, @RestForm("slug") String newSlug,
            @RestForm String region, @RestForm String country, @RestForm String orgAlias, @RestForm String domains,
            @RestForm String joinedOn) {
        CompanyForm form = new CompanyForm(name, newSlug, region, country, orgAlias, domains, joinedOn);
        try {
            companies.update(slug, form, caller.member());
            return Response.seeOther(URI.create("/admin/companies")).build();
        } catch (InvalidInput invalid) {
            return Response.status(400)
                    .entity(Templates.form(companies.bySlug(slug), form, invalid.errors(), List.of(Region.values()))).build();
        }
    }

    @POST
    @Path("/{slug}/deactivate")
    public Response deactivate(@PathParam("slug") String slug) {
        Company company = companies.setActive(slug, false, caller.member());
        return Response.seeOther(URI.create("/admin/companies?deactivated=" + company.slug)).build();
    }

    @POST
    @Path("/{slug}/reactivate")
    public Response reactivate(@PathParam("slug") String slug) {
        Company company = companies.setActive(slug, true, caller.member());
        return Response.seeOther(URI.create("/admin/companies?reactivated=" + company.slug)).build();
    }
}
