package org.owlet.organization.invitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.owlet.organization.AuditLog;
import org.owlet.organization.Company;
import org.owlet.organization.CompanyJoined;
import org.owlet.organization.CompanyRemoval;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
import org.owlet.web.StoredText;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Company admins invite staff by email; the identity provider sends the email ({@link InvitationSender}). An
 * invitation is recorded first, in its own transaction (the unique constraint allows one pending invitation per
 * company and address), then sent outside any transaction, then its outcome is recorded with the audit entry: a slow
 * or failing Keycloak never holds a database transaction, and an invitation whose email did not go out says so.
 * <p>
 * Who may be invited: a valid address that is not a member of the company, not a member the company removed (re-add
 * them instead) and not already invited. An address outside the company's email domains only when the admin
 * confirms it belongs to their staff, and only when Owlet can send email: without it, the person could join only
 * by the verified-domain rule, which such an address does not meet.
 */
@ApplicationScoped
public class InvitationService {

    static final Set<String> RACES = Set.of(Invitation.PENDING_UNIQUE);

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 200;

    @Inject
    InvitationSender sender;

    @Inject
    InvitationConfig config;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    /** One address to invite, as typed or read from a CSV row ({@code row} 0 for the form). */
    public record Candidate(long row, String email, String name) {
    }

    /** What is wrong with a candidate: the field ({@code email}, {@code name} or {@code outside}) and the message key. */
    public record Problem(long row, String field, String messageKey, String value) {
        /** True when the problem is about the name column (else the address, or the confirmation of it). */
        public boolean aboutName() {
            return "name".equals(field);
        }
    }

    /** What happened to one invitation's email: empty failure when it went out. */
    public record Outcome(long row, Invitation invitation, Optional<SendFailure> failure) {
        public boolean sent() {
            return failure.isEmpty();
        }

        /** Why no email went out, or null. */
        public SendFailure reason() {
            return failure.orElse(null);
        }
    }

    /** True when this company's invitations are emailed: sending is configured and the company has an organization. */
    public boolean sendsEmail(Company company) {
        return sender.configured() && company.orgAlias != null && !company.orgAlias.isBlank();
    }

    public Company companyOf(Member admin) {
        return members.companyOf(admin);
    }

    /** The company's email domains (the verified-domain rule places people with an address there in the company). */
    public List<String> domainsOf(Company company) {
        return QuarkusTransaction.requiringNew().call(() -> Company.<Company> findByIdOptional(company.id).orElseThrow().domainNames());
    }

    /** The company's pending and accepted invitations, newest first. */
    public List<Invitation> list(Member admin) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.shownFor(companyOf(admin)));
    }

    /** One invitation of the admin's company, for a notice; another company's is not found. */
    public Optional<Invitation> find(Member admin, long id) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.ofCompany(companyOf(admin), id));
    }

    /** Invites one address typed into the form. Problems: {@link InvalidInput} with the form's fields, nothing recorded. */
    public Outcome invite(Member admin, String email, String name, boolean outsideConfirmed) {
        Company company = companyOf(admin);
        Candidate candidate = new Candidate(0, Invitation.normalize(email), blankToNull(name));
        List<Problem> problems = check(company, List.of(candidate), outsideConfirmed);
        if (!problems.isEmpty()) {
            throw new InvalidInput("org", problems.stream().map(p -> new FieldError(p.field(), p.messageKey(), p.value())).toList());
        }
        return record(admin, company, List.of(candidate)).get(0);
    }

    /**
     * Invites every row of an upload, or none: with any problem, the problems by row and nothing is recorded. Each
     * invitation's email is then sent on its own; the outcomes say which went out.
     */
    public Upload inviteAll(Member admin, List<Candidate> candidates, boolean outsideConfirmed) {
        Company company = companyOf(admin);
        List<Problem> problems = check(company, candidates, outsideConfirmed);
        if (!problems.isEmpty()) {
            return new Upload(problems, List.of());
        }
        return new Upload(List.of(), record(admin, company, candidates));
    }

    /** The result of an upload: problems (nothing recorded) or every row's outcome. */
    public record Upload(List<Problem> problems, List<Outcome> outcomes) {
    }

    /** Everything wrong with these candidates, by row, in row order. */
    List<Problem> check(Company company, List<Candidate> candidates, boolean outsideConfirmed) {
        boolean sendsEmail = sendsEmail(company);
        return QuarkusTransaction.requiringNew().call(() -> checkIn(company, candidates, outsideConfirmed, sendsEmail));
    }

    private static List<Problem> checkIn(Company company, List<Candidate> candidates, boolean outsideConfirmed, boolean sendsEmail) {
        List<String> domains = Company.<Company> findByIdOptional(company.id).orElseThrow().domainNames();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Candidate c : candidates) {
            String email = c.email() == null ? "" : c.email();
            if (email.isEmpty()) {
                problems.add(new Problem(c.row(), "email", "invitations_error_email_required", ""));
            } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem(c.row(), "email", "invitations_error_email_format", email));
            } else if (seen.containsKey(email)) {
                problems.add(new Problem(c.row(), "email", "invitations_error_email_repeated", email));
            } else {
                seen.put(email, c.row());
                String domain = email.substring(email.lastIndexOf('@') + 1);
                Optional<String> taken = taken(company, email);
                if (taken.isPresent()) {
                    problems.add(new Problem(c.row(), "email", taken.get(), email));
                } else if (!domains.contains(domain) && !sendsEmail) {
                    problems.add(new Problem(c.row(), "email", "invitations_error_outside_without_email", email));
                } else if (!domains.contains(domain) && !outsideConfirmed) {
                    problems.add(new Problem(c.row(), "outside", "invitations_error_outside_unconfirmed", email));
                }
            }
            if (c.name() != null && (c.name().length() > MAX_NAME || c.name().chars().anyMatch(Character::isISOControl))) {
                problems.add(new Problem(c.row(), "name", "invitations_error_name", ""));
            } else if (!StoredText.isReadableLine(c.name())) {
                problems.add(new Problem(c.row(), "name", "text_unreadable", ""));
            }
        }
        return problems;
    }

    /** Why this address cannot be invited by this company now (a message key), if it cannot. */
    private static Optional<String> taken(Company company, String email) {
        if (Member.count("company.id = ?1 and lower(email) = ?2", company.id, email) > 0) {
            return Optional.of("invitations_error_member");
        }
        if (CompanyRemoval.count("company.id = ?1 and lower(member.email) = ?2", company.id, email) > 0) {
            return Optional.of("invitations_error_removed");
        }
        if (Invitation.pending(company, email).isPresent()) {
            return Optional.of("invitations_error_pending");
        }
        return Optional.empty();
    }

    /** Records the invitations in one transaction (a concurrent one for the same address: nothing), then sends each. */
    private List<Outcome> record(Member admin, Company company, List<Candidate> candidates) {
        boolean sendsEmail = sendsEmail(company);
        List<Long> ids;
        try {
            ids = QuarkusTransaction.requiringNew().call(() -> {
                Member by = Member.findById(admin.id);
                Company of = Company.findById(company.id);
                List<Long> created = new ArrayList<>();
                for (Candidate c : candidates) {
                    Invitation invitation = new Invitation();
                    invitation.company = of;
                    invitation.email = c.email();
                    invitation.pendingEmail = c.email();
                    invitation.name = c.name();
                    invitation.invitedBy = by;
                    invitation.invitedAt = time.now();
                    invitation.status = Invitation.Status.PENDING;
                    claim(invitation, sendsEmail);
                    invitation.persist();
                    invitation.flush();
                    created.add(invitation.id);
                }
                return created;
            });
        } catch (RuntimeException e) {
            if (Transactions.isViolationOf(e, RACES)) {
                throw new InvalidInput("org", FieldError.of("email", "invitations_error_pending"));
            }
            throw e;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Candidate c = candidates.get(i);
            outcomes.add(deliver(c.row(), admin, ids.get(i), c.email(), c.name(), company, sendsEmail, "invitation.sent", null));
        }
        return outcomes;
    }

    /** Marks an email as going out now (so a concurrent resend waits), or records why none will. */
    private void claim(Invitation invitation, boolean sendsEmail) {
        if (sendsEmail) {
            invitation.lastSentAt = time.now();
            invitation.sendCount++;
            invitation.sendFailure = null;
        } else {
            invitation.sendFailure = SendFailure.NOT_CONFIGURED;
        }
    }

    /**
     * Sends (outside any transaction) and records the outcome with the audit entry. On failure the claim is undone:
     * {@code previousSentAt} is when an email last went out before this attempt.
     */
    private Outcome deliver(long row, Member admin, long id, String email, String name, Company company, boolean sendsEmail, String action,
            Instant previousSentAt) {
        Optional<SendFailure> failure = sendsEmail
                ? sender.invite(company.orgAlias, email, firstName(name), lastName(name))
                : Optional.of(SendFailure.NOT_CONFIGURED);
        Invitation updated = QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = Invitation.findById(id);
            if (failure.isPresent() && sendsEmail) {
                invitation.sendCount--;
                invitation.lastSentAt = previousSentAt;
            }
            invitation.sendFailure = failure.orElse(null);
            audit.record(Member.findById(admin.id), action, invitation.company, null, "invitation #" + id + ": "
                    + failure.map(f -> "not emailed (" + f.name().toLowerCase(Locale.ROOT) + ")").orElse("emailed"));
            return invitation;
        });
        return new Outcome(row, updated, failure);
    }

    /** Why a resend is refused now: too soon after the last email, or too many emails already. */
    public enum ResendRefusal {
        TOO_SOON, TOO_MANY
    }

    /** The result of a resend: the outcome, or why it was refused (nothing sent). */
    public record Resend(Optional<Outcome> outcome, Optional<ResendRefusal> refusal, Invitation invitation) {
    }

    /** Sends a pending invitation again, at most every {@code resend-after} and {@code max-sends} times in all. */
    public Resend resend(Member admin, long id) {
        Company company = companyOf(admin);
        boolean sendsEmail = sendsEmail(company);
        Instant now = time.now();
        Instant cutoff = now.minus(config.resendAfter());
        record Claim(Invitation invitation, Instant previous, Optional<ResendRefusal> refusal) {
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> {
            Invitation invitation = Invitation.ofCompany(company, id).filter(Invitation::isPending)
                    .orElseThrow(() -> new NotFound("invitation " + id));
            Instant previous = invitation.lastSentAt;
            if (!sendsEmail) {
                return new Claim(invitation, previous, Optional.empty());
            }
            int claimed = Invitation.update("lastSentAt = ?1, sendCount = sendCount + 1, sendFailure = null"
                    + " where id = ?2 and status = ?3 and sendCount < ?4"
                    + " and (lastSentAt is null or sendFailure is not null or lastSentAt <= ?5)",
                    now, id, Invitation.Status.PENDING, config.maxSends(), cutoff);
            if (claimed == 0) {
                return new Claim(invitation,
                        previous, Optional.of(invitation.sendCount >= config.maxSends() ? ResendRefusal.TOO_MANY : ResendRefusal.TOO_SOON));
            }
            return new Claim(invitation, previous, Optional.empty());
        });
        if (claim.refusal().isPresent()) {
            return new Resend(Optional.empty(), claim.refusal(), claim.invitation());
        }
        Outcome outcome = deliver(0, admin, id, claim.invitation().email, claim.invitation().name, company, sendsEmail,
                "invitation.resent", claim.previous());
        return new Resend(Optional.of(outcome), Optional.empty(), outcome.invitation());
    }

    /**
     * Withdraws a pending invitation; Keycloak's invitation is then cancelled so its link stops working. The
     * withdrawal stands even when Keycloak cannot be reached; the failure is returned so the page can say so.
     */
    public Optional<SendFailure> withdraw(Member admin, long id) {
        Company company = companyOf(admin);
        Invitation invitation = QuarkusTransaction.requiringNew().call(() -> {
            Invitation found = Invitation.ofCompany(company, id).filter(Invitation::isPending)
                    .orElseThrow(() -> new NotFound("invitation " + id));
            int changed = Invitation.update("status = ?1, withdrawnAt = ?2, pendingEmail = null where id = ?3 and status = ?4",
                    Invitation.Status.WITHDRAWN, time.now(), id, Invitation.Status.PENDING);
            if (changed == 0) {
                throw new NotFound("invitation " + id);
            }
            audit.record(Member.findById(admin.id), "invitation.withdrawn", found.company, null, "invitation #" + id);
            return found;
        });
        if (!sendsEmail(company) || invitation.sendCount == 0) {
            return Optional.empty();
        }
        return sender.withdraw(company.orgAlias, invitation.email);
    }

    /** A member who joins a company accepts its pending invitation for their address. */
    void onJoined(@Observes CompanyJoined joined) {
        Member member = joined.member();
        if (member.email == null || member.email.isBlank()) {
            return;
        }
        String email = Invitation.normalize(member.email);
        List<Invitation> pending = Invitation.list("company.id = ?1 and pendingEmail = ?2", joined.company().id, email);
        for (Invitation invitation : pending) {
            invitation.status = Invitation.Status.ACCEPTED;
            invitation.acceptedAt = time.now();
            invitation.member = member;
            invitation.pendingEmail = null;
            audit.record(null, "invitation.accepted", joined.company(), member, "invitation #" + invitation.id);
        }
    }

    /** The given name Keycloak is sent: the name without its last word (the whole name if it has one word). */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space).strip();
    }

    /** The family name Keycloak is sent: the last word of a name of several words, else empty. */
    static String lastName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
