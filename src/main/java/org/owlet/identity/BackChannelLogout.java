package org.owlet.identity;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.oidc.runtime.TokenVerificationResult;
import io.vertx.core.json.JsonObject;

/**
 * The identity provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0): quarkus-oidc receives
 * the logout token at {@code quarkus.oidc.logout.backchannel.path}, checks its signature, issuer, audience and
 * claims, and announces it; Owlet then deletes the sessions of that provider session ({@code sid}), or all of the
 * subject's sessions when the token names no session. The rows are shared by every replica, so it does not
 * matter which one Keycloak calls.
 */
@ApplicationScoped
public class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class);

    @Inject
    SessionStore sessions;

    void onLogout(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_BACKCHANNEL_LOGOUT_INITIATED) {
            return;
        }
        JsonObject claims = claims(event.getEventProperties().get("logout_token"));
        if (claims == null) {
            LOG.error("Back-channel logout received but its verified claims could not be read; no session was ended");
            return;
        }
        long ended = sessions.endAtProvider(claims.getString("sid"), claims.getString("sub"));
        LOG.infof("Back-channel logout from the identity provider ended %d session(s)", ended);
    }

    /**
     * The verified claims quarkus-oidc hands over: its {@code TokenVerificationResult} keeps them in a field it
     * does not expose (quarkus-oidc 3.33). The Keycloak test suite proves this still works after an upgrade.
     */
    private static JsonObject claims(Object verified) {
        if (!(verified instanceof TokenVerificationResult)) {
            return null;
        }
        try {
            Field field = TokenVerificationResult.class.getDeclaredField("localVerificationResult");
            field.setAccessible(true);
            return (JsonObject) field.get(verified);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Cannot read the logout token's claims: %s", e);
            return null;
        }
    }
}
