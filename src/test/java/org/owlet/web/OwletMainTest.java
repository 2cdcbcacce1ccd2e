package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OwletMainTest {

    @Test
    void productionNamesEachMissingSetting() {
        assertThat(OwletMain.missingSettings(Map.of("OWLET_OIDC_URL", "https://id.example.org/realms/owlet"), "prod"))
                .containsExactly(
                        "Owlet cannot start: OWLET_BADGE_KEY is not set. Set it to the private EC P-256 key (JWK, JSON with a kid) that signs Open Badges credentials.",
                        "Owlet cannot start: OWLET_DB_URL is not set. Set it to the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.internal:5432/owlet (with OWLET_DB_USER and OWLET_DB_PASSWORD).",
                        "Owlet cannot start: OWLET_OIDC_SECRET is not set. Set it to the secret of Owlet's client in that realm.");
    }

    @Test
    void onlyThePackagedApplicationIsChecked() {
        assertThat(OwletMain.isPackaged("/srv/owlet/quarkus-app/quarkus-run.jar")).isTrue();
        assertThat(OwletMain.isPackaged("target/classes:lib/a.jar")).isFalse();
    }

    @Test
    void completeProductionSettingsAndOtherProfilesPass() {
        assertThat(OwletMain.missingSettings(Map.of("OWLET_DB_URL", "jdbc:postgresql://db/owlet", "OWLET_OIDC_URL", "u",
                "OWLET_OIDC_SECRET", "s", "OWLET_BADGE_KEY", "k"), "prod")).isEmpty();
        assertThat(OwletMain.missingSettings(Map.of(), "dev")).isEmpty();
    }
}
