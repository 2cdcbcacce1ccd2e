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

    interface RateLimit {
        /** Requests one address may make at once. */
        @WithDefault("30")
        int capacity();

        /** Requests one address gets back per minute. */
        @WithDefault("30")
        int perMinute();
    }
}
