package org.owlet.organization;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A company admin's team: their own company's members only (the company comes from the admin's own
 * membership, never from the request). Access: company-admin.
 */
@Path("/team")
public class TeamResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(Company company, Member admin, List<Member> members, List<Member> removed, String q);
    }

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q) {
        Member admin = caller.member();
        return Templates.members(members.companyOf(admin), admin, members.team(admin, q), members.removed(admin), q == null ? "" : q);
    }

    @GET
    @Path("/members.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q) {
        Member admin = caller.member();
        Company company = members.companyOf(admin);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("name", "email", "member_since", "company_since", "last_seen").get())) {
            for (Member m : members.team(admin, q)) {
                csv.printRecord(m.displayName, m.email, m.firstSeenAt, m.companySince, m.lastSeenAt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString())
                .header("Content-Disposition", "attachment; filename=\"" + company.slug + "-members.csv\"").build();
    }

    @POST
    @Path("/members/{id}/remove")
    public Response remove(@PathParam("id") long id) {
        members.remove(caller.member(), id);
        return Response.seeOther(URI.create("/team")).build();
    }

    @POST
    @Path("/members/{id}/readd")
    public Response readd(@PathParam("id") long id) {
        members.readd(caller.member(), id);
        return Response.seeOther(URI.create("/team")).build();
    }
}
