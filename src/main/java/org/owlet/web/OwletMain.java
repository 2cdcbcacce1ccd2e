package org.owlet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Entry point of the packaged application. In production it checks, before anything starts, that the
 * settings Owlet cannot run without are present, and says in one line per setting what to set — instead
 * of a framework error about an internal property name. The settings are read the way Quarkus reads them:
 * environment variables, system properties, a {@code .env} file and a mounted {@code config/application.properties};
 * either the {@code OWLET_*} variable or the Quarkus property it feeds (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL})
 * will do.
 */
@QuarkusMain
public class OwletMain {

    /** Required in every profile but dev and test: they have no safe default outside development. */
    static final Map<String, String> REQUIRED_OUTSIDE_DEVELOPMENT = Map.of(
            "OWLET_BADGE_KEY", "the private EC P-256 key (JWK, JSON with a kid) that signs Open Badges credentials",
            "OWLET_PUBLIC_URL",
            "the address people reach Owlet at, e.g. https://training.example.org (printed in every certificate's QR code and badge)");

    /** Required in the prod profile, whose datasource and identity provider come from them. */
    static final Map<String, String> REQUIRED_IN_PRODUCTION = Map.of(
            "OWLET_DB_URL",
            "the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.internal:5432/owlet (with OWLET_DB_USER and OWLET_DB_PASSWORD)",
            "OWLET_OIDC_URL", "the Keycloak realm URL, e.g. https://id.example.org/realms/owlet",
            "OWLET_OIDC_SECRET", "the secret of Owlet's client in that realm");

    /** The property each variable feeds in application.properties ({@code %prod.<property>=${VARIABLE}}). */
    static final Map<String, String> PROPERTY_OF = Map.of(
            "OWLET_BADGE_KEY", "owlet.certification.badge-key",
            "OWLET_PUBLIC_URL", "owlet.public-url",
            "OWLET_DB_URL", "quarkus.datasource.jdbc.url",
            "OWLET_OIDC_URL", "quarkus.oidc.auth-server-url",
            "OWLET_OIDC_SECRET", "quarkus.oidc.credentials.secret");

    /** Quarkus gives a mounted {@code config/application.properties} this ordinal: above the one in the jar. */
    static final int MOUNTED_FILE_ORDINAL = 260;

    public static void main(String... args) {
        // dev mode comes through here too, before its profile is known: only the packaged application
        // (java -jar …/quarkus-run.jar) is checked
        if (isPackaged(System.getProperty("java.class.path", ""))) {
            String profile = startupConfig(null).getOptionalValue("quarkus.profile", String.class).filter(p -> !p.isBlank())
                    .orElse("prod");
            List<String> problems = missingSettings(startupConfig(profile), profile);
            if (!problems.isEmpty()) {
                problems.forEach(System.err::println);
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    static boolean isPackaged(String classPath) {
        return classPath.endsWith("quarkus-run.jar");
    }

    /** The configuration sources an operator sets Owlet up with, as Quarkus orders them, for {@code profile}. */
    static Config startupConfig(String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().withSources(new DotEnvConfigSourceProvider());
        if (profile != null) {
            builder.withProfiles(List.of(profile.split(",")));
        }
        Path mounted = Path.of("config", "application.properties");
        if (Files.isRegularFile(mounted)) {
            try {
                builder.withSources(new PropertiesConfigSource(mounted.toUri().toURL(), MOUNTED_FILE_ORDINAL));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build();
    }

    static List<String> missingSettings(Config config, String profile) {
        List<String> problems = new ArrayList<>();
        if (isDevelopment(profile)) {
            return problems;
        }
        Map<String, String> required = new java.util.TreeMap<>(REQUIRED_OUTSIDE_DEVELOPMENT);
        if (List.of(profile.split(",")).contains("prod")) {
            required.putAll(REQUIRED_IN_PRODUCTION);
        }
        required.forEach((variable, meaning) -> {
            if (value(config, variable).isEmpty()) {
                problems.add("Owlet cannot start: " + variable + " is not set. Set it to " + meaning + ".");
            }
        });
        value(config, "OWLET_PUBLIC_URL").flatMap(OwletMain::publicUrlProblem).ifPresent(problems::add);
        problems.addAll(invitationSettingProblems(config));
        return problems;
    }

    /** dev and test (and the test suites' profiles, which always include test) have development defaults. */
    static boolean isDevelopment(String profile) {
        List<String> profiles = List.of(profile.split(","));
        return profiles.contains("dev") || profiles.contains("test");
    }

    private static Optional<String> value(Config config, String variable) {
        return present(config, variable).or(() -> present(config, PROPERTY_OF.get(variable)));
    }

    /**
     * The public address must be absolute and https; plain http only on a loopback host (a rehearsal on one machine).
     * It is printed into certificates, so a wrong one is wrong for ever.
     */
    static Optional<String> publicUrlProblem(String value) {
        String why = null;
        try {
            URI uri = new URI(value.strip());
            String host = uri.getHost();
            if (!uri.isAbsolute() || host == null) {
                why = "is not an absolute URL";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                why = "has a query or fragment";
            } else if ("http".equalsIgnoreCase(uri.getScheme())) {
                if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
                    why = "is http on a host that is not this machine (only https is allowed there)";
                }
            } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
                why = "is neither https nor http";
            }
        } catch (URISyntaxException e) {
            why = "is not a URL";
        }
        return Optional.ofNullable(why).map(reason -> "Owlet cannot start: OWLET_PUBLIC_URL (" + value + ") " + reason
                + ". Set it to the https address people reach Owlet at, e.g. https://training.example.org.");
    }

    /**
     * Invitation emails need Owlet's Keycloak administration settings together: a realm URL and the service account's
     * secret (the client id has a default). Neither is required; one without the other is a mistake said at start.
     */
    static List<String> invitationSettingProblems(Config config) {
        Optional<String> url = present(config, "OWLET_KEYCLOAK_ADMIN_URL").or(() -> present(config, "owlet.keycloak.admin.url"));
        Optional<String> secret = present(config, "OWLET_KEYCLOAK_ADMIN_SECRET").or(() -> present(config, "owlet.keycloak.admin.secret"));
        List<String> problems = new ArrayList<>();
        if (url.isPresent() && !url.get().strip().matches("https?://.+/realms/[^/]+/?")) {
            problems.add("Owlet cannot start: OWLET_KEYCLOAK_ADMIN_URL is not a Keycloak realm URL. Set it like"
                    + " https://id.example.org/realms/owlet (the realm of the invitations service account).");
        }
        if (url.isPresent() && secret.isEmpty()) {
            problems.add("Owlet cannot start: OWLET_KEYCLOAK_ADMIN_URL is set but OWLET_KEYCLOAK_ADMIN_SECRET is not. Set it to the"
                    + " secret of the service-account client that sends invitations (OWLET_KEYCLOAK_ADMIN_CLIENT_ID, default"
                    + " owlet-invitations), or unset OWLET_KEYCLOAK_ADMIN_URL to record invitations without emailing them.");
        }
        if (url.isEmpty() && secret.isPresent()) {
            problems.add("Owlet cannot start: OWLET_KEYCLOAK_ADMIN_SECRET is set but OWLET_KEYCLOAK_ADMIN_URL is not. Set it to the"
                    + " Keycloak realm URL, e.g. https://id.example.org/realms/owlet, or unset the secret.");
        }
        return problems;
    }

    private static Optional<String> present(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
