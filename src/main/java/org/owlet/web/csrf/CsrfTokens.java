package org.owlet.web.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.quarkus.csrf.reactive.runtime.RestCsrfConfigHolder;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of the current request, as templates read it ({@code {inject:csrf.token}} in {@code tags/csrf.html}),
 * and the one place tokens are issued: the first time a page asks for it, the browser's CSRF cookie is reused when it
 * is well-formed, else a new token is made; either way the response (re)sets the cookie. So
 * only pages that show a form set the cookie, and a form left open in another tab keeps its token.
 * <p>
 * It replaces quarkus-rest-csrf's provider of the same name ({@code quarkus.arc.exclude-types} removes that one), which
 * fails unless the extension's filter put a token in the request first, and would answer a malformed cookie with a
 * bare 400 (see {@link CsrfGuard}).
 * <p>
 * The routing-context keys below are the extension's own (see {@code CsrfRequestResponseReactiveFilter}); the tests
 * that post the forms these pages render fail if a Quarkus upgrade renames them.
 */
@Named("csrf")
@Singleton
public class CsrfTokens extends CsrfTokenParameterProvider {

    /** The token of this request (the extension's key, also read by its own provider). */
    static final String TOKEN = "csrf_token";
    /** The token's bytes, which the extension's response filter signs when a signature key is set. */
    static final String TOKEN_BYTES = "csrf_token_bytes";

    private final SecureRandom random = new SecureRandom();

    @Inject
    RoutingContext routing;

    @Inject
    RestCsrfConfig config;

    @Inject
    public CsrfTokens(RestCsrfConfigHolder holder) {
        super(holder);
    }

    @Override
    public String getToken() {
        String token = routing.get(TOKEN);
        return token != null ? token : keepOrIssue(routing);
    }

    /**
     * Uses the browser's CSRF cookie as this request's token when it is well-formed and unsigned, else issues a new
     * token; either way the response (re)sets the cookie. The cookie is added to the response here, as the extension's
     * response filter does, because a page returned inside a {@code Response} is rendered after the response filters.
     */
    String keepOrIssue(RoutingContext context) {
        String cookie = cookie(context);
        byte[] bytes;
        if (cookie != null && config.tokenSignatureKey().isEmpty() && wellFormed(cookie)) {
            bytes = Base64.getUrlDecoder().decode(cookie);
        } else {
            bytes = new byte[config.tokenSize()];
            random.nextBytes(bytes);
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        context.put(TOKEN, token);
        context.put(TOKEN_BYTES, bytes);
        String value = config.tokenSignatureKey().map(key -> CsrfTokenUtils.signCsrfToken(bytes, key)).orElse(token);
        Cookie set = Cookie.cookie(config.cookieName(), value).setHttpOnly(config.cookieHttpOnly())
                .setSecure(config.cookieForceSecure() || context.request().isSSL()).setMaxAge(config.cookieMaxAge().toSeconds())
                .setPath(config.cookiePath());
        config.cookieDomain().ifPresent(set::setDomain);
        context.response().addCookie(set);
        return token;
    }

    /** The browser's CSRF cookie, or null. */
    String cookie(RoutingContext context) {
        Cookie cookie = context.request().getCookie(config.cookieName());
        return cookie == null ? null : cookie.getValue();
    }

    /** Whether a CSRF cookie has the shape the extension accepts (its filter answers a bare 400 to any other). */
    boolean wellFormed(String cookie) {
        try {
            int expected = config.tokenSignatureKey().isPresent() ? 32 : config.tokenSize();
            return Base64.getUrlDecoder().decode(cookie).length == expected;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Whether {@code sent} (from the form or the token header) is the token the browser's CSRF cookie stands for. */
    boolean matches(String sent, String cookie) {
        if (sent == null || cookie == null || !wellFormed(cookie)) {
            return false;
        }
        String expected;
        try {
            expected = config.tokenSignatureKey().isPresent() ? CsrfTokenUtils.signCsrfToken(sent, config.tokenSignatureKey().get())
                    : sent;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }
}
