package org.owlet.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** What the layout needs to know about the current request: language, direction, path and who is signed in. */
@RequestScoped
@Unremovable
public class PageInfo {

    private static final HtmlEscaper ESCAPER = new HtmlEscaper(List.of("text/html"));

    private String returnTo;
    private RawString languageLinks;

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

    /** The language the page is in. */
    public Languages.Language language() {
        return locales.language();
    }

    /** {@link #here()}, URL-encoded for a {@code return=} parameter; worked out once per page. */
    public String returnTo() {
        if (returnTo == null) {
            returnTo = Formats.urlEncode(here());
        }
        return returnTo;
    }

    /**
     * The items of the layout's language menus: for each language a link that switches to it and comes back to this
     * page, the current one marked. Made here, once per page, rather than by a loop in the layout: the layout shows
     * the list twice, and its ~100 expressions were the larger part of rendering a drill card or feedback page
     * (Qute resolves every expression through its resolvers; this is a few string appends). The tags and names are
     * the fixed {@link Languages#ALL}, escaped all the same; the return address is URL-encoded.
     */
    public RawString languageLinks() {
        if (languageLinks == null) {
            Languages.Language current = locales.language();
            String back = returnTo();
            StringBuilder html = new StringBuilder(1200);
            for (Languages.Language language : Languages.ALL) {
                String tag = ESCAPER.map(language.tag(), null);
                html.append("<li><a href=\"/lang/").append(tag).append("?return=").append(back).append("\" lang=\"").append(tag)
                        .append("\" hreflang=\"").append(tag).append('"').append(language.equals(current) ? " aria-current=\"true\"" : "")
                        .append('>').append(ESCAPER.map(language.nativeName(), null)).append("</a></li>\n");
            }
            languageLinks = new RawString(html.toString());
        }
        return languageLinks;
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
