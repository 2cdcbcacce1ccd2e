package org.owlet.organization;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A member's own data: download everything Owlet holds (JSON) and erase it. */
@Path("/me")
@Authenticated
public class AccountResource {

    public static final String CONFIRM_WORD = "ERASE";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erase(boolean mistyped, String confirmWord);
    }

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    @Path("/data.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response download() {
        Map<String, Object> data = members.export(caller.member());
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"owlet-my-data.json\"").build();
    }

    @GET
    @Path("/erase")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm() {
        return Templates.erase(false, CONFIRM_WORD);
    }

    /** Erases, then signs out (the account is gone from Owlet; a later sign-in starts afresh). */
    @POST
    @Path("/erase")
    @Produces(MediaType.TEXT_HTML)
    public Response erase(@RestForm String confirm) {
        if (confirm == null || !CONFIRM_WORD.equalsIgnoreCase(confirm.trim())) {
            return Response.status(400).entity(Templates.erase(true, CONFIRM_WORD)).build();
        }
        members.erase(caller.member());
        return Response.seeOther(URI.create("/logout")).build();
    }
}
