package org.owlet.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.owlet.organization.Caller;
import org.owlet.organization.KnownMembers;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.organization.MemberService;
import org.owlet.web.PreferredLanguage;
import org.owlet.web.TimeSource;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;

/**
 * Who is calling: the claims of the access token (bearer calls, and the code flow's access token for
 * pages) completed by the ID token, and the member record that goes with them.
 */
@RequestScoped
public class CurrentUser implements PreferredLanguage, Caller {

    /** How stale a member's last-seen time may get before a request refreshes it. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken accessToken;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    @Inject
    MemberService members;

    @Inject
    TimeSource time;

    @Inject
    KnownMembers known;

    private Member member;

    private MemberRef ref;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String subject() {
        String sub = claim("sub");
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public String name() {
        String name = claim("name");
        if (name == null || name.isBlank()) {
            name = claim("preferred_username");
        }
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String email() {
        String email = claim("email");
        if (email == null) {
            String username = claim("preferred_username");
            if (username != null && username.contains("@")) {
                return username;
            }
        }
        return email;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The raw {@code organization} claim, as the identity provider sent it (null when absent). */
    public Object organizationClaim() {
        Object value = rawClaim("organization");
        return value;
    }

    /** The raw {@code email_verified} claim. */
    public Object emailVerifiedClaim() {
        return rawClaim("email_verified");
    }

    /** The member record, created on first sight. */
    public Member member() {
        if (member == null && isSignedIn()) {
            MemberRef resolved = memberRef();
            member = Member.findById(resolved.id());
            if (member == null) { // erased or gone since it was cached: resolve again
                known.forget(subject());
                ref = null;
                member = Member.findById(memberRef().id());
            }
        }
        return member;
    }

    /**
     * The member's id, key and company, from {@link KnownMembers} when the token says the same as when it was resolved:
     * no query then. Otherwise the member is found (and its company worked out) as on a sign-in; its row is written only
     * when something changed or its last-seen time is more than {@link #TOUCH_INTERVAL} old.
     */
    @Override
    public MemberRef memberRef() {
        if (ref == null && isSignedIn()) {
            MemberService.Profile profile = profile();
            ref = known.get(profile).orElseGet(() -> {
                long generation = known.generation();
                Member found = members.find(profile.subject())
                        .filter(m -> m.lastSeenAt.plus(TOUCH_INTERVAL).isAfter(time.now()))
                        .filter(m -> members.isUpToDate(m, profile)).orElse(null);
                if (found == null) {
                    found = members.signedIn(profile);
                    generation = known.generation(); // the sign-in's own write, committed: what it read is current
                }
                member = found;
                MemberRef resolved = MemberRef.of(found);
                known.put(profile, resolved, generation);
                return resolved;
            });
        }
        return ref;
    }

    /** What the token says about the caller, for the member record and company resolution. */
    public MemberService.Profile profile() {
        return new MemberService.Profile(subject(), name(), email(), emailVerified(), claim("locale"),
                asList(rawClaim("organization")), identity.getRoles());
    }

    private Boolean emailVerified() {
        Object value = rawClaim("email_verified");
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(value.toString());
    }

    @Override
    public Optional<String> forCurrentUser() {
        // a 403 from @RolesAllowed is rendered on the event loop, where the database may not be used:
        // the error page then takes the language from the cookie or Accept-Language
        if (!isSignedIn() || Context.isOnEventLoopThread()) {
            return Optional.empty();
        }
        // the member as known (no query), else its row; never created here (a refused sign-in must still get its page)
        MemberRef known = ref != null ? ref : this.known.get(profile()).orElse(null);
        if (known != null) {
            return Optional.ofNullable(known.preferredLanguage());
        }
        return members.find(subject()).map(m -> m.preferredLanguage);
    }

    private String claim(String name) {
        Object value = rawClaim(name);
        return value == null ? null : value instanceof JsonString s ? s.getString() : value.toString();
    }

    private Object rawClaim(String name) {
        if (identity.isAnonymous()) {
            return null;
        }
        Object value = claimOf(accessToken, name);
        // a bearer call has no ID token: asking the producer for one then logs a WARN on every request
        if (value == null && identity.getCredential(IdTokenCredential.class) != null && idToken.isResolvable()) {
            value = claimOf(idToken.get(), name);
        }
        if (value == null && identity.getPrincipal() instanceof JsonWebToken principal) {
            value = claimOf(principal, name);
        }
        return value;
    }

    private static Object claimOf(JsonWebToken token, String name) {
        try {
            // getClaim alone: getClaimNames and containsClaim copied the token's whole claims map on every call
            // (3 % of the authenticated no-op's CPU)
            return token == null ? null : token.getClaim(name);
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    static List<String> asList(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (claim instanceof JsonString s) {
            return List.of(s.getString());
        }
        return List.of(claim.toString());
    }
}
