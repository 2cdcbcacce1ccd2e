package org.owlet.certification;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Open Badges 3.0: each certificate as an {@code OpenBadgeCredential} (a W3C Verifiable Credential 2.0), signed as
 * a VC-JWT (ES256) with the key from {@code owlet.certification.badge-key}. The issuer's public key is published
 * as a JWK set, so anyone can check a credential without asking Owlet.
 */
@ApplicationScoped
public class OpenBadges {

    public static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    @Inject
    CertificationConfig config;

    @ConfigProperty(name = "owlet.public-url")
    String publicUrl;

    private ECKey key;

    private List<JWK> previousKeys = List.of();

    @PostConstruct
    void loadKey() {
        try {
            key = ECKey.parse(config.badgeKey());
        } catch (ParseException e) {
            throw new IllegalStateException("owlet.certification.badge-key is not an EC JWK: " + e.getMessage(), e);
        }
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
            throw new IllegalStateException("owlet.certification.badge-key must be a private EC P-256 JWK with a kid");
        }
        config.previousBadgeKeys().filter(keys -> !keys.isBlank()).ifPresent(keys -> {
            try {
                // only their public halves are kept, whatever was given
                previousKeys = JWKSet.parse(keys).getKeys().stream().map(JWK::toPublicJWK).toList();
            } catch (ParseException e) {
                throw new IllegalStateException("OWLET_BADGE_PREVIOUS_KEYS is not a JWK set ({\"keys\":[...]}): " + e.getMessage(), e);
            }
            if (previousKeys.stream().anyMatch(k -> k.getKeyID() == null || k.getKeyID().equals(key.getKeyID()))) {
                throw new IllegalStateException(
                        "OWLET_BADGE_PREVIOUS_KEYS: every earlier key needs its own kid, different from the current key's");
            }
        });
    }

    String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String issuerId() {
        return base() + "/api/v1/issuer";
    }

    /** The issuer's profile: who signs the credentials, and where its keys are. */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", CONTEXT);
        profile.put("id", issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", config.issuerName());
        profile.put("url", base());
        profile.put("jwks", base() + "/api/v1/issuer/jwks");
        return profile;
    }

    /** The public half of the signing key and of earlier ones (key rotation), as a JWK set; the current key first. */
    public Map<String, Object> jwks() {
        List<JWK> keys = new java.util.ArrayList<>();
        keys.add(key.toPublicJWK());
        keys.addAll(previousKeys);
        return new JWKSet(keys).toJSONObject(true);
    }

    public String credentialId(Certificate c) {
        return base() + "/api/v1/certificates/" + c.code + "/credential";
    }

    /** The credential, unsigned (what the JWT's payload holds besides the registered claims). */
    public Map<String, Object> credential(Certificate c, String verifyUrl, String narrative, String description) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", CONTEXT);
        credential.put("id", credentialId(c));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.issuerName());
        credential.put("issuer", issuer);
        credential.put("name", c.courseTitle);
        credential.put("validFrom", start(c.issuedOn));
        credential.put("validUntil", end(c.expiresOn));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        if (!c.nameWithheld()) {
            Map<String, Object> identifier = new LinkedHashMap<>();
            identifier.put("type", "IdentityObject");
            identifier.put("identityType", "name");
            identifier.put("hashed", false);
            identifier.put("identityHash", c.holderName);
            subject.put("identifier", List.of(identifier));
        }
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:owlet:achievement:" + c.courseId + ":" + c.courseVersion);
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certificate");
        achievement.put("name", c.courseTitle);
        achievement.put("description", description);
        achievement.put("criteria", Map.of("narrative", narrative));
        achievement.put("inLanguage", c.language);
        achievement.put("version", c.courseVersion);
        subject.put("achievement", achievement);
        credential.put("credentialSubject", subject);
        credential.put("evidence", List.of(Map.of("id", verifyUrl, "type", List.of("Evidence"))));
        if (c.statusIndex != null) {
            credential.put("credentialStatus", statusEntry(c.statusIndex));
        }
        return credential;
    }

    public String statusListUrl(int list) {
        return base() + "/api/v1/issuer/status/" + list;
    }

    /** Where a verifier finds whether the certificate was revoked: its bit in a Bitstring Status List. */
    Map<String, Object> statusEntry(long statusIndex) {
        int list = StatusList.listOf(statusIndex);
        String position = Integer.toString(StatusList.positionOf(statusIndex));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListUrl(list) + "#" + position);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", position);
        status.put("statusListCredential", statusListUrl(list));
        return status;
    }

    /** The status list credential, unsigned: valid from {@code now}, its subject the encoded bitstring. */
    public Map<String, Object> statusListCredential(int list, String encodedList, Instant now) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT.get(0)));
        credential.put("id", statusListUrl(list));
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.issuerName());
        credential.put("issuer", issuer);
        credential.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", statusListUrl(list) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", encodedList);
        credential.put("credentialSubject", subject);
        return credential;
    }

    /**
     * A credential as a compact VC-JWT: header typ vc+jwt, ES256, kid; payload the credential plus iss, jti, nbf and
     * (when it has a {@code validUntil}) exp.
     */
    public String sign(Map<String, Object> credential) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
            credential.forEach(claims::claim);
            @SuppressWarnings("unchecked")
            Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
            claims.issuer((String) issuer.get("id"));
            claims.jwtID((String) credential.get("id"));
            claims.notBeforeTime(Date.from(Instant.parse((String) credential.get("validFrom"))));
            if (credential.get("validUntil") != null) {
                claims.expirationTime(Date.from(Instant.parse((String) credential.get("validUntil"))));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("vc+jwt")).build(), claims.build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an Open Badges credential", e);
        }
    }

    private static String start(LocalDate day) {
        return DateTimeFormatter.ISO_INSTANT.format(day.atStartOfDay(ZoneOffset.UTC));
    }

    /** Valid through the last day. */
    private static String end(LocalDate day) {
        return DateTimeFormatter.ISO_INSTANT.format(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(1));
    }
}
