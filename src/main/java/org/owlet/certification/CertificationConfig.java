package org.owlet.certification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Certificates: who issues them, the badge signing key and the verification page's rate limit. */
@ConfigMapping(prefix = "owlet.certification")
public interface CertificationConfig {

    /** The issuer's name, printed on certificates and in Open Badges credentials. */
    @WithDefault("Coalition to End Wildlife Trafficking Online")
    String issuerName();

    /** The private key that signs Open Badges credentials: an EC P-256 JWK (JSON) with a {@code kid}. */
    String badgeKey();

    /**
     * Public keys of earlier signing keys (a JWK set, JSON {@code {"keys":[...]}}), still published in the issuer's JWKS after
     * a key rotation so that credentials signed with them stay verifiable. Empty: none.
     */
    java.util.Optional<String> previousBadgeKeys();

    RateLimit rateLimit();

    Pdf pdf();

    interface Pdf {
        /** Certificates drawn at once (they share the parsed fonts); 0: as many as the machine has cores. */
        @WithDefault("0")
        int renderers();

        /**
         * How many bytes of drawn PDFs are kept for repeat downloads (least recently used go first; 0: none). A certificate
         * always gives the same bytes, and the cache is keyed by everything printed on it (code, edition, name, revocation
         * ...), so a revoked or renamed certificate is drawn afresh.
         */
        @WithDefault("16M")
        io.quarkus.runtime.configuration.MemorySize cacheSize();
    }

    interface RateLimit {
        /** Requests one address may make at once. */
        @WithDefault("30")
        int capacity();

        /** Requests one address gets back per minute. */
        @WithDefault("30")
        int perMinute();
    }
}
