package org.owlet.organization;

import java.time.Instant;

import org.hibernate.proxy.HibernateProxy;

/**
 * What the hot paths need to know about the signed-in member without reading the member row: its id, pseudonymous
 * key, company (null for none), first sign-in and chosen language (null for none). Taken from {@link KnownMembers}, so it is at most that cache's
 * time-to-live old for changes made on another replica, and current for changes made on this one.
 */
public record MemberRef(long id, String personKey, Long companyId, Instant firstSeenAt, String preferredLanguage) {

    public static MemberRef of(Member member) {
        return new MemberRef(member.id, member.personKey, idOf(member.company), member.firstSeenAt, member.preferredLanguage);
    }

    /** The company's id, without loading it when it is a lazy reference (the member may be detached). */
    private static Long idOf(Company company) {
        if (company instanceof HibernateProxy proxy) {
            return (Long) proxy.getHibernateLazyInitializer().getInternalIdentifier();
        }
        return company == null ? null : company.id;
    }
}
