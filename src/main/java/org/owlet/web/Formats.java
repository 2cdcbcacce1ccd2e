package org.owlet.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Display logic for templates: dates in the user's language and time zone, URL encoding. Dates are
 * stored in UTC; the time zone comes from the {@code owlet_tz} cookie that the layout's script sets
 * from the browser, UTC when it is missing or unknown.
 */
@TemplateExtension
public class Formats {

    public static final String TZ_COOKIE = "owlet_tz";

    private Formats() {
    }

    /**
     * {@code lang="xx"} (with a leading space) for a text written in {@code language} shown on a page in {@code pageLang},
     * nothing when they are the same: course texts that fell back to the course's first language, English source
     * titles on a Chinese page (WCAG 3.1.2). Use inside a tag: {@code <h1{course.language.langUnless(page.lang)}>}.
     */
    static RawString langUnless(String language, String pageLang) {
        if (language == null || language.isBlank() || language.equalsIgnoreCase(pageLang)) {
            return new RawString("");
        }
        return new RawString(" lang=\"" + language.replaceAll("[^A-Za-z0-9-]", "") + "\"");
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String formatDate(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale())
                .format(instant.atZone(zone()));
    }

    static String formatDateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .format(instant.atZone(zone()));
    }

    static String formatDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    private static Locale locale() {
        return Arc.container().instance(LocaleResolver.class).get().locale();
    }

    /** The viewer's time zone from the browser, or UTC. */
    public static ZoneId zone() {
        HttpServerRequest request = Arc.container().instance(HttpServerRequest.class).get();
        Cookie cookie = request == null ? null : request.getCookie(TZ_COOKIE);
        if (cookie != null) {
            try {
                return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
            } catch (DateTimeException | IllegalArgumentException unknown) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }
}
