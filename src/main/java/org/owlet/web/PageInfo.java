package org.owlet.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

    /** Each language link up to its return address, escaped once: {@code <li><a href="/lang/fr?return=}. */
    private static final List<String> LINK_STARTS = Languages.ALL.stream()
            .map(l -> "<li><a href=\"/lang/" + ESCAPER.map(l.tag(), null) + "?return=").toList();

    /** The rest of each link after its return address, by whether it is the current language. */
    private static final List<Map<Boolean, String>> LINK_ENDS = Languages.ALL.stream().map(l -> {
        String tag = ESCAPER.map(l.tag(), null);
        String end = "\" lang=\"" + tag + "\" hreflang=\"" + tag + "\"%s>" + ESCAPER.map(l.nativeName(), null) + "</a></li>\n";
        return Map.of(false, end.formatted(""), true, end.formatted(" aria-current=\"true\""));
    }).toList();

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
            for (int i = 0; i < Languages.ALL.size(); i++) {
                html.append(LINK_STARTS.get(i)).append(back).append(LINK_ENDS.get(i).get(Languages.ALL.get(i).equals(current)));
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
