package org.owlet.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One signed-in browser session: the tokens of the code flow, kept on the server under the SHA-256 of the
 * random id the session cookie carries (see {@link SessionStore}). No row, no session.
 */
@Entity
@Table(name = "oidc_session")
public class SignInSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(nullable = false)
    public String subject;

    /** The identity provider's session id (the ID token's {@code sid}), when it sends one. */
    public String sid;

    @Column(name = "id_token", nullable = false)
    public String idToken;

    @Column(name = "access_token")
    public String accessToken;

    @Column(name = "refresh_token")
    public String refreshToken;

    @Column(name = "access_expires_in")
    public Long accessExpiresIn;

    @Column(name = "access_scope")
    public String accessScope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
