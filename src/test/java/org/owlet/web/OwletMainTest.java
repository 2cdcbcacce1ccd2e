package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class OwletMainTest {

    private static final Map<String, String> PRODUCTION = Map.of("OWLET_DB_URL", "jdbc:postgresql://db/owlet", "OWLET_OIDC_URL", "u",
            "OWLET_OIDC_SECRET", "s", "OWLET_BADGE_KEY", "k", "OWLET_PUBLIC_URL", "https://training.example.org");

    @Test
    void productionNamesEachMissingSetting() {
        assertThat(OwletMain.missingSettings(config(Map.of("OWLET_OIDC_URL", "https://id.example.org/realms/owlet")), "prod"))
                .containsExactly(
                        "Owlet cannot start: OWLET_BADGE_KEY is not set. Set it to the private EC P-256 key (JWK, JSON with a kid) that signs Open Badges credentials.",
                        "Owlet cannot start: OWLET_DB_URL is not set. Set it to the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.internal:5432/owlet (with OWLET_DB_USER and OWLET_DB_PASSWORD).",
                        "Owlet cannot start: OWLET_OIDC_SECRET is not set. Set it to the secret of Owlet's client in that realm.",
                        "Owlet cannot start: OWLET_PUBLIC_URL is not set. Set it to the address people reach Owlet at, e.g. https://training.example.org (printed in every certificate's QR code and badge).");
    }

    @Test
    void everyProfileButDevelopmentNeedsItsOwnBadgeKeyAndPublicAddress() {
        // a staging profile must not sign with the development key or print localhost into certificates
        assertThat(OwletMain.missingSettings(config(Map.of()), "staging")).hasSize(2)
                .anyMatch(line -> line.startsWith("Owlet cannot start: OWLET_BADGE_KEY is not set."))
                .anyMatch(line -> line.startsWith("Owlet cannot start: OWLET_PUBLIC_URL is not set."));
        assertThat(OwletMain.missingSettings(config(Map.of("OWLET_BADGE_KEY", "k", "OWLET_PUBLIC_URL", "https://staging.example.org")),
                "staging")).isEmpty();
        assertThat(OwletMain.missingSettings(config(Map.of()), "test,kc")).isEmpty();
        assertThat(OwletMain.missingSettings(config(Map.of()), "dev")).isEmpty();
    }

    @Test
    void thePublicAddressIsAnAbsoluteHttpsUrlOrHttpOnThisMachine() {
        assertThat(OwletMain.publicUrlProblem("https://training.example.org")).isEmpty();
        assertThat(OwletMain.publicUrlProblem("https://example.org/owlet/")).isEmpty();
        assertThat(OwletMain.publicUrlProblem("http://localhost:8080")).isEmpty();
        assertThat(OwletMain.publicUrlProblem("http://127.0.0.1:41234")).isEmpty();
        assertThat(OwletMain.publicUrlProblem("http://training.example.org")).get().asString()
                .isEqualTo("Owlet cannot start: OWLET_PUBLIC_URL (http://training.example.org) is http on a host that is not this machine"
                        + " (only https is allowed there). Set it to the https address people reach Owlet at, e.g. https://training.example.org.");
        assertThat(OwletMain.publicUrlProblem("training.example.org")).get().asString().contains("is not an absolute URL");
        assertThat(OwletMain.publicUrlProblem("ftp://training.example.org")).get().asString().contains("is neither https nor http");
        assertThat(OwletMain.publicUrlProblem("https://training.example.org/?x=1")).get().asString().contains("has a query or fragment");
        assertThat(OwletMain.publicUrlProblem("https://exa mple.org")).get().asString().contains("is not a URL");
        Map<String, String> settings = new HashMap<>(PRODUCTION);
        settings.put("OWLET_PUBLIC_URL", "http://training.example.org");
        assertThat(OwletMain.missingSettings(config(settings), "prod")).singleElement().asString().contains("OWLET_PUBLIC_URL");
    }

    @Test
    void invitationSettingsComeTogetherOrNotAtAll() {
        Map<String, String> required = PRODUCTION;
        assertThat(OwletMain.missingSettings(config(required), "prod")).isEmpty();
        Map<String, String> urlOnly = new HashMap<>(required);
        urlOnly.put("OWLET_KEYCLOAK_ADMIN_URL", "https://id.example.org/realms/owlet");
        assertThat(OwletMain.missingSettings(config(urlOnly), "prod")).singleElement().asString()
                .startsWith("Owlet cannot start: OWLET_KEYCLOAK_ADMIN_URL is set but OWLET_KEYCLOAK_ADMIN_SECRET is not.");
        Map<String, String> both = new HashMap<>(urlOnly);
        both.put("OWLET_KEYCLOAK_ADMIN_SECRET", "secret");
        assertThat(OwletMain.missingSettings(config(both), "prod")).isEmpty();
        both.put("OWLET_KEYCLOAK_ADMIN_URL", "https://id.example.org/");
        assertThat(OwletMain.missingSettings(config(both), "prod")).singleElement().asString()
                .contains("OWLET_KEYCLOAK_ADMIN_URL is not a Keycloak realm URL");
        Map<String, String> secretOnly = new HashMap<>(required);
        secretOnly.put("OWLET_KEYCLOAK_ADMIN_SECRET", "secret");
        assertThat(OwletMain.missingSettings(config(secretOnly), "prod")).singleElement().asString()
                .contains("OWLET_KEYCLOAK_ADMIN_SECRET is set but OWLET_KEYCLOAK_ADMIN_URL is not");
    }

    @Test
    void onlyThePackagedApplicationIsChecked() {
        assertThat(OwletMain.isPackaged("/srv/owlet/quarkus-app/quarkus-run.jar")).isTrue();
        assertThat(OwletMain.isPackaged("target/classes:lib/a.jar")).isFalse();
    }

    @Test
    void completeProductionSettingsAndOtherProfilesPass() {
        assertThat(OwletMain.missingSettings(config(PRODUCTION), "prod")).isEmpty();
        assertThat(OwletMain.missingSettings(config(Map.of()), "dev")).isEmpty();
    }

    @Test
    void settingsCountFromEveryConfigSourceAndUnderTheirQuarkusNames() {
        // QUARKUS_* variables for the properties the OWLET_* ones feed, a system property, a profile-specific entry
        Config config = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new EnvConfigSource(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/owlet",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "https://id.example.org/realms/owlet"), 300))
                .withSources(
                        new PropertiesConfigSource(Map.of("OWLET_OIDC_SECRET", "s", "owlet.public-url", "https://training.example.org"),
                                "system properties", 400))
                .withSources(
                        new PropertiesConfigSource(Map.of("%prod.owlet.certification.badge-key", "{}"), "config/application.properties",
                                260))
                .build();
        assertThat(OwletMain.missingSettings(config, "prod")).isEmpty();
    }

    @Test
    void aDotEnvFileInTheWorkingDirectoryIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env"), "OWLET_DB_URL=jdbc:postgresql://db/owlet\n");
        Config config = new SmallRyeConfigBuilder().withSources(new DotEnvConfigSourceProvider(dir.resolve(".env").toString())).build();
        assertThat(OwletMain.missingSettings(config, "prod")).noneMatch(line -> line.contains("OWLET_DB_URL"))
                .anyMatch(line -> line.contains("OWLET_OIDC_URL"));
    }

    private static Config config(Map<String, String> variables) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(variables, 300)).build();
    }
}
