package org.owlet.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * In production, checks at start that the identity provider answers; if it does not, Owlet stops with one
 * line that says which address failed and what to set, rather than failing every sign-in later.
 */
@Singleton
public class IdentityProviderCheck {

    private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "owlet.oidc.check-at-start", defaultValue = "true")
    boolean checkAtStart;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !checkAtStart || authServerUrl.isEmpty()) {
            return;
        }
        String discovery = authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Optional<String> problem = probe(discovery);
        if (problem.isPresent()) {
            LOG.errorf(
                    "Owlet cannot start: the identity provider at %s is unreachable (%s). Check OWLET_OIDC_URL (the Keycloak realm URL, e.g. https://id.example.org/realms/owlet) and that Keycloak is running.",
                    authServerUrl.get(), problem.get());
            Quarkus.asyncExit(1);
        }
    }

    static Optional<String> probe(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.empty() : Optional.of("HTTP " + response.statusCode() + " from " + url);
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
