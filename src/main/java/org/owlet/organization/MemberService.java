package org.owlet.organization;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

/**
 * Members: created and refreshed from what the identity provider says, attached to their company, removed
 * and re-added by company admins, exported and erased on the member's request.
 */
@ApplicationScoped
public class MemberService {

    /**
     * What a token says about a person; only {@code subject} is required. {@code emailVerified} is null when
     * the token has no such claim.
     */
    public record Profile(String subject, String name, String email, Boolean emailVerified, String language,
            List<String> organizations, java.util.Set<String> roles) {

        public Profile(String subject, String name, String email, Boolean emailVerified, String language,
                List<String> organizations) {
            this(subject, name, email, emailVerified, language, organizations, null);
        }

        /** The Owlet roles among the token's roles, sorted, comma-separated; null when the token's roles are unknown. */
        String owletRoles() {
            return roles == null ? null : roles.stream().filter(OWLET_ROLES::contains).sorted()
                    .collect(java.util.stream.Collectors.joining(","));
        }
    }

    static final java.util.Set<String> OWLET_ROLES = java.util.Set.of("learner", "company-admin", "coalition-admin");

    @Inject
    TimeSource time;

    @Inject
    AuditLog audit;

    @Inject
    Instance<PersonalData> personalData;

    @Inject
    Event<CompanyJoined> joined;

    /**
     * Dev Services for OIDC sends no {@code email_verified} claim; in dev and test its emails are taken as
     * verified so the demo users land in their demo companies. Never in production.
     */
    @ConfigProperty(name = "owlet.identity.trust-email-without-verified-claim", defaultValue = "false")
    boolean trustEmailWithoutVerifiedClaim;

    /** Records a sign-in: creates the member on first sight, refreshes the profile and works out the company. */
    @Transactional
    public Member signedIn(Profile profile) {
        Member member = Member.findBySubject(profile.subject()).orElseGet(() -> {
            Member created = new Member();
            created.subject = profile.subject();
            created.personKey = UUID.randomUUID().toString();
            created.firstSeenAt = time.now();
            return created;
        });
        if (profile.name() != null && !profile.name().isBlank()) {
            member.displayName = profile.name();
        }
        if (profile.email() != null && !profile.email().isBlank()) {
            member.email = profile.email();
        }
        if (member.preferredLanguage == null && profile.language() != null) {
            member.preferredLanguage = profile.language();
        }
        member.lastSeenAt = time.now();
        boolean isNew = member.id == null;
        String roles = profile.owletRoles();
        String previousRoles = member.roles;
        if (roles != null) {
            member.roles = roles;
        }
        member.persist();
        if (!isNew && roles != null && previousRoles != null && !previousRoles.equals(roles)) {
            audit.record(null, "member.roles-changed", member.company, member, "from [" + previousRoles + "] to [" + roles + "]");
        }
        attach(member, resolveCompany(profile));
        return member;
    }

    /** The company a sign-in points to: organization claim, then verified email domain, then none. */
    public CompanyResolution resolveCompany(Profile profile) {
        List<String> organizations = profile.organizations() == null ? List.of() : profile.organizations();
        if (organizations.size() > 1) {
            throw OrganizationRefusal.severalOrganizations(organizations);
        }
        if (organizations.size() == 1) {
            Optional<Company> byOrganization = Company.findActiveByOrgAlias(organizations.get(0));
            if (byOrganization.isPresent()) {
                return new CompanyResolution(byOrganization.get(), Member.CompanySource.ORGANIZATION);
            }
        }
        boolean verified = profile.emailVerified() != null ? profile.emailVerified() : trustEmailWithoutVerifiedClaim;
        if (verified && profile.email() != null && profile.email().contains("@")) {
            String domain = profile.email().substring(profile.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            Optional<Company> byDomain = CompanyDomain.findByDomain(domain).map(d -> d.company).filter(c -> c.active);
            if (byDomain.isPresent()) {
                return new CompanyResolution(byDomain.get(), Member.CompanySource.EMAIL_DOMAIN);
            }
        }
        return new CompanyResolution(null, null);
    }

    public record CompanyResolution(Company company, Member.CompanySource source) {
    }

    /** Where the member belongs after this sign-in; {@code UNCHANGED} when nothing is to change. */
    private Company target(Member member, CompanyResolution resolution) {
        Company target = resolution.company();
        if (target != null && member.id != null && CompanyRemoval.exists(target, member)) {
            target = null; // a company admin's removal wins over the claim until re-added
        }
        if (target == null && member.companySource == Member.CompanySource.ADMIN && member.company != null
                && !CompanyRemoval.exists(member.company, member)) {
            return member.company; // re-added by an admin: stays until the claims point somewhere else
        }
        return target;
    }

    /** True when a sign-in with this profile would change nothing about the member's company. */
    public boolean isUpToDate(Member member, Profile profile) {
        String roles = profile.owletRoles();
        if (roles != null && !roles.equals(member.roles)) {
            return false;
        }
        return sameCompany(target(member, resolveCompany(profile)), member.company);
    }

    private void attach(Member member, CompanyResolution resolution) {
        Company target = target(member, resolution);
        if (sameCompany(target, member.company)) {
            if (target != null && member.companySource != Member.CompanySource.ADMIN && resolution.source() != null) {
                member.companySource = resolution.source();
            }
            return;
        }
        Company previous = member.company;
        member.company = target;
        member.companySource = target == null ? null : resolution.source();
        member.companySince = target == null ? null : time.now();
        audit.record(null, "member.company-changed", target != null ? target : previous, member,
                "from " + (previous == null ? "none" : previous.slug) + " to " + (target == null ? "none" : target.slug)
                        + (target == null ? "" : " by " + resolution.source().name().toLowerCase(Locale.ROOT)));
        if (target != null) {
            joined.fire(new CompanyJoined(member, target));
        }
    }

    private static boolean sameCompany(Company a, Company b) {
        return a == null ? b == null : b != null && a.id.equals(b.id);
    }

    public Optional<Member> find(String subject) {
        return Member.findBySubject(subject);
    }

    /** The admin's company; a company admin who belongs to no company is refused (403, {@code no_company}). */
    public Company companyOf(Member admin) {
        if (admin == null || admin.company == null) {
            throw new NotAllowed(OrganizationRefusal.NO_COMPANY);
        }
        return admin.company;
    }

    public List<Member> team(Member admin, String search) {
        return Member.ofCompany(companyOf(admin), search);
    }

    /** Members this admin's company removed, who can be re-added. */
    public List<Member> removed(Member admin) {
        Company company = companyOf(admin);
        return CompanyRemoval
                .<CompanyRemoval> list("from CompanyRemoval r join fetch r.member where r.company.id = ?1 order by r.removedAt desc",
                        company.id)
                .stream()
                .map(r -> r.member).toList();
    }

    /**
     * A member of the admin's own company whom the admin may remove (for the confirmation page): another company's
     * member 404, the admin themself 400, as {@link #remove} would answer.
     */
    @Transactional
    public Member removable(Member admin, long memberId) {
        Company company = companyOf(admin);
        Member member = Member.<Member> findByIdOptional(memberId)
                .filter(m -> m.company != null && m.company.id.equals(company.id))
                .orElseThrow(() -> new NotFound("member " + memberId));
        if (member.id.equals(admin.id)) {
            throw new InvalidInput("org", FieldError.of("id", "team_error_remove_self"));
        }
        return member;
    }

    /** Removes a member from the admin's own company; their records stay theirs. Another company's member: 404. */
    @Transactional
    public Member remove(Member admin, long memberId) {
        Member member = removable(admin, memberId);
        if (!CompanyRemoval.exists(member.company, member)) {
            CompanyRemoval removal = new CompanyRemoval();
            removal.company = member.company;
            removal.member = member;
            removal.removedAt = time.now();
            removal.removedBy = Member.findById(admin.id);
            removal.persist();
        }
        Company from = member.company;
        member.company = null;
        member.companySource = null;
        member.companySince = null;
        audit.record(Member.findById(admin.id), "member.removed", from, member, null);
        return member;
    }

    /** Re-adds a member this company removed earlier. Anyone else: 404. */
    @Transactional
    public Member readd(Member admin, long memberId) {
        Company company = companyOf(admin);
        CompanyRemoval removal = CompanyRemoval.<CompanyRemoval> find("company.id = ?1 and member.id = ?2", company.id, memberId)
                .firstResultOptional().orElseThrow(() -> new NotFound("removed member " + memberId));
        Member member = removal.member;
        removal.delete();
        member.company = removal.company;
        member.companySource = Member.CompanySource.ADMIN;
        member.companySince = time.now();
        audit.record(Member.findById(admin.id), "member.readded", removal.company, member, null);
        joined.fire(new CompanyJoined(member, removal.company));
        return member;
    }

    /** Everything Owlet holds about a member, for their own download: one section per {@link PersonalData}. */
    @Transactional
    public Map<String, Object> export(Member member) {
        Member current = Member.findById(member.id);
        Map<String, Object> export = new LinkedHashMap<>();
        for (PersonalData section : sections()) {
            export.put(section.name(), section.export(current));
        }
        return export;
    }

    /**
     * Erases a member's personal data through every {@link PersonalData} section. The member row stays, with its
     * pseudonymous key and company, so that anonymous counts (trained employees per company and period) stay
     * right; name, email, subject and language are gone, and audit entries no longer name them.
     */
    @Transactional
    public void erase(Member member) {
        Member current = Member.findById(member.id);
        if (current.isErased()) {
            return;
        }
        // the profile (the member row with name and email) goes last, so that every other section can still find the
        // member's rows by address (e.g. invitations sent to it)
        List<PersonalData> sections = sections();
        for (PersonalData section : sections) {
            if (!ProfilePersonalData.NAME.equals(section.name())) {
                section.erase(current);
            }
        }
        for (PersonalData section : sections) {
            if (ProfilePersonalData.NAME.equals(section.name())) {
                section.erase(current);
            }
        }
        if (!current.isErased()) {
            throw new IllegalStateException("No PersonalData section erased the member row");
        }
        audit.record(current, "member.erased", current.company, current, null);
    }

    /** The sections, the profile first and then by name, so that the export reads the same every time. */
    List<PersonalData> sections() {
        return personalData.stream()
                .sorted(Comparator.comparing((PersonalData p) -> !ProfilePersonalData.NAME.equals(p.name()))
                        .thenComparing(PersonalData::name))
                .toList();
    }

    /** Members attached to a company now, erased ones included (they were, and stay, counted). */
    public long countInCompany(Company company) {
        return Member.count("company.id", company.id);
    }
}
