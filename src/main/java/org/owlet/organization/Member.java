package org.owlet.organization;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person known to Owlet, created on first sign-in from the identity provider's token. */
@Entity
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The identity provider's stable subject ({@code sub}). */
    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public static Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
