package org.owlet.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.owlet.web.TimeSource;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;

/**
 * Signed-in browser sessions in the database ({@code oidc_session}), so every replica sees the same state:
 * opened at sign-in, resumed on each request (idle timeout from {@code last_seen_at}, which is written at most
 * once a {@link #TOUCH_INTERVAL} per session), ended by signing out, by the identity provider's back-channel
 * logout, or by being idle. Blocking: callers on the event loop go through a worker thread
 * ({@link DatabaseTokenStateManager}).
 */
@ApplicationScoped
public class SessionStore {

    /** How stale a session's last-seen time may get before a request writes it again. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    private final SecureRandom random = new SecureRandom();

    @Inject
    SessionConfig config;

    @Inject
    TimeSource time;

    /** What a session cookie leads to. */
    public sealed interface Resumed {
        /** A live session: its tokens. */
        record Active(AuthorizationCodeTokens tokens) implements Resumed {
        }

        /** The session was idle too long and has just been ended; its tokens serve this one last request. */
        record IdledOut(AuthorizationCodeTokens tokens) implements Resumed {
        }

        /** No such session (signed out, ended by the identity provider, purged, or never issued). */
        record Gone() implements Resumed {
        }
    }

    /**
     * Records a new session and returns the random id for the session cookie. {@code stored} are the tokens to
     * keep (quarkus-oidc hands them over encrypted with its token-state key), {@code idToken} the verified ID token
     * in clear, read only for its subject and {@code sid}.
     */
    @Transactional
    public String open(AuthorizationCodeTokens stored, String idToken, Duration maxAge) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        JsonObject claims = claims(idToken);
        Instant now = time.now();
        SignInSession session = new SignInSession();
        session.idHash = hash(id);
        session.subject = claims.getString("sub", "");
        session.sid = claims.getString("sid");
        session.idToken = stored.getIdToken();
        session.accessToken = stored.getAccessToken();
        session.refreshToken = stored.getRefreshToken();
        session.accessExpiresIn = stored.getAccessTokenExpiresIn();
        session.accessScope = stored.getAccessTokenScope();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        session.persist();
        return id;
    }

    /**
     * The session a cookie names. A session idle for longer than {@code owlet.session.idle-timeout} is deleted
     * here and reported as {@link Resumed.IdledOut}; an active one has its last-seen time written when it is at
     * least a minute old (one conditional UPDATE, so two replicas serving the same session write it once).
     */
    @Transactional
    public Resumed resume(String cookieValue) {
        String idHash = hash(cookieValue);
        SignInSession session = SignInSession.findById(idHash);
        if (session == null) {
            return new Resumed.Gone();
        }
        Instant now = time.now();
        if (session.lastSeenAt.plus(config.idleTimeout()).isBefore(now)) {
            SignInSession.delete("idHash", idHash);
            LOG.debugf("Session of %s ended after %s idle", session.subject, Duration.between(session.lastSeenAt, now));
            return new Resumed.IdledOut(tokens(session));
        }
        if (!session.lastSeenAt.plus(TOUCH_INTERVAL).isAfter(now)) {
            SignInSession.update("lastSeenAt = ?1 where idHash = ?2 and lastSeenAt = ?3", now, idHash, session.lastSeenAt);
        }
        return new Resumed.Active(tokens(session));
    }

    private static AuthorizationCodeTokens tokens(SignInSession session) {
        return new AuthorizationCodeTokens(session.idToken, session.accessToken, session.refreshToken, session.accessExpiresIn,
                session.accessScope);
    }

    /** Ends the session a cookie names; whether there was one. */
    @Transactional
    public boolean end(String cookieValue) {
        return SignInSession.delete("idHash", hash(cookieValue)) > 0;
    }

    /** Back-channel logout: ends the sessions of one identity-provider session, or all of a subject's when no sid is given. */
    @Transactional
    public long endAtProvider(String sid, String subject) {
        if (sid != null) {
            return SignInSession.delete("sid", sid);
        }
        return subject == null ? 0 : SignInSession.delete("subject", subject);
    }

    /** Deletes sessions past their lifetime or idle timeout; a plain DELETE, so any number of replicas may run it. */
    @Scheduled(identity = "oidc-session-purge", every = "${owlet.session.purge-every:5m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purge();
    }

    /** Deletes sessions past their lifetime or idle timeout and says how many. */
    @Transactional
    public long purge() {
        Instant now = time.now();
        long purged = SignInSession.delete("expiresAt < ?1 or lastSeenAt < ?2", now, now.minus(config.idleTimeout()));
        if (purged > 0) {
            LOG.debugf("Purged %d ended sessions", purged);
        }
        return purged;
    }

    static String hash(String cookieValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cookieValue.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The claims of a JWT the code flow has just verified (no signature check here: it was checked before). */
    private static JsonObject claims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return new JsonObject();
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            LOG.debugf("ID token claims unreadable: %s", unreadable.getMessage());
            return new JsonObject();
        }
    }
}
