package org.owlet.security;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;

/** The route matrix with tokens from the built-in OIDC server (Dev Services), on H2 and on PostgreSQL. */
@QuarkusTest
@Tag("db")
class RouteMatrixTest extends RouteMatrix {

    private static final OidcTestClient OIDC = new OidcTestClient();

    @Override
    protected String token(String user) {
        return OIDC.getAccessToken(user, user);
    }
}
