package org.owlet.organization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.web.TimeSource;

/**
 * The member's profile in their data export: what the identity provider said, the company, the pseudonymous key,
 * and company admins' removals of the member (and those the member made as a company admin, by member id).
 * <p>
 * Erasure scrubs the member row: subject (replaced by {@code erased:<person key>}, so a later sign-in starts
 * afresh), name, email and language go; the row stays with its id, person key, company and roles, so that the
 * member's records elsewhere stay counted but name nobody. Removal rows stay as they are: they hold no name, and
 * they still decide company membership.
 */
@ApplicationScoped
public class ProfilePersonalData implements PersonalData {

    public static final String NAME = "profile";

    @Inject
    TimeSource time;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(Member.class), PersonalData.tableOf(CompanyRemoval.class));
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", member.id);
        profile.put("subject", member.subject);
        profile.put("name", member.displayName);
        profile.put("email", member.email);
        profile.put("preferredLanguage", member.preferredLanguage);
        profile.put("roles", member.roles);
        profile.put("firstSeenAt", text(member.firstSeenAt));
        profile.put("lastSeenAt", text(member.lastSeenAt));
        profile.put("company", member.company == null ? null : member.company.name);
        profile.put("companySource", member.companySource == null ? null : member.companySource.name());
        profile.put("companySince", text(member.companySince));
        profile.put("personKey", member.personKey);
        profile.put("erasedAt", text(member.erasedAt));
        profile.put("removedFromCompanies", CompanyRemoval.<CompanyRemoval> list("member.id = ?1 order by removedAt, id", member.id)
                .stream().map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("company", r.company.name);
                    row.put("removedAt", text(r.removedAt));
                    row.put("removedBy", r.removedBy == null ? AuditLog.SYSTEM : r.removedBy.label());
                    return row;
                }).toList());
        profile.put("removalsYouMadeAsCompanyAdmin",
                CompanyRemoval.<CompanyRemoval> list("removedBy.id = ?1 order by removedAt, id", member.id)
                        .stream().map(r -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("company", r.company.name);
                            row.put("member", r.member.id);
                            row.put("removedAt", text(r.removedAt));
                            return row;
                        }).toList());
        return profile;
    }

    @Override
    public void erase(Member member) {
        member.erasedAt = time.now();
        member.subject = "erased:" + member.personKey;
        member.displayName = null;
        member.email = null;
        member.preferredLanguage = null;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
