package org.owlet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind {@link TeamFigures}: one common table expression that states, for every current member of a company
 * and every course of the catalog, where the member stands (one row per member and course, computed by the database
 * on its indexes), and the statements that aggregate, filter, sort and page it. Written once for PostgreSQL and H2 (no
 * dialect-specific functions: dates are UTC dates of the timestamps, as {@link TeamFigures} defines them).
 * <p>
 * The common table expressions, in order: {@code team} (the members: id, name, email, preferred language, member
 * since), {@code k} (the catalog's courses with their position and the company's "everyone" assignment, if any),
 * {@code cert} (per member and course, the latest expiry of a certificate valid today), {@code own} (per member and
 * course, the member's own assignment), {@code st} (one row per member and course: enrolled, completed on, language,
 * certified until, due on) and {@code g} (the same with the figures' flags as 0/1: en, ip, co, ce, e30, e60, e90, od).
 */
final class TeamSql {

    /** The company's assignment to everyone for a course: due date, when it was made, and the days it gave. */
    record Everyone(LocalDate dueOn, Instant createdAt, long days) {
    }

    /** A statement's text and its named parameters. */
    record Statement(String sql, Map<String, Object> params) {
    }

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /**
     * The common table expressions for the company's members that pass {@code memberFilter} (SQL over {@code m}, the
     * member table, with its own parameters, or null), on {@code today}; with the members' name, email, preferred
     * language and since in {@code st} and {@code g} if {@code people}; only the members {@code firstByName} keeps (SQL
     * appended to the member table's WHERE clause: a cursor, an ORDER BY and a LIMIT) if not null.
     */
    TeamSql(long companyId, LocalDate today, List<String> courseIds, Map<String, Everyone> everyone, String memberFilter,
            Map<String, Object> filterParams, boolean people, String firstByName) {
        params.put("company", companyId);
        params.put("today", today);
        params.put("d30", today.plusDays(30));
        params.put("d60", today.plusDays(60));
        params.put("d90", today.plusDays(90));
        sql.append("""
                WITH team AS (SELECT m.id AS member_id, m.display_name AS name, m.email AS email,
                    COALESCE(m.preferred_language, 'en') AS preferred, m.company_since AS since
                  FROM member m WHERE m.company_id = :company AND m.erased_at IS NULL""");
        if (memberFilter != null) {
            sql.append(" AND (").append(memberFilter).append(')');
            params.putAll(filterParams);
        }
        if (firstByName != null) {
            sql.append(firstByName);
        }
        sql.append("),\nk AS (");
        if (courseIds.isEmpty()) {
            sql.append("SELECT CAST(NULL AS VARCHAR(64)) AS course_id, 0 AS pos, CAST(NULL AS DATE) AS ev_due,"
                    + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS ev_created, CAST(NULL AS INTEGER) AS ev_days FROM member WHERE 1 = 0");
        } else {
            sql.append("SELECT * FROM (VALUES ");
            for (int i = 0; i < courseIds.size(); i++) {
                String id = courseIds.get(i);
                Everyone all = everyone.get(id);
                sql.append(i == 0 ? "" : ", ").append("(CAST(:c").append(i).append(" AS VARCHAR(64)), ").append(i).append(", ");
                params.put("c" + i, id);
                if (all == null) {
                    sql.append("CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS INTEGER))");
                } else {
                    sql.append("CAST(:ed").append(i).append(" AS DATE), CAST(:ec").append(i)
                            .append(" AS TIMESTAMP WITH TIME ZONE), CAST(:en")
                            .append(i).append(" AS INTEGER))");
                    params.put("ed" + i, all.dueOn());
                    params.put("ec" + i, all.createdAt());
                    params.put("en" + i, (int) all.days());
                }
            }
            sql.append(") AS v(course_id, pos, ev_due, ev_created, ev_days)");
        }
        sql.append("""
                ),
                cert AS (SELECT c.member_id, c.course_id, MAX(c.expires_on) AS until
                  FROM certificate c JOIN team t ON t.member_id = c.member_id
                  WHERE c.revoked_at IS NULL AND c.issued_on <= :today AND c.expires_on >= :today GROUP BY c.member_id, c.course_id),
                own AS (SELECT a.member_id, a.course_id, MIN(a.due_on) AS due_on FROM assignment a
                  WHERE a.company_id = :company AND a.member_id IS NOT NULL GROUP BY a.member_id, a.course_id),
                st AS (SELECT t.member_id, PEOPLE k.course_id, k.pos, CASE WHEN e.id IS NULL THEN 0 ELSE 1 END AS enrolled,
                    CAST(e.completed_at AT TIME ZONE 'UTC' AS DATE) AS completed_on, COALESCE(e.completion_language, t.preferred) AS lang,
                    cert.until AS until,
                    COALESCE(own.due_on, CASE WHEN k.ev_due IS NULL THEN NULL WHEN t.since > k.ev_created
                      THEN GREATEST(k.ev_due, CAST(t.since AT TIME ZONE 'UTC' AS DATE) + k.ev_days) ELSE k.ev_due END) AS due_on
                  FROM team t CROSS JOIN k
                  LEFT JOIN enrolment e ON e.member_id = t.member_id AND e.course_id = k.course_id
                  LEFT JOIN cert ON cert.member_id = t.member_id AND cert.course_id = k.course_id
                  LEFT JOIN own ON own.member_id = t.member_id AND own.course_id = k.course_id),
                g AS (SELECT st.member_id, PEOPLE_G st.course_id, st.pos, st.enrolled, st.completed_on, st.lang, st.until, st.due_on,
                    CASE WHEN st.enrolled = 1 OR st.until IS NOT NULL THEN 1 ELSE 0 END AS en,
                    CASE WHEN st.enrolled = 1 AND st.completed_on IS NULL AND st.until IS NULL THEN 1 ELSE 0 END AS ip,
                    CASE WHEN st.completed_on IS NOT NULL THEN 1 ELSE 0 END AS co,
                    CASE WHEN st.until IS NOT NULL THEN 1 ELSE 0 END AS ce,
                    CASE WHEN st.until <= :d30 THEN 1 ELSE 0 END AS e30,
                    CASE WHEN st.until <= :d60 THEN 1 ELSE 0 END AS e60,
                    CASE WHEN st.until <= :d90 THEN 1 ELSE 0 END AS e90,
                    CASE WHEN st.due_on < :today AND st.until IS NULL THEN 1 ELSE 0 END AS od
                  FROM st)
                """.replace("PEOPLE_G ", people ? "st.name, st.email, st.preferred, st.since, " : "")
                .replace("PEOPLE ", people ? "t.name, t.email, t.preferred, t.since, " : ""));
    }

    /** Adds a parameter used by the statement's main part. */
    TeamSql param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The whole statement: the common table expressions, then {@code select}. */
    Statement then(String select) {
        return new Statement(sql + select, params);
    }

    /**
     * The headline (kind {@code h}), per course ({@code c}, key: the course) and per language ({@code l}, key: the
     * language) figures, and the first {@code :limit} reminders ({@code r}), in one statement, so that the team's
     * standing is computed once. Numbers n0..n8: members, enrolled, in progress, completed, certified, expiring
     * 30/60/90, overdue (per language: enrolments, in progress, completed, certified; a reminder: member, number of
     * reminders, reason as in {@link #REASONS}, course position). A reminder's date, member name and email follow.
     */
    static final String FIGURES = """
            SELECT 'c' AS kind, g.course_id AS k, COUNT(*) AS n0, SUM(g.en) AS n1, SUM(g.ip) AS n2, SUM(g.co) AS n3, SUM(g.ce) AS n4,
                SUM(g.e30) AS n5, SUM(g.e60) AS n6, SUM(g.e90) AS n7, SUM(g.od) AS n8, CAST(NULL AS DATE) AS d,
                CAST(NULL AS VARCHAR(320)) AS t1, CAST(NULL AS VARCHAR(320)) AS t2 FROM g GROUP BY g.course_id
            UNION ALL
            SELECT 'h', NULL, COUNT(*), SUM(p.en), SUM(p.ip), SUM(p.co), SUM(p.ce), SUM(p.e30), SUM(p.e60), SUM(p.e90), SUM(p.od),
                NULL, NULL, NULL
              FROM (SELECT g.member_id, MAX(g.en) AS en, MAX(g.ip) AS ip, MAX(g.co) AS co, MAX(g.ce) AS ce, MAX(g.e30) AS e30,
                MAX(g.e60) AS e60, MAX(g.e90) AS e90, MAX(g.od) AS od FROM g GROUP BY g.member_id) p
            UNION ALL
            SELECT 'l', g.lang, COUNT(*), SUM(g.ip), SUM(g.co), SUM(g.ce), 0, 0, 0, 0, 0, NULL, NULL, NULL FROM g WHERE g.en = 1
              GROUP BY g.lang
            UNION ALL
            SELECT 'r', r.course_id, r.member_id, r.total, r.reason, r.pos, 0, 0, 0, 0, 0, r.on_day, r.name, r.email FROM (
              SELECT x.member_id, x.course_id, x.pos, x.reason, x.on_day, t.name, t.email, COUNT(*) OVER () AS total FROM (
                SELECT g.member_id, g.course_id, g.pos,
                  CASE WHEN g.od = 1 THEN 0 WHEN g.due_on IS NOT NULL AND g.ce = 0 AND g.due_on <= :week THEN 1
                    WHEN g.e30 = 1 THEN 2 END AS reason,
                  CASE WHEN g.od = 0 AND NOT (g.due_on IS NOT NULL AND g.ce = 0 AND g.due_on <= :week) THEN g.until
                    ELSE g.due_on END AS on_day
                FROM g) x JOIN team t ON t.member_id = x.member_id
              WHERE x.reason IS NOT NULL ORDER BY x.on_day, x.member_id, x.pos LIMIT :limit) r
            """;

    /** Reasons for a reminder by their number in {@link #FIGURES} and {@link #REMINDERS}: overdue, due soon, expiring. */
    static final List<Reminders.Reason> REASONS = List.of(Reminders.Reason.OVERDUE, Reminders.Reason.DUE_SOON, Reminders.Reason.EXPIRING);

    /**
     * Every reminder due today, by date, member and course, each with the number of all of them: overdue, else due
     * within 7 days and not certified, else certified and expiring within 30 days (the reason numbered as in
     * {@link #REASONS}).
     */
    static final String REMINDERS = """
            SELECT r.member_id, t.name, t.email, r.course_id, r.reason, r.on_day, COUNT(*) OVER () AS total FROM (
              SELECT g.member_id, g.course_id, g.pos,
                CASE WHEN g.od = 1 THEN 0 WHEN g.due_on IS NOT NULL AND g.ce = 0 AND g.due_on <= :week THEN 1
                  WHEN g.e30 = 1 THEN 2 END AS reason,
                CASE WHEN g.od = 0 AND NOT (g.due_on IS NOT NULL AND g.ce = 0 AND g.due_on <= :week) THEN g.until
                  ELSE g.due_on END AS on_day
              FROM g) r JOIN team t ON t.member_id = r.member_id
            WHERE r.reason IS NOT NULL ORDER BY r.on_day, r.member_id, r.pos
            """;

    /**
     * The rows (one per member and course, in catalog order) of the members that pass a member list's filters
     * ({@code hit}: a window over a member's rows in {@code g}, 1 if they pass; null: everyone), sorted by {@code key}
     * (a window over the member's rows) then id, after the cursor ({@code afterCursor}: after {@code :after_key},
     * {@code :after_id}) and at most {@code :rows} rows if {@code paged}; each with the number of rows of all members that
     * pass the filters (before the cursor). One pass over the team, no join back: the planner's estimates stay those
     * of the team. Needs the people columns ({@code people} in the constructor).
     */
    static String members(String hit, String key, boolean afterCursor, boolean paged) {
        return members(hit, key, afterCursor, paged, "COUNT(*) OVER ()");
    }

    /** The same, with the number of rows of all members that pass the filters from {@code total}. */
    static String members(String hit, String key, boolean afterCursor, boolean paged, String total) {
        return ", p AS (SELECT g.*, " + key + " AS sort_key" + (hit == null ? "" : ", " + hit + " AS hit") + " FROM g),\n"
                + "q AS (SELECT p.*, " + total + " AS total FROM p" + (hit == null ? "" : " WHERE p.hit = 1") + ")\n"
                + "SELECT q.member_id, q.name, q.email, q.preferred, q.since, q.sort_key, q.total, q.course_id, q.enrolled,"
                + " q.completed_on, q.lang, q.until, q.due_on FROM q"
                + (afterCursor ? " WHERE q.sort_key > :after_key OR (q.sort_key = :after_key AND q.member_id > :after_id)" : "")
                + " ORDER BY q.sort_key, q.member_id, q.pos" + (paged ? " LIMIT :rows" : "") + "\n";
    }
}
