package org.owlet.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The name to greet a signed-in person with: the token's {@code name}, else the user name. */
@ApplicationScoped
public class DisplayNames {

    public String of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("name");
            if (name != null && !name.isBlank()) {
                return name;
            }
            String username = token.getClaim("preferred_username");
            if (username != null && !username.isBlank()) {
                return username;
            }
        }
        return identity.getPrincipal().getName();
    }
}
