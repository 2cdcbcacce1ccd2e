package org.owlet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Owlet's readiness follows the identity provider: down while its discovery document cannot be fetched, up once it can. */
class IdentityProviderCheckTest {

    @Test
    void notReadyWhileKeycloakIsDownAndReadyOnceItAnswers() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        IdentityProviderCheck check = new IdentityProviderCheck();
        check.enabled = true;
        check.authServerUrl = Optional.of("http://127.0.0.1:" + port + "/realms/owlet");

        HealthCheckResponse down = check.call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow().get("problem").toString()).contains("Connect");

        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        keycloak.createContext("/realms/owlet/.well-known/openid-configuration", exchange -> {
            byte[] body = "{\"issuer\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        try {
            check.reuse = java.time.Duration.ZERO;
            assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            keycloak.stop(0);
        }
    }

    @Test
    void withoutAnIdentityProviderUrlThereIsNothingToWaitFor() {
        IdentityProviderCheck check = new IdentityProviderCheck();
        check.enabled = true;
        check.authServerUrl = Optional.empty();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
