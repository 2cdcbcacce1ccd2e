package org.owlet.organization;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.web.TimeSource;

/** Creates and refreshes members from what the identity provider says about them. */
@ApplicationScoped
public class MemberService {

    /** What a token says about a person; only {@code subject} is required. */
    public record Profile(String subject, String name, String email, String language) {
    }

    @Inject
    TimeSource time;

    /** Records a sign-in: creates the member on first sight, otherwise refreshes name, email and last-seen time. */
    @Transactional
    public Member signedIn(Profile profile) {
        Member member = Member.findBySubject(profile.subject()).orElseGet(() -> {
            Member created = new Member();
            created.subject = profile.subject();
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
        member.persist();
        return member;
    }

    public Optional<Member> find(String subject) {
        return Member.findBySubject(subject);
    }
}
