package org.owlet.organization;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.arc.Arc;

/**
 * Which member a token's subject is, resolved once and then kept for {@code owlet.identity.member-cache-ttl}: the
 * member row and the company resolution (organization claim, email domain, removals) cost two or three queries per
 * request otherwise. An entry is used only while the token says exactly the same (name, email, roles, organization
 * …), so a role or organization change in the identity provider takes effect on the next request; a change of the
 * member, a company, its domains or a removal made on this replica drops the entries at once ({@link Listener});
 * one made on another replica is seen here at the latest after the time-to-live.
 */
@ApplicationScoped
public class KnownMembers {

    /** An entry: the member as resolved for this profile. */
    public record Known(MemberRef member, MemberService.Profile profile) {
    }

    private final Cache<String, Known> cache;

    /** Bumped by every change, so a resolution that raced with a change is not cached. */
    private final AtomicLong generation = new AtomicLong();

    KnownMembers(@ConfigProperty(name = "owlet.identity.member-cache-ttl", defaultValue = "30S") Duration ttl,
            @ConfigProperty(name = "owlet.identity.member-cache-size", defaultValue = "200000") long size) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /** The member this subject was resolved to, if the token still says the same. */
    public Optional<MemberRef> get(MemberService.Profile profile) {
        Known known = cache.getIfPresent(profile.subject());
        return known != null && known.profile().equals(profile) ? Optional.of(known.member()) : Optional.empty();
    }

    /** What is kept for this subject now, whatever the token says (for tests and diagnostics). */
    public Optional<MemberRef> cached(String subject) {
        return Optional.ofNullable(cache.getIfPresent(subject)).map(Known::member);
    }

    /** The generation to pass to {@link #put}, read before resolving. */
    public long generation() {
        return generation.get();
    }

    /** Remembers a resolution, unless something changed since {@code generationBefore}. */
    public void put(MemberService.Profile profile, MemberRef member, long generationBefore) {
        cache.asMap().compute(profile.subject(),
                (subject, old) -> generation.get() == generationBefore ? new Known(member, profile) : null);
    }

    public void forget(String subject) {
        generation.incrementAndGet();
        if (subject == null) {
            cache.invalidateAll();
        } else {
            cache.invalidate(subject);
        }
    }

    void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** Drops entries when a member, a company, a domain or a removal is written (JPA entity listener). */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object entity) {
            KnownMembers known = Arc.container().instance(KnownMembers.class).get();
            if (entity instanceof Member member) {
                known.forget(member.subject);
            } else {
                known.forgetAll();
            }
        }
    }
}
