package org.owlet.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Resolves the language of the current request: explicit choice (cookie) → the signed-in member's
 * preferred language → Accept-Language → English.
 */
@RequestScoped
public class LocaleResolver {

    public static final String COOKIE = "owlet_lang";

    @Inject
    HttpServerRequest request;

    @Inject
    Instance<PreferredLanguage> preferred;

    private Languages.Language resolved;

    public Languages.Language language() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    public Locale locale() {
        return language().locale();
    }

    private Languages.Language resolve() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null) {
            Optional<Languages.Language> chosen = Languages.match(cookie.getValue());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        // a saved preference may need the database: never look it up on an I/O thread (e.g. when an
        // authentication failure is turned into an error page before the request reaches a worker)
        for (PreferredLanguage source : Context.isOnEventLoopThread() ? List.<PreferredLanguage> of() : preferred) {
            Optional<Languages.Language> saved = savedBy(source).flatMap(Languages::match);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language")).orElse(Languages.DEFAULT);
    }

    /**
     * The saved preference, or nothing while the database cannot be reached: the page saying so (503) must still be
     * rendered, in the language of the cookie or Accept-Language.
     */
    static Optional<String> savedBy(PreferredLanguage source) {
        try {
            return source.forCurrentUser();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static Optional<Languages.Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                Optional<Languages.Language> match = Languages.match(range.getRange());
                if (match.isPresent()) {
                    return match;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
