package org.owlet.organization.invitation;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Owlet's access to Keycloak's Admin REST API, for invitations: the realm URL (as for sign-in, e.g.
 * {@code https://id.example.org/realms/owlet}) and a service-account client. Unset URL: invitations are recorded and
 * no email is sent. Environment: {@code OWLET_KEYCLOAK_ADMIN_URL}, {@code OWLET_KEYCLOAK_ADMIN_CLIENT_ID},
 * {@code OWLET_KEYCLOAK_ADMIN_SECRET}.
 */
@ConfigMapping(prefix = "owlet.keycloak.admin")
public interface KeycloakAdminConfig {

    /** The realm URL, {@code <server>/realms/<realm>}. */
    Optional<String> url();

    @WithDefault("owlet-invitations")
    String clientId();

    Optional<String> secret();
}
