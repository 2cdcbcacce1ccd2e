package org.owlet.certification;

import org.owlet.web.errors.Reason;

/** Why the certification feature refuses something; texts in the {@code cert} bundle. */
public enum CertificationRefusal implements Reason {

    /** A refresher for a certificate outside its renewal window, or already renewed (409: not now). */
    NOT_RENEWABLE("not_renewable", 409),

    /** The Open Badge of a revoked certificate: no wallet should take it (403). */
    REVOKED("revoked", 403);

    private final String code;
    private final int status;

    CertificationRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public int status() {
        return status;
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
