package org.owlet.organization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person known to Owlet, created on first sign-in from the identity provider's token. */
@Entity
@EntityListeners(KnownMembers.Listener.class)
@Table(name = "member")
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

    /** The company the member belongs to now; null for an individual learner. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    /** How the company was found: organization claim, email domain, or an admin's re-adding. */
    @Enumerated(EnumType.STRING)
    @Column(name = "company_source")
    public CompanySource companySource;

    @Column(name = "company_since")
    public Instant companySince;

    /** Stable pseudonymous key: records keep it so anonymous counts survive erasure of personal data. */
    @Column(name = "person_key", nullable = false, unique = true)
    public String personKey;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Owlet roles at the last sign-in, sorted and comma-separated (learner, company-admin, coalition-admin). */
    public String roles;

    public enum CompanySource {
        ORGANIZATION, EMAIL_DOMAIN, ADMIN
    }

    /** The name to show for this member; a neutral label when there is none (e.g. after erasure). */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : "#" + id;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public static Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** Members of a company, optionally filtered by a search on name or email, by name. */
    public static List<Member> ofCompany(Company company, String search) {
        if (search == null || search.isBlank()) {
            return list("company.id = ?1 order by lower(displayName), id", company.id);
        }
        String like = "%" + search.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return list("company.id = ?1 and (lower(displayName) like ?2 or lower(email) like ?2) order by lower(displayName), id",
                company.id, like);
    }
}
