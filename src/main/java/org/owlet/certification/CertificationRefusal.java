package org.owlet.certification;

import org.owlet.web.errors.Reason;

/** Why the certification feature refuses something; texts in the {@code cert} bundle. */
public enum CertificationRefusal implements Reason {

    /** A refresher for a certificate outside its renewal window, or already renewed (409: not now). */
    NOT_RENEWABLE("not_renewable");

    private final String code;

    CertificationRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundle() {
        return "cert";
    }
}
