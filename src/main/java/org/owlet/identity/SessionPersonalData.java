package org.owlet.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;

/**
 * A member's signed-in sessions: listed in the data download (when and until when, never the tokens) and ended on
 * erasure in every other browser at once. The session the erasure is made from stays until the sign-out that follows
 * (the erase page's 307 to {@code POST /logout}), which ends it here and at the identity provider.
 */
@ApplicationScoped
public class SessionPersonalData implements PersonalData {

    @Inject
    CurrentVertxRequest request;

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public Set<String> tables() {
        return Set.of(PersonalData.tableOf(SignInSession.class));
    }

    @Override
    public Object export(Member member) {
        if (member.subject == null) {
            return java.util.List.of();
        }
        return SignInSession.<SignInSession> list("subject = ?1 order by createdAt", member.subject).stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("signedIn", s.createdAt.toString());
            row.put("lastSeen", s.lastSeenAt.toString());
            row.put("expires", s.expiresAt.toString());
            return row;
        }).toList();
    }

    @Override
    public void erase(Member member) {
        if (member.subject == null) {
            return;
        }
        Optional<String> current = currentSessionHash();
        if (current.isPresent()) {
            SignInSession.delete("subject = ?1 and idHash <> ?2", member.subject, current.get());
        } else {
            SignInSession.delete("subject", member.subject);
        }
    }

    private Optional<String> currentSessionHash() {
        try {
            return Optional.ofNullable(request.getCurrent()).map(rc -> rc.request().getCookie(ProviderLogout.SESSION_COOKIE))
                    .map(Cookie::getValue).filter(v -> !v.isEmpty()).map(SessionStore::hash);
        } catch (ContextNotActiveException outsideARequest) {
            return Optional.empty();
        }
    }
}
