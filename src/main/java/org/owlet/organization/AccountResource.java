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

    /** The word that confirms an erasure in English; each language has its own (org bundle {@code erase_word}), and ERASE always works. */
    public static final String CONFIRM_WORD = "ERASE";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erase(boolean mistyped, String confirmWord);
    }

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @Inject
    org.owlet.web.LocaleResolver locales;

    /** The confirmation word in the page's language. */
    private String word() {
        return io.quarkus.qute.i18n.MessageBundles.get(OrganizationMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locales.language().tag())).erase_word();
    }

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
        return Templates.erase(false, word());
    }

    /** Erases, then signs out (the account is gone from Owlet; a later sign-in starts afresh). */
    @POST
    @Path("/erase")
    @Produces(MediaType.TEXT_HTML)
    public Response erase(@RestForm String confirm) {
        String typed = confirm == null ? "" : confirm.strip();
        String word = word();
        if (!word.equalsIgnoreCase(typed) && !CONFIRM_WORD.equalsIgnoreCase(typed)) {
            return Response.status(400).entity(Templates.erase(true, word)).build();
        }
        members.erase(caller.member());
        // 307 repeats this POST at /logout (the sign-out button's route: a GET there signs nobody out), which ends the
        // session on the server and at the identity provider
        return Response.temporaryRedirect(URI.create("/logout")).build();
    }
}
