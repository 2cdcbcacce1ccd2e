package org.owlet.identity;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.owlet.organization.Member;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** "Who am I": proves the sign-in — name, roles, the raw organization and email claims, and the member record. */
@Path("/me")
@Authenticated
public class WhoAmIResource {

    public record WhoAmI(String subject, String name, String email, Set<String> roles,
            String organizationClaim, List<String> organizations, String emailVerifiedClaim, Member member) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(WhoAmI me);
    }

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.me(whoAmI());
    }

    WhoAmI whoAmI() {
        Object organization = user.organizationClaim();
        Object verified = user.emailVerifiedClaim();
        return new WhoAmI(user.subject(), user.name(), user.email(), user.roles(),
                organization == null ? null : organization.toString(),
                CurrentUser.asList(organization),
                verified == null ? null : verified.toString(),
                user.member());
    }
}
