package org.owlet.certification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.AuditLog;
import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.web.Languages;
import org.owlet.web.StoredText;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Issues certificates when learning reports a pass, and everything done with them afterwards: verification,
 * PDFs, Open Badges credentials, name corrections, revocation and the renewal list.
 */
@ApplicationScoped
public class CertificationService {

    private static final Logger LOG = Logger.getLogger(CertificationService.class);
    public static final int MAX_NAME = 200;

    /** The longest revocation reason (its column's size); a longer one is refused, never cut. */
    static final int MAX_REASON = 1000;
    /** The audit action of a holder's name correction (details: certificate, editions, old and new name). */
    public static final String NAME_CORRECTED = "certificate.name_corrected";
    private static final Set<String> EDITION_RACES = Set.of("certificate_edition_unique");

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    @Inject
    AuditLog audit;

    @Inject
    CertificatePdf pdf;

    @Inject
    OpenBadges badges;

    @Inject
    CertificationConfig config;

    @ConfigProperty(name = "owlet.public-url")
    String publicUrl;

    /** A pass (final or refresher) earns a certificate; the same attempt never earns two. */
    @Transactional
    void onPassed(@Observes FinalAssessmentPassed passed) {
        issue(passed);
    }

    @Transactional
    public Certificate issue(FinalAssessmentPassed passed) {
        Optional<Certificate> existing = Certificate.findByAttempt(passed.attemptId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Member member = Member.findById(passed.memberId());
        if (member == null) {
            throw new IllegalArgumentException("no member " + passed.memberId() + " for attempt " + passed.attemptId());
        }
        Course course = catalog.course(passed.courseId(), passed.contentHash()).or(() -> catalog.course(passed.courseId()))
                .orElseThrow(() -> new IllegalArgumentException("no course " + passed.courseId()));
        String language = Languages.match(passed.language()).map(Languages.Language::tag).orElse(passed.language());
        LocalDate issued = LocalDate.ofInstant(passed.passedAt(), ZoneOffset.UTC);
        Certificate renews = passed.refresher() ? Certificate.latestFor(member, passed.courseId()).orElse(null) : null;
        // a renewal before expiry continues the old certificate: no day of validity is lost
        LocalDate start = renews != null && !renews.expiresOn.isBefore(issued) ? renews.expiresOn.plusDays(1) : issued;

        Certificate c = new Certificate();
        c.code = uniqueCode();
        c.codeHash = VerificationCodes.hash(c.code);
        c.member = member;
        c.personKey = member.personKey;
        c.holderName = member.isErased() ? null : holderName(member);
        Company company = passed.companyId() == null ? null : Company.findById(passed.companyId());
        c.company = company;
        c.companyName = company == null ? null : company.name;
        c.courseId = course.id();
        c.courseVersion = passed.courseVersion() != null ? passed.courseVersion() : course.version();
        c.contentHash = passed.contentHash() != null ? passed.contentHash() : course.contentHash();
        c.courseTitle = course.title().in(language, course.defaultLanguage());
        c.language = language;
        c.score = passed.score();
        c.attemptId = passed.attemptId();
        c.refresher = passed.refresher();
        c.renews = renews;
        c.issuedOn = issued;
        c.expiresOn = start.plusMonths(course.certificateValidityMonths()).minusDays(1);
        c.renewalOpensOn = c.expiresOn.minusDays(course.renewalWindowDays());
        c.issuedAt = time.now();
        c.persist();
        c.statusIndex = c.id;
        LOG.infof("Certificate %d issued for attempt %d (course %s)%s", c.id, c.attemptId, c.courseId,
                renews == null ? "" : ", renewing " + renews.id);
        return c;
    }

    /** The name a member corrected on an earlier certificate wins over the profile's (which the identity provider sets). */
    private static String holderName(Member member) {
        Optional<Certificate> corrected = Certificate.find("member.id = ?1 and reissuedAt is not null and holderName is not null"
                + " order by reissuedAt desc", member.id).firstResultOptional();
        return corrected.map(c -> c.holderName).orElse(member.label());
    }

    private static String uniqueCode() {
        for (int i = 0; i < 5; i++) {
            String code = VerificationCodes.generate();
            if (Certificate.findByCodeHash(VerificationCodes.hash(code)).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("could not find an unused verification code");
    }

    // ---- public verification ---------------------------------------------------------------------

    /**
     * The certificate with this code. Always the same work whatever is asked (normalise, hash, one indexed look-up
     * by hash), so neither the answer's timing nor its shape tells a near miss from a wild guess.
     */
    @Transactional
    public Optional<Certificate> verify(String code) {
        return Certificate.findByCodeHash(VerificationCodes.hash(code));
    }

    public String verifyUrl(Certificate c) {
        return badges.base() + "/verify/" + c.code;
    }

    // ---- the holder --------------------------------------------------------------------------------

    @Transactional
    public List<Certificate> of(Member member) {
        List<Certificate> list = Certificate.ofMember(member);
        list.forEach(c -> c.isRenewed());
        return list;
    }

    /**
     * The member's own certificate, else 404 (another member's id tells nothing). One statement: the member is compared by
     * the certificate's column, not loaded.
     */
    @Transactional
    public Certificate own(Member member, long id) {
        return own(member.id, id);
    }

    /**
     * The caller's own certificate, the caller resolved in the same transaction: when the member cache has to look the
     * caller up, that read ends with the transaction too. Read outside one, it kept its database connection until the
     * request ended, through the wait for a PDF renderer: at 64 downloads at once the pool (8) ran dry and requests got 503.
     */
    @Transactional
    public Certificate own(Caller caller, long id) {
        return own(caller.memberRef().id(), id);
    }

    /** {@link #own(Member, long)} by the member's id (the caller's {@code MemberRef}: no read of the member's row). */
    @Transactional
    public Certificate own(long memberId, long id) {
        return Certificate.<Certificate> find("id = ?1 and member.id = ?2", id, memberId).firstResultOptional()
                .orElseThrow(() -> new NotFound("certificate " + id));
    }

    public byte[] pdf(Certificate c) {
        return pdf.render(pdf.content(c, verifyUrl(c), config.issuerName()));
    }

    public Map<String, Object> credential(Certificate c) {
        CertificationMessages m = MessageBundles.get(CertificationMessages.class,
                Localized.Literal.of(Languages.match(c.language).orElse(Languages.DEFAULT).tag()));
        return badges.credential(c, verifyUrl(c), m.badge_criteria(c.courseTitle), m.badge_description(c.courseTitle));
    }

    public String signedCredential(Certificate c) {
        return badges.sign(credential(c));
    }

    /**
     * The revocation status list {@code list} (1, 2, …) as a signed {@code BitstringStatusListCredential}: a bit per
     * certificate, set when it is revoked. A list no certificate has reached yet is not found.
     */
    @Transactional
    public String signedStatusList(int list) {
        if (list < 1 || list > StatusList.listOf(Math.max(0, Certificate.maxStatusIndex()))) {
            throw new NotFound("status list " + list);
        }
        long first = StatusList.firstIndexOf(list);
        List<Integer> revoked = Certificate.revokedStatusIndexes(first, first + StatusList.SIZE).stream()
                .map(StatusList::positionOf).toList();
        return badges.sign(badges.statusListCredential(list, StatusList.encode(revoked), time.now()));
    }

    /**
     * A name correction: every certificate of the member that shows another name is re-issued with the corrected name
     * and the same verification code, as its next edition. The edition it replaces is kept ({@link CertificateEdition}),
     * each change is audited with the old and the new name, and a certificate takes at most
     * {@link Certificate#MAX_NAME_CORRECTIONS} corrections: past that, nothing changes and the holder is told to ask an
     * administrator. Returns how many certificates were re-issued.
     */
    public int correctName(Member member, String name) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InvalidInput("cert", new FieldError("name", "mine_name_error", trimmed));
        }
        if (!StoredText.isReadableLine(trimmed)) {
            throw new InvalidInput("cert", FieldError.of("name", "text_unreadable"));
        }
        // two corrections at once: the second to write an edition loses on the unique constraint and runs again,
        // seeing the first's editions (so the limit holds)
        return Transactions.retrying(EDITION_RACES, () -> {
            List<Certificate> changed = Certificate.<Certificate> list("member.id = ?1 and holderName is not null", member.id)
                    .stream().filter(c -> !c.holderName.equals(trimmed)).toList();
            if (changed.stream().anyMatch(c -> !c.mayCorrectName())) {
                throw new InvalidInput("cert", new FieldError("name", "mine_name_limit", trimmed));
            }
            Member actor = Member.findById(member.id);
            for (Certificate c : changed) {
                reissue(c, trimmed, actor, "");
            }
            return changed.size();
        });
    }

    /**
     * A coalition admin's correction of one certificate's holder name, past the holder's own limit: same code, next
     * edition, the replaced edition kept, audited with the admin as actor and the reason given.
     */
    public Certificate correctNameAsAdmin(Member admin, long id, String name, String reason) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        String why = reason == null ? "" : reason.strip();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            errors.add(new FieldError("name", "mine_name_error", trimmed));
        } else if (!StoredText.isReadableLine(trimmed)) {
            errors.add(FieldError.of("name", "text_unreadable"));
        }
        if (why.isEmpty() || why.length() > 1000) {
            errors.add(FieldError.of("reason", "admin_name_reason_required"));
        } else if (!StoredText.isReadableText(why)) {
            errors.add(FieldError.of("reason", "text_unreadable"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("cert", errors);
        }
        return Transactions.retrying(EDITION_RACES, () -> {
            Certificate c = Certificate.<Certificate> findByIdOptional(id).orElseThrow(() -> new NotFound("certificate " + id));
            if (c.holderName == null) {
                throw new NotFound("certificate " + id); // erased: there is no name to correct
            }
            if (!c.holderName.equals(trimmed)) {
                reissue(c, trimmed, admin == null ? null : Member.findById(admin.id), " (by an administrator: " + why + ")");
            }
            return c;
        });
    }

    /** Keeps the current edition, then re-issues the certificate under the new name as its next edition, audited. */
    private void reissue(Certificate c, String name, Member actor, String note) {
        CertificateEdition previous = new CertificateEdition();
        previous.certificate = c;
        previous.edition = c.edition;
        previous.holderName = c.holderName;
        previous.issuedAt = c.reissuedAt != null ? c.reissuedAt : c.issuedAt;
        previous.replacedAt = time.now();
        previous.persist();
        audit.record(actor, NAME_CORRECTED, c.company, c.member, "certificate " + c.id + " (" + c.courseId + "), edition " + c.edition
                + " → " + (c.edition + 1) + ": name \"" + c.holderName + "\" corrected to \"" + name + "\"" + note);
        c.holderName = name;
        c.edition++;
        c.reissuedAt = previous.replacedAt;
    }

    /** The earlier editions of the member's certificates, by certificate id, newest first. */
    @Transactional
    public Map<Long, List<CertificateEdition>> earlierEditions(List<Certificate> certificates) {
        return CertificateEdition.of(certificates.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.certificate.id, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * An earlier edition of a certificate, drawn as it was issued (with today's revocation mark, if revoked). The edition is
     * read in a transaction of its own, so no database connection is held while the PDF is drawn.
     */
    public byte[] pdf(Certificate c, int edition) {
        if (edition == c.edition) {
            return pdf(c);
        }
        CertificateEdition earlier = QuarkusTransaction.joiningExisting().call(() -> CertificateEdition.find(c, edition))
                .orElseThrow(() -> new NotFound("edition " + edition + " of certificate " + c.id));
        return pdf.render(pdf.content(c, earlier.holderName, earlier.edition, verifyUrl(c), config.issuerName()));
    }

    // ---- company admins ---------------------------------------------------------------------------

    /** Every certificate of the members a company has now, soonest expiry first. */
    @Transactional
    public List<Certificate> ofCompany(Company company) {
        List<Certificate> all = Certificate.ofCompany(company);
        all.forEach(c -> c.member.label());
        return all;
    }

    @Transactional
    public List<Certificate> dueForRenewal(Company company) {
        List<Certificate> due = Certificate.dueForRenewal(company, time.today());
        due.forEach(c -> c.member.label());
        return due;
    }

    // ---- coalition admins --------------------------------------------------------------------------

    @Transactional
    public List<Certificate> recent(int limit) {
        return Certificate.newestFirst(limit);
    }

    /** Certificates by (part of) their code or their holder's name, newest first; a blank query: the most recent. */
    @Transactional
    public List<Certificate> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty() ? recent(limit) : Certificate.search(VerificationCodes.normalize(q), q, limit);
    }

    /** One certificate for the coalition admin's revocation page; unknown: 404. */
    @Transactional
    public Certificate byId(long id) {
        return Certificate.<Certificate> findByIdOptional(id).orElseThrow(() -> new NotFound("certificate " + id));
    }

    @Transactional
    public Certificate revoke(Member admin, long id, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON) {
            throw new InvalidInput("cert", FieldError.of("reason", "admin_reason_required"));
        }
        if (!StoredText.isReadableText(trimmed)) {
            throw new InvalidInput("cert", FieldError.of("reason", "text_unreadable"));
        }
        Certificate c = Certificate.<Certificate> findByIdOptional(id).orElseThrow(() -> new NotFound("certificate " + id));
        if (c.revokedAt == null) {
            c.revokedAt = time.now();
            c.revokedReason = trimmed;
            audit.record(admin == null ? null : Member.findById(admin.id), "certificate.revoked", c.company, c.member,
                    "certificate " + c.id + " (" + c.courseId + "): " + c.revokedReason);
        }
        return c;
    }

    public LocalDate today() {
        return time.today();
    }
}
