-- Revocation status (W3C Bitstring Status List): each certificate has a stable position in the issuer's status
-- lists, assigned at issue; existing certificates take their id, as new ones do.
ALTER TABLE certificate ADD COLUMN status_index BIGINT;
UPDATE certificate SET status_index = id;
ALTER TABLE certificate ADD CONSTRAINT certificate_status_index_unique UNIQUE (status_index);
