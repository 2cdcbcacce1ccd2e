package org.owlet.security;

import org.junit.jupiter.api.Tag;
import org.owlet.testing.KeycloakSession;

import io.quarkus.test.junit.QuarkusTest;

/** The same matrix with real Keycloak tokens, whose {@code organization} claim is an array of aliases. */
@QuarkusTest
@Tag("keycloak")
class KeycloakRouteMatrixTest extends RouteMatrix {

    @Override
    protected String token(String user) {
        return KeycloakSession.accessToken(user);
    }
}
