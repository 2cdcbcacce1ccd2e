package org.owlet.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Readiness of the identity provider. Owlet starts whether or not Keycloak answers (exiting would crash-loop
 * under an orchestrator); while Keycloak's discovery document cannot be fetched, {@code /q/health/ready} reports
 * this check down, so no traffic is sent to a replica that cannot sign anybody in. quarkus-oidc initialises its
 * tenant on the first request after Keycloak is back. The state is logged once per change, in one line that names
 * the address and the variable to check.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class);

    /** A probe answer is reused this long, so a busy health endpoint does not hammer Keycloak. */
    Duration reuse = Duration.ofSeconds(5);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "owlet.oidc.readiness-check", defaultValue = "true")
    boolean enabled;

    private final AtomicReference<Probe> last = new AtomicReference<>();

    private record Probe(Instant at, Optional<String> problem) {
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && active()) {
            probeNow();
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity provider");
        if (!active()) {
            return response.up().withData("checked", false).build();
        }
        Probe probe = last.get();
        if (probe == null || probe.at().plus(reuse).isBefore(Instant.now())) {
            probe = probeNow();
        }
        response.withData("url", discoveryUrl());
        return probe.problem().map(problem -> response.down().withData("problem", problem)).orElseGet(response::up).build();
    }

    private boolean active() {
        return enabled && authServerUrl.filter(url -> !url.isBlank()).isPresent();
    }

    private String discoveryUrl() {
        return authServerUrl.orElseThrow().replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }

    private Probe probeNow() {
        Probe probe = new Probe(Instant.now(), probe(discoveryUrl()));
        Probe before = last.getAndSet(probe);
        boolean wasUp = before == null || before.problem().isEmpty();
        if (probe.problem().isPresent() && wasUp) {
            LOG.errorf("The identity provider at %s is unreachable (%s): Owlet reports not ready until it answers."
                    + " Check OWLET_OIDC_URL (the Keycloak realm URL, e.g. https://id.example.org/realms/owlet) and that Keycloak is running.",
                    authServerUrl.get(), probe.problem().get());
        } else if (probe.problem().isEmpty() && before != null && before.problem().isPresent()) {
            LOG.infof("The identity provider at %s answers again: Owlet is ready.", authServerUrl.get());
        }
        return probe;
    }

    static Optional<String> probe(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.empty() : Optional.of("HTTP " + response.statusCode() + " from " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
