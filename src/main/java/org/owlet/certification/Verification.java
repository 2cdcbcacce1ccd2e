package org.owlet.certification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What public verification tells about a code: the status, holder name (unless withheld after erasure) and when
 * it was last corrected, course and dates; nothing else about the learner. An unknown code gives the same shape with {@code found=false}.
 */
public record Verification(boolean found, Certificate.Status status, String holder, boolean nameWithheld, String course,
        String courseVersion, LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn, String issuer, String code,
        LocalDate nameCorrectedOn) {

    static Verification of(Certificate c, LocalDate today, String issuer) {
        return new Verification(true, c.status(today), c.holderName, c.nameWithheld(), c.courseTitle, c.courseVersion,
                c.issuedOn, c.expiresOn, c.revokedAt == null ? null : LocalDate.ofInstant(c.revokedAt, ZoneOffset.UTC), issuer,
                c.displayCode(),
                c.reissuedAt == null || c.nameWithheld() ? null : LocalDate.ofInstant(c.reissuedAt, ZoneOffset.UTC));
    }

    static Verification notFound(String issuer) {
        return new Verification(false, null, null, false, null, null, null, null, null, issuer, null, null);
    }

    public boolean valid() {
        return status == Certificate.Status.VALID;
    }

    public boolean expired() {
        return status == Certificate.Status.EXPIRED;
    }

    public boolean revoked() {
        return status == Certificate.Status.REVOKED;
    }

    /** The JSON answer; every key is present whether the code was found or not. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", found ? status.name().toLowerCase(Locale.ROOT) : "not_found");
        json.put("holder", holder);
        json.put("nameWithheld", nameWithheld);
        json.put("course", course);
        json.put("courseVersion", courseVersion);
        json.put("issuedOn", issuedOn == null ? null : issuedOn.toString());
        json.put("validUntil", expiresOn == null ? null : expiresOn.toString());
        json.put("revokedOn", revokedOn == null ? null : revokedOn.toString());
        json.put("issuer", issuer);
        json.put("verificationCode", code);
        json.put("nameCorrectedOn", nameCorrectedOn == null ? null : nameCorrectedOn.toString());
        return json;
    }
}
