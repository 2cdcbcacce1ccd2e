package org.owlet.organization;

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

import org.owlet.web.Roles;

/** The company admin's own team as JSON. Access: company-admin. */
@RolesAllowed(Roles.COMPANY_ADMIN)
@Path("/api/v1/team/members")
@Produces(MediaType.APPLICATION_JSON)
public class TeamApi {

    public record MemberJson(long id, String name, String email, String memberSince, String companySince) {
        static MemberJson of(Member m) {
            return new MemberJson(m.id, m.displayName, m.email, m.firstSeenAt.toString(),
                    m.companySince == null ? null : m.companySince.toString());
        }
    }

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    public List<MemberJson> list(@QueryParam("q") String q) {
        return members.team(caller.member(), q).stream().map(MemberJson::of).toList();
    }

    @POST
    @Path("/{id}/remove")
    public MemberJson remove(@PathParam("id") long id) {
        return MemberJson.of(members.remove(caller.member(), id));
    }

    @POST
    @Path("/{id}/readd")
    public MemberJson readd(@PathParam("id") long id) {
        return MemberJson.of(members.readd(caller.member(), id));
    }
}
