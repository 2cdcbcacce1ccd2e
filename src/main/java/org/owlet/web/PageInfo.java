package org.owlet.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** What the layout needs to know about the current request: language, direction, path and who is signed in. */
@RequestScoped
@Unremovable
public class PageInfo {

    @Inject
    LocaleResolver locales;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    DisplayNames displayNames;

    public String lang() {
        return locales.language().tag();
    }

    public String dir() {
        return locales.language().rightToLeft() ? "rtl" : "ltr";
    }

    public List<Languages.Language> languages() {
        return Languages.ALL;
    }

    public boolean isCurrent(Languages.Language language) {
        return language.equals(locales.language());
    }

    /** The current path and query, used to come back to the same page after switching language. */
    public String here() {
        String uri = request.uri();
        if (!"GET".equals(request.method().name())) {
            // a page that answers a form (e.g. feedback after an answer) cannot be fetched again: go back to the
            // page the form was on
            uri = refererPath();
        }
        return SafeRedirect.isLocalPath(uri) ? uri : "/";
    }

    private String refererPath() {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI parsed = URI.create(referer);
            String host = request.authority() == null ? null : request.authority().host();
            if (parsed.getHost() != null && host != null && !parsed.getHost().equalsIgnoreCase(host)) {
                return "/";
            }
            return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String userName() {
        return signedIn() ? displayNames.of(identity) : "";
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }
}
