package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** After the badge key is rotated, credentials signed with the earlier key still verify against the published JWKS. */
class BadgeKeyRotationTest {

    @Test
    void earlierKeysStayPublishedAndVerifyTheirCredentials() throws Exception {
        ECKey earlier = new ECKeyGenerator(Curve.P_256).keyID("owlet-2025").generate();
        ECKey current = new ECKeyGenerator(Curve.P_256).keyID("owlet-2026").generate();
        SignedJWT issuedLastYear = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("owlet-2025").build(),
                new JWTClaimsSet.Builder().issuer("https://training.example.org/api/v1/issuer").build());
        issuedLastYear.sign(new ECDSASigner(earlier));

        // the operator may paste the earlier private JWK set: only public halves are published
        OpenBadges badges = badges(current, new JWKSet(earlier).toString(false));
        JWKSet published = JWKSet.parse(badges.jwks());
        assertThat(published.getKeys()).extracting(k -> k.getKeyID()).containsExactly("owlet-2026", "owlet-2025");
        assertThat(published.getKeys()).noneMatch(k -> k.isPrivate());
        ECKey key = (ECKey) published.getKeyByKeyId(issuedLastYear.getHeader().getKeyID());
        assertThat(SignedJWT.parse(issuedLastYear.serialize()).verify(new ECDSAVerifier(key))).isTrue();
    }

    @Test
    void anEarlierKeyWithTheCurrentKidOrNoSetIsRefusedAtStart() throws Exception {
        ECKey current = new ECKeyGenerator(Curve.P_256).keyID("owlet-2026").generate();
        ECKey sameKid = new ECKeyGenerator(Curve.P_256).keyID("owlet-2026").generate();
        assertThatThrownBy(() -> badges(current, new JWKSet(sameKid.toPublicJWK()).toString())).hasMessageContaining("own kid");
        assertThatThrownBy(() -> badges(current, "not json")).hasMessageContaining("OWLET_BADGE_PREVIOUS_KEYS is not a JWK set");
    }

    private static OpenBadges badges(ECKey current, String previous) {
        OpenBadges badges = new OpenBadges();
        badges.publicUrl = "https://training.example.org";
        badges.config = new CertificationConfig() {
            @Override
            public String issuerName() {
                return "Coalition";
            }

            @Override
            public String badgeKey() {
                return current.toJSONString();
            }

            @Override
            public Optional<String> previousBadgeKeys() {
                return Optional.of(previous);
            }

            @Override
            public RateLimit rateLimit() {
                return null;
            }

            @Override
            public Pdf pdf() {
                return null;
            }
        };
        badges.loadKey();
        return badges;
    }
}
