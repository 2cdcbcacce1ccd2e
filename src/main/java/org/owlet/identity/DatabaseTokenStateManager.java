package org.owlet.identity;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the code flow's tokens in Owlet's database instead of the encrypted session cookie (quarkus-oidc's
 * {@link TokenStateManager} SPI): the cookie carries only a random session id, so ending the session on the
 * server (sign-out, idle timeout, back-channel logout) ends it for every copy of the cookie and on every replica.
 * Bearer-token calls never reach this class. The JDBC work runs on a worker thread through
 * {@link OidcRequestContext#runBlocking}, as quarkus-oidc asks of blocking token state managers.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class DatabaseTokenStateManager implements TokenStateManager {

    /** Set on the request when its session has just been ended for being idle. */
    static final String IDLED_OUT = "owlet.session.idled-out";

    @Inject
    SessionStore sessions;

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig oidcConfig, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> requestContext) {
        Long maxAge = context.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        Duration lifetime = Duration.ofSeconds(maxAge == null ? 0 : maxAge);
        // quarkus-oidc passes the tokens encrypted (token-state-manager.encryption-required, the default), which is how
        // they are stored; the verified ID token in clear is on the request, for its subject and sid
        AuthorizationCodeTokens clear = context.get(AuthorizationCodeTokens.class.getName());
        String idToken = clear != null ? clear.getIdToken() : tokens.getIdToken();
        return requestContext.runBlocking(() -> sessions.open(tokens, idToken, lifetime));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return requestContext.runBlocking(() -> {
            SessionStore.Resumed resumed = sessions.resume(tokenState);
            if (resumed instanceof SessionStore.Resumed.Active active) {
                return active.tokens();
            }
            if (resumed instanceof SessionStore.Resumed.IdledOut idle) {
                // the row is gone; this one request still knows who it was, so that IdleSessionFilter can send the
                // browser to the identity provider's logout (a shared workstation must not sign back in silently)
                context.put(IDLED_OUT, Boolean.TRUE);
                return idle.tokens();
            }
            throw new AuthenticationFailedException("The session has ended");
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return requestContext.runBlocking(() -> {
            sessions.end(tokenState);
            return null;
        });
    }
}
