package org.owlet.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The way out of a session that Owlet has already ended on its side: the session cookie is expired and the
 * browser is sent to the identity provider's end-session endpoint (RP-initiated logout, with the ID token as
 * the hint), which ends the provider's own session and sends the browser back to the welcome page. Without an
 * ID token, or a provider without that endpoint, the browser goes straight to the welcome page.
 */
@RequestScoped
public class ProviderLogout {

    /** quarkus-oidc's session cookie of the default tenant. */
    static final String SESSION_COOKIE = "q_session";

    @Inject
    OidcConfigurationMetadata provider;

    @Inject
    SecurityIdentity identity;

    /** The ID token of the session this request was signed in with (code flow), in clear. */
    public Optional<String> idToken() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.getRawToken());
    }

    public Response redirect(Optional<String> idToken, UriInfo uri) {
        URI welcome = uri.getBaseUri().resolve("/");
        URI target = URI.create("/");
        String endSession = provider.getEndSessionUri();
        if (idToken.isPresent() && endSession != null) {
            target = URI.create(endSession + (endSession.contains("?") ? "&" : "?")
                    + "id_token_hint=" + encode(idToken.get())
                    + "&post_logout_redirect_uri=" + encode(welcome.toString()));
        }
        return Response.seeOther(target)
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
