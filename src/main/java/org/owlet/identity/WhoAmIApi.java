package org.owlet.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** The same facts as the "who am I" page, as JSON for bearer-token clients. */
@Path("/api/v1/me")
@Authenticated
public class WhoAmIApi {

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("subject", user.subject());
        me.put("name", user.name());
        me.put("email", user.email());
        me.put("roles", user.roles());
        me.put("organization", CurrentUser.asList(user.organizationClaim()));
        me.put("emailVerified", user.emailVerifiedClaim() == null ? null : user.emailVerifiedClaim().toString());
        me.put("memberSince", user.memberRef() == null ? null : user.memberRef().firstSeenAt().toString());
        return me;
    }
}
