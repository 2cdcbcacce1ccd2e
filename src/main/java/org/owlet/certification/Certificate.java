package org.owlet.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A certificate earned by passing a course's final or refresher assessment. What it says (holder name, course
 * title, company) is copied at issue time, so it stays what was certified; only a name correction by the holder
 * (re-issue, same code) or erasure (name withheld) changes the name.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    /** How many times the holder may correct the name on one certificate; then an administrator has to. */
    public static final int MAX_NAME_CORRECTIONS = 3;

    public enum Status {
        VALID, EXPIRED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The verification code (unguessable, base32); printed on the PDF and in the verification link. */
    @Column(nullable = false)
    public String code;

    /** SHA-256 of the code, hex: what public verification looks up. */
    @Column(name = "code_hash", nullable = false, unique = true)
    public String codeHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    /** The holder's name as printed; null after erasure of the holder's personal data. */
    @Column(name = "holder_name")
    public String holderName;

    /** The company at the time of the pass (null: an individual learner). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "course_version", nullable = false)
    public String courseVersion;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The course title in the certificate's language. */
    @Column(name = "course_title", nullable = false)
    public String courseTitle;

    /** BCP 47 tag of the certificate's language (the passing attempt's). */
    @Column(nullable = false)
    public String language;

    /** 0–1. */
    @Column(nullable = false)
    public double score;

    @Column(name = "attempt_id", nullable = false, unique = true)
    public long attemptId;

    @Column(nullable = false)
    public boolean refresher;

    /** The certificate this one continues (issued on a refresher pass). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "renews_id")
    public Certificate renews;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** The last day the certificate is valid. */
    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    /** The first day a refresher may renew it. */
    @Column(name = "renewal_opens_on", nullable = false)
    public LocalDate renewalOpensOn;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** When the holder last corrected their name (the PDF was re-issued with the same code). */
    @Column(name = "reissued_at")
    public Instant reissuedAt;

    @Column(nullable = false)
    public int edition = 1;

    /** When the current edition was issued: the last re-issue, else the first issue. */
    public Instant currentEditionAt() {
        return reissuedAt != null ? reissuedAt : issuedAt;
    }

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    /**
     * The certificate's place in the issuer's revocation status lists ({@link StatusList}), assigned at issue and never
     * changed: its id.
     */
    @Column(name = "status_index", unique = true)
    public Long statusIndex;

    public Status status(LocalDate today) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return today.isAfter(expiresOn) ? Status.EXPIRED : Status.VALID;
    }

    /** Issued on or before {@code day}, not revoked, and not expired on that day. */
    public boolean isValidOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(issuedOn) && !day.isAfter(expiresOn);
    }

    /** Each name correction makes a new edition. */
    public int nameCorrections() {
        return edition - 1;
    }

    public boolean mayCorrectName() {
        return nameCorrections() < MAX_NAME_CORRECTIONS;
    }

    public boolean nameWithheld() {
        return holderName == null;
    }

    /** The code grouped for reading aloud: ABCD-EFGH-JKMN-PQRS. */
    public String displayCode() {
        return VerificationCodes.display(code);
    }

    public static Optional<Certificate> findByCodeHash(String hash) {
        return find("codeHash", hash).firstResultOptional();
    }

    public static Optional<Certificate> findByAttempt(long attemptId) {
        return find("attemptId", attemptId).firstResultOptional();
    }

    public static List<Certificate> ofMember(Member member) {
        return list("member.id = ?1 order by issuedOn desc, id desc", member.id);
    }

    /** The newest certificate of a member for a course, revoked ones excluded. */
    public static Optional<Certificate> latestFor(Member member, String courseId) {
        return find("member.id = ?1 and courseId = ?2 and revokedAt is null order by expiresOn desc, id desc", member.id,
                courseId).firstResultOptional();
    }

    /** Not revoked, not yet renewed, and its renewal window has opened. */
    public boolean isRenewable(LocalDate today) {
        return revokedAt == null && !today.isBefore(renewalOpensOn) && !isRenewed();
    }

    /** True when a later certificate continues this one. */
    public boolean isRenewed() {
        return count("renews.id", id) > 0;
    }

    /**
     * Certificates of the members a company has now, not revoked and not renewed, whose renewal window opened on or before
     * {@code today} (expired ones included): what a company admin should chase.
     */
    public static List<Certificate> dueForRenewal(Company company, LocalDate today) {
        return list(
                "from Certificate c join fetch c.member where c.member.company.id = ?1 and c.revokedAt is null and c.renewalOpensOn <= ?2"
                        + " and not exists (select 1 from Certificate later where later.renews = c)"
                        + " order by c.expiresOn, c.id",
                company.id, today);
    }

    /** The status indexes in [{@code from}, {@code to}) of revoked certificates. */
    public static List<Long> revokedStatusIndexes(long from, long to) {
        return find("select c.statusIndex from Certificate c where c.revokedAt is not null and c.statusIndex >= ?1"
                + " and c.statusIndex < ?2", from, to).project(Long.class).list();
    }

    /** The highest status index given so far (-1: none). */
    public static long maxStatusIndex() {
        Long max = find("select max(c.statusIndex) from Certificate c").project(Long.class).firstResult();
        return max == null ? -1 : max;
    }

    /**
     * Certificates whose code contains {@code code} (normalized, may be empty) or whose holder's name contains
     * {@code name} (any case), newest first.
     */
    public static List<Certificate> search(String code, String name, int limit) {
        String byName = "%" + likeEscaped(name.toLowerCase(Locale.ROOT)) + "%";
        if (code.isEmpty()) {
            return find("lower(holderName) like ?1 escape '!' order by issuedAt desc, id desc", byName).page(0, limit).list();
        }
        return find("(code like ?1 escape '!' or lower(holderName) like ?2 escape '!') order by issuedAt desc, id desc",
                "%" + likeEscaped(code) + "%", byName).page(0, limit).list();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** All certificates of the members a company has now, soonest expiry first. */
    public static List<Certificate> ofCompany(Company company) {
        return list("from Certificate c join fetch c.member where c.member.company.id = ?1 order by c.expiresOn, c.id",
                company.id);
    }

    public static List<Certificate> newestFirst(int limit) {
        return find("order by issuedAt desc, id desc").page(0, limit).list();
    }
}
