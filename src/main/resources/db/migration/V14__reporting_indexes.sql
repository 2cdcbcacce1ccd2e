-- Reporting reads many certificates at once (EXPLAIN on generated data: .ci/bench/explain.md). Two covering indexes
-- hold every column those queries read, so PostgreSQL answers them from the index alone (an index-only scan reads a
-- fifth of the table's pages):
-- the coalition's figures (reporting.TrainedFigures): every certificate of a period, or valid on a day; this replaces
-- the narrower (issued_on, company_id) index;
CREATE INDEX certificate_report_idx ON certificate (issued_on, expires_on, revoked_at, company_id, person_key, course_id, language);
DROP INDEX certificate_issued_idx;
-- a company's team (reporting.TeamFigures): its members' certificates.
CREATE INDEX certificate_team_idx ON certificate (member_id, course_id, issued_on, expires_on, revoked_at);
