package org.owlet.organization.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;
import org.owlet.testing.KeycloakSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Invitations through the real Keycloak: Owlet's service account finds Acme's organization and Keycloak emails the
 * invitation to the SMTP sink that .ci/run starts (its messages land in {@code OWLET_TEST_SMTP_DIR}, a maildir);
 * withdrawing cancels Keycloak's invitation.
 */
@QuarkusTest
@Tag("keycloak")
class KeycloakInvitationTest {

    private static Path mailDir() {
        String dir = System.getenv("OWLET_TEST_SMTP_DIR");
        assertThat(dir).as("OWLET_TEST_SMTP_DIR: the maildir of the SMTP sink Keycloak sends to (started by .ci/run)").isNotBlank();
        return Path.of(dir);
    }

    /** The message in the sink addressed to {@code email}, waiting up to 30 s for it. */
    private static Optional<String> messageTo(String email) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            try (Stream<Path> files = Files.walk(mailDir())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String message = Files.readString(file, StandardCharsets.ISO_8859_1);
                    if (message.lines().anyMatch(l -> l.equalsIgnoreCase("To: " + email))) {
                        return Optional.of(message);
                    }
                }
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }

    @Test
    void anAdminsInvitationIsEmailedByKeycloakAndCanBeWithdrawn() throws Exception {
        Fixtures.acme();
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        KeycloakSession carl = KeycloakSession.signIn("carl@acme.example");
        Response invited = carl.formRequest("/team/invitations").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("email", email, "name", "Ines Invitee")).post("/team/invitations");
        assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(303);
        String location = invited.getHeader("Location");
        String notice = Jsoup.parse(carl.get(location.substring(location.indexOf("/team/"))).then().statusCode(200).extract().asString())
                .selectFirst("#notice").text();
        assertThat(notice).isEqualTo("The invitation was emailed to " + email + ".");

        String message = messageTo(email).orElseThrow(() -> new AssertionError("no email to " + email + " in " + mailDir()));
        assertThat(message).contains("Subject: Invitation to join the Acme Marketplace organization");

        long id = Long.parseLong(location.substring(location.indexOf("invited=") + "invited=".length()));
        Response withdrawn = carl.formRequest("/team/invitations").post("/team/invitations/" + id + "/withdraw");
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.getHeader("Location")).as("Keycloak's invitation was cancelled").doesNotContain("failure=");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation> findById(id).status))
                .isEqualTo(Invitation.Status.WITHDRAWN);
    }
}
