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

import org.owlet.web.Csv;
import org.owlet.web.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A company admin's member management: their own company's members only (the company comes from the admin's own
 * membership, never from the request). The team dashboard at {@code /team} comes from reporting. Access: company-admin.
 */
@RolesAllowed(Roles.COMPANY_ADMIN)
@Path("/team")
public class TeamResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(Company company, Member admin, List<Member> members, List<Member> removed, String q,
                Member justRemoved, Member justReadded);

        static native TemplateInstance confirmRemove(Company company, Member member);
    }

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Path("/members")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("removed") Long removedId,
            @QueryParam("readded") Long readdedId) {
        Member admin = caller.member();
        List<Member> team = members.team(admin, q);
        List<Member> removed = members.removed(admin);
        // the success message after removing or re-adding names someone of this company only
        return Templates.members(members.companyOf(admin), admin, team, removed, q == null ? "" : q, find(removed, removedId),
                find(team, readdedId));
    }

    private static Member find(List<Member> list, Long id) {
        return id == null ? null : list.stream().filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }

    /** Asks before removing: who, from which company, what it means; the button posts to {@link #remove}. */
    @GET
    @Path("/members/{id}/remove")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmRemove(@PathParam("id") long id) {
        Member admin = caller.member();
        return Templates.confirmRemove(members.companyOf(admin), members.removable(admin, id));
    }

    @GET
    @Path("/members.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q) {
        Member admin = caller.member();
        Company company = members.companyOf(admin);
        List<Member> team = members.team(admin, q);
        return Csv.download(company.slug + "-members.csv", List.of("name", "email", "member_since", "company_since", "last_seen"),
                out -> {
                    for (Member m : team) {
                        out.row(m.displayName, m.email, m.firstSeenAt, m.companySince, m.lastSeenAt);
                    }
                });
    }

    @POST
    @Path("/members/{id}/remove")
    public Response remove(@PathParam("id") long id) {
        members.remove(caller.member(), id);
        return Response.seeOther(URI.create("/team/members?removed=" + id)).build();
    }

    @POST
    @Path("/members/{id}/readd")
    public Response readd(@PathParam("id") long id) {
        members.readd(caller.member(), id);
        return Response.seeOther(URI.create("/team/members?readded=" + id)).build();
    }
}
