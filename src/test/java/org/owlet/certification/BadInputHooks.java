package org.owlet.certification;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the bad-input test needs to put a certificate back between two inputs (so that each input meets the same
 * state): forget a holder's name corrections, lift a revocation, and give the verification pages their rate back.
 */
public final class BadInputHooks {

    private BadInputHooks() {
    }

    /**
     * The holder's certificates as if never corrected (the holder may correct the name three times): their earlier
     * editions deleted, edition 1 again; the names stay.
     */
    public static void forgetNameCorrections(long certificateId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate certificate = Certificate.findById(certificateId);
            for (Certificate c : Certificate.<Certificate> list("member.id", certificate.member.id)) {
                CertificateEdition.delete("certificate.id", c.id);
                c.edition = 1;
            }
        });
    }

    public static void unrevoke(long certificateId) {
        QuarkusTransaction.requiringNew()
                .run(() -> Certificate.update("revokedAt = null, revokedReason = null where id = ?1", certificateId));
    }

    public static void resetRateLimits() {
        Arc.container().instance(RateLimiter.class).get().reset();
    }
}
