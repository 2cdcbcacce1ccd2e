-- Every course picture the catalog has loaded, by content hash, so a page of an older course version (an attempt
-- started before the files changed) finds its pictures on any replica and after a restart. Bytes as base64 text
-- (the same column type on H2 and PostgreSQL). Replicas loading together insert the same row: the key lets one win.
CREATE TABLE asset_file (
    hash            VARCHAR(64)  PRIMARY KEY,
    path            VARCHAR(300) NOT NULL,
    media_type      VARCHAR(50)  NOT NULL,
    width           DOUBLE PRECISION NOT NULL,
    height          DOUBLE PRECISION NOT NULL,
    content         TEXT         NOT NULL,
    first_loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
