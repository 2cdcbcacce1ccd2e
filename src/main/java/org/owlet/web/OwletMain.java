package org.owlet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application. In production it checks, before anything starts, that the
 * settings Owlet cannot run without are present, and says in one line per setting what to set — instead
 * of a framework error about an internal property name.
 */
@QuarkusMain
public class OwletMain {

    static final Map<String, String> REQUIRED_IN_PRODUCTION = Map.of(
            "OWLET_BADGE_KEY", "the private EC P-256 key (JWK, JSON with a kid) that signs Open Badges credentials",
            "OWLET_DB_URL",
            "the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.internal:5432/owlet (with OWLET_DB_USER and OWLET_DB_PASSWORD)",
            "OWLET_OIDC_URL", "the Keycloak realm URL, e.g. https://id.example.org/realms/owlet",
            "OWLET_OIDC_SECRET", "the secret of Owlet's client in that realm");

    public static void main(String... args) {
        // dev mode comes through here too, before its profile is known: only the packaged application
        // (java -jar …/quarkus-run.jar) is checked
        String profile = isPackaged(System.getProperty("java.class.path", "")) ? profile() : "dev";
        List<String> problems = missingSettings(System.getenv(), profile);
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
        Quarkus.run(args);
    }

    static boolean isPackaged(String classPath) {
        return classPath.endsWith("quarkus-run.jar");
    }

    static String profile() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile == null || profile.isBlank() ? "prod" : profile;
    }

    static List<String> missingSettings(Map<String, String> environment, String profile) {
        List<String> problems = new ArrayList<>();
        if (!profile.equals("prod")) {
            return problems;
        }
        REQUIRED_IN_PRODUCTION.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> {
            String value = environment.get(setting.getKey());
            if (value == null || value.isBlank()) {
                problems.add("Owlet cannot start: " + setting.getKey() + " is not set. Set it to " + setting.getValue() + ".");
            }
        });
        return problems;
    }
}
