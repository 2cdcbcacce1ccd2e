package org.owlet.organization;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.web.Roles;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;

/** Member companies as JSON, for coalition admins' tools. Access: coalition-admin. */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Transactional
public class CompanyApi {

    public record CompanyJson(String slug, String name, String region, String country, String organization,
            List<String> domains, String joinedOn, boolean active, long members) {
    }

    @Inject
    CompanyService companies;

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    public List<CompanyJson> list() {
        return companies.all().stream().map(this::json).toList();
    }

    @GET
    @Path("/{slug}")
    public CompanyJson get(@PathParam("slug") String slug) {
        return json(companies.bySlug(slug));
    }

    @POST
    public Response create(CompanyJson body) {
        Company company = companies.create(form(body), caller.member());
        return Response.created(URI.create("/api/v1/companies/" + company.slug)).entity(json(company)).build();
    }

    @PUT
    @Path("/{slug}")
    public CompanyJson update(@PathParam("slug") String slug, CompanyJson body) {
        return json(companies.update(slug, form(body), caller.member()));
    }

    @POST
    @Path("/{slug}/deactivate")
    public CompanyJson deactivate(@PathParam("slug") String slug) {
        return json(companies.setActive(slug, false, caller.member()));
    }

    @POST
    @Path("/{slug}/reactivate")
    public CompanyJson reactivate(@PathParam("slug") String slug) {
        return json(companies.setActive(slug, true, caller.member()));
    }

    private static CompanyForm form(CompanyJson body) {
        if (body == null) {
            throw new InvalidInput("org", FieldError.of("body", "company_error_body"));
        }
        return new CompanyForm(body.name(), body.slug(), body.region(), body.country(), body.organization(),
                body.domains() == null ? "" : String.join(" ", body.domains()), body.joinedOn());
    }

    private CompanyJson json(Company c) {
        return new CompanyJson(c.slug, c.name, c.region.name(), c.country, c.orgAlias, c.domainNames(),
                c.joinedOn.toString(), c.active, members.countInCompany(c));
    }
}
