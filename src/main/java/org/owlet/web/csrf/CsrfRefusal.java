package org.owlet.web.csrf;

import java.util.Locale;

import org.owlet.web.errors.Reason;

/** Why {@link CsrfGuard} refused a change sent with a browser session; texts in the {@code web} bundle. Always 403. */
public enum CsrfRefusal implements Reason {

    /** {@code Sec-Fetch-Site} says another site sent it, or its {@code Origin} is not Owlet's own. */
    CROSS_SITE,

    /** A JSON API change with a session cookie and no {@code Origin}: no page of a browser sends that. */
    ORIGIN_REQUIRED,

    /** The form's CSRF token is missing or does not match the browser's CSRF cookie. */
    FORM_EXPIRED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String messageKey() {
        return "reason_" + code();
    }

    @Override
    public String titleKey() {
        return "csrf_" + code() + "_title";
    }
}
