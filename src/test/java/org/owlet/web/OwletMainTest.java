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

    @Test
    void productionNamesEachMissingSetting() {
        assertThat(OwletMain.missingSettings(config(Map.of("OWLET_OIDC_URL", "https://id.example.org/realms/owlet")), "prod"))
                .containsExactly(
                        "Owlet cannot start: OWLET_BADGE_KEY is not set. Set it to the private EC P-256 key (JWK, JSON with a kid) that signs Open Badges credentials.",
                        "Owlet cannot start: OWLET_DB_URL is not set. Set it to the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.internal:5432/owlet (with OWLET_DB_USER and OWLET_DB_PASSWORD).",
                        "Owlet cannot start: OWLET_OIDC_SECRET is not set. Set it to the secret of Owlet's client in that realm.");
    }

    @Test
    void invitationSettingsComeTogetherOrNotAtAll() {
        Map<String, String> required = Map.of("OWLET_DB_URL", "jdbc:postgresql://db/owlet", "OWLET_OIDC_URL", "u", "OWLET_OIDC_SECRET",
                "s", "OWLET_BADGE_KEY", "k");
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
        assertThat(OwletMain.missingSettings(config(Map.of("OWLET_DB_URL", "jdbc:postgresql://db/owlet", "OWLET_OIDC_URL", "u",
                "OWLET_OIDC_SECRET", "s", "OWLET_BADGE_KEY", "k")), "prod")).isEmpty();
        assertThat(OwletMain.missingSettings(config(Map.of()), "dev")).isEmpty();
    }

    @Test
    void settingsCountFromEveryConfigSourceAndUnderTheirQuarkusNames() {
        // QUARKUS_* variables for the properties the OWLET_* ones feed, a system property, a profile-specific entry
        Config config = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new EnvConfigSource(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/owlet",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "https://id.example.org/realms/owlet"), 300))
                .withSources(new PropertiesConfigSource(Map.of("OWLET_OIDC_SECRET", "s"), "system properties", 400))
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
