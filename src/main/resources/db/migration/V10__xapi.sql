-- xAPI statements sent to the coalition's Learning Record Store: one row per statement once a send was tried.
-- The statement id is a name-based UUID of the record (kind + id), so a resend is idempotent at the LRS.
-- status is SENT or FAILED (the entity's enum). No person key or member here: the record kind and id point at an
-- attempt or a certificate.
CREATE TABLE xapi_sent (
    statement_id     VARCHAR(36)  PRIMARY KEY,
    record_kind      VARCHAR(16)  NOT NULL,
    record_id        BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    http_status      INTEGER,
    attempts         INTEGER      NOT NULL,
    first_tried_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_tried_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    CONSTRAINT xapi_sent_record_unique UNIQUE (record_kind, record_id)
);
CREATE INDEX xapi_sent_retry_idx ON xapi_sent (status, next_attempt_at);

-- The sender runs more often than daily, so its claim is a lease: a replica runs only if it sets locked_until
-- itself (no lease, or an expired one), and clears it when done.
ALTER TABLE job_run ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
INSERT INTO job_run (name, last_run_on) VALUES ('xapi', DATE '2000-01-01');
