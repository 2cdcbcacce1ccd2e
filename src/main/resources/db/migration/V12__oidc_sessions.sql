-- Signed-in browser sessions (OpenID Connect code flow), kept on the server so that signing out, the idle
-- timeout and the identity provider's back-channel logout end the session itself, on every replica. The
-- browser's q_session cookie holds only a random session id; this table keys the session by the id's SHA-256
-- (a copy of the table does not give anyone a usable cookie) and holds the tokens. Deleting the row ends the
-- session: a replayed cookie is then anonymous.
CREATE TABLE oidc_session (
    id_hash            VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject            VARCHAR(255) NOT NULL,
    -- the ID token's "sid": the identity provider's session, named by its back-channel logout tokens
    sid                VARCHAR(255),
    id_token           TEXT         NOT NULL,
    access_token       TEXT,
    refresh_token      TEXT,
    access_expires_in  BIGINT,
    access_scope       VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- written at most once a minute per session (owlet.session.idle-timeout is enforced from it)
    last_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_session_sid ON oidc_session (sid);
CREATE INDEX oidc_session_subject ON oidc_session (subject);
CREATE INDEX oidc_session_expires ON oidc_session (expires_at);
