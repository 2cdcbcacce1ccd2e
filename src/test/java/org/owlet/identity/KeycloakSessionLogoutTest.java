package org.owlet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.BrowserSession;
import org.owlet.testing.KeycloakSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Against the real Keycloak of the CI stage: signing out ends Owlet's session on the server, and a session
 * ended at Keycloak (an administrator signs the user out) is ended in Owlet too, through Keycloak's back-channel
 * logout token. Keycloak reaches the test app on its random port because the test points the owlet client's
 * back-channel logout URL at it through the admin REST API (and puts the old value back afterwards).
 */
@QuarkusTest
@Tag("keycloak")
class KeycloakSessionLogoutTest {

    private static final String BACKCHANNEL_URL = "backchannel.logout.url";

    private String clientUuid;
    private String previousUrl;

    @BeforeEach
    void pointTheBackChannelAtThisApp() {
        Map<String, Object> client = owletClient();
        clientUuid = (String) client.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.computeIfAbsent("attributes", k -> new HashMap<>());
        previousUrl = (String) attributes.get(BACKCHANNEL_URL);
        // 127.0.0.1, not localhost: Keycloak's HTTP client may resolve localhost to ::1, where the test app does not listen
        attributes.put(BACKCHANNEL_URL, "http://127.0.0.1:" + RestAssured.port + "/oidc/back-channel-logout");
        attributes.put("backchannel.logout.session.required", "true");
        // Keycloak logs a client out through the browser (front channel) when that is on, which an administrator's or
        // Keycloak's own logout cannot do: Owlet is logged out through the back channel
        client.put("frontchannelLogout", false);
        admin().contentType("application/json").body(client).put(server() + "/admin/realms/owlet/clients/" + clientUuid)
                .then().statusCode(204);
    }

    @AfterEach
    void putTheRealmBack() {
        Map<String, Object> client = owletClient();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put(BACKCHANNEL_URL, previousUrl == null ? "" : previousUrl);
        admin().contentType("application/json").body(client).put(server() + "/admin/realms/owlet/clients/" + clientUuid)
                .then().statusCode(204);
    }

    @Test
    void aSessionEndedAtKeycloakIsEndedInOwlet() throws InterruptedException {
        KeycloakSession session = KeycloakSession.signIn("ivan@individual.example");
        session.request().get("/me").then().statusCode(200);
        Map<String, String> copied = new HashMap<>(session.cookies());
        assertThat(IdleSessionTest.sessionRow(copied.get("q_session"))).isNotNull();
        assertThat(IdleSessionTest.sessionRow(copied.get("q_session")).sid).as("Keycloak's session id is recorded").isNotBlank();

        String user = admin().queryParam("username", "ivan@individual.example").queryParam("exact", true)
                .get(server() + "/admin/realms/owlet/users").then().statusCode(200).extract().path("[0].id");
        admin().post(server() + "/admin/realms/owlet/users/" + user + "/logout").then().statusCode(204);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (IdleSessionTest.sessionRow(copied.get("q_session")) != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(IdleSessionTest.sessionRow(copied.get("q_session"))).as("the session row after Keycloak's logout").isNull();
        Response replay = BrowserSession.replay(copied, "/me");
        int accepted = replay.statusCode() == 200 ? 1 : 0;
        System.out.printf("sessions ended at Keycloak (admin logout) still accepted by Owlet: %d of 1%n", accepted);
        assertThat(SessionTest.isSentToSignIn(replay)).as(replay.statusCode() + " " + replay.getHeader("Location")).isTrue();
    }

    @Test
    void signingOutEndsOwletsSessionAndKeycloaks() {
        KeycloakSession session = KeycloakSession.signIn("gina@globex.example");
        session.request().get("/me").then().statusCode(200);
        Map<String, String> copied = new HashMap<>(session.cookies());
        String endSession = session.post("/logout").then().statusCode(303).extract().header("Location");
        assertThat(endSession).contains("/protocol/openid-connect/logout").contains("id_token_hint=");
        assertThat(IdleSessionTest.sessionRow(copied.get("q_session"))).isNull();
        Response replay = BrowserSession.replay(copied, "/me");
        System.out.printf("sessions replayed after logout (Keycloak): %d of 1 accepted%n", replay.statusCode() == 200 ? 1 : 0);
        assertThat(SessionTest.isSentToSignIn(replay)).isTrue();
    }

    private static Map<String, Object> owletClient() {
        List<Map<String, Object>> clients = admin().queryParam("clientId", "owlet").get(server() + "/admin/realms/owlet/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(clients).hasSize(1);
        return clients.get(0);
    }

    /** Keycloak's base address (the CI stage's bootstrap administrator is admin/admin). */
    private static String server() {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(server() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token);
    }
}
