package org.owlet.organization.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.owlet.organization.Company;
import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A company admin invited someone, by email, to join the company. Pending until a member with that address joins the
 * company (accepted) or the admin withdraws it. Whether the invitation email went out is kept apart from the status:
 * {@link #lastSentAt} is the last email that left, {@link #sendFailure} why the last attempt sent none.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    public enum Status {
        PENDING, ACCEPTED, WITHDRAWN
    }

    /** The unique constraint that allows one pending invitation per company and address. */
    static final String PENDING_UNIQUE = "invitation_pending_unique";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    /** Trimmed, lower case; null once the invited person's data is erased. */
    public String email;

    /** The address while pending, null otherwise (see the migration). */
    @Column(name = "pending_email")
    public String pendingEmail;

    public String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invited_by")
    public Member invitedBy;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    /** When the last invitation email left through the identity provider; null if none ever did. */
    @Column(name = "last_sent_at")
    public Instant lastSentAt;

    /** How many invitation emails left. */
    @Column(name = "send_count", nullable = false)
    public int sendCount;

    /** Why the last attempt sent no email; null when it did. */
    @Enumerated(EnumType.STRING)
    @Column(name = "send_failure")
    public SendFailure sendFailure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** The member who joined with this address (accepted invitations). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** The address as stored and compared: trimmed, lower case. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The company's pending and accepted invitations, newest first (withdrawn ones are in the audit log). */
    public static List<Invitation> shownFor(Company company) {
        return list("from Invitation i left join fetch i.member where i.company.id = ?1 and i.status <> ?2"
                + " order by i.invitedAt desc, i.id desc", company.id, Status.WITHDRAWN);
    }

    public static Optional<Invitation> pending(Company company, String email) {
        return find("company.id = ?1 and pendingEmail = ?2", company.id, normalize(email)).firstResultOptional();
    }

    /** One of the company's invitations; another company's is not found. */
    public static Optional<Invitation> ofCompany(Company company, long id) {
        return find("id = ?1 and company.id = ?2", id, company.id).firstResultOptional();
    }
}
