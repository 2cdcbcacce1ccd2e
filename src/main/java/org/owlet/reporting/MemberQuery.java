package org.owlet.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.owlet.reporting.TeamFigures.MemberRow;
import org.owlet.reporting.TeamFigures.Status;

/**
 * The member list's filters, sort and page: course, status (in that course, or in any course), language, overdue,
 * expiring within N days, a search over name and email; sorted by name, due date or expiry; paged by a keyset cursor
 * ({@code after}: the last row's sort key and id), so a page never repeats or skips a member when rows change between
 * pages. Unknown values are ignored rather than refused: a stale bookmark still shows the list. The database applies
 * them ({@link TeamFigures#page}): this turns them into SQL.
 */
public record MemberQuery(String course, String status, String language, boolean overdue, int expiring, String q, String sort,
        String after, int size) {

    public static final int PAGE = 50;

    /** A page of rows, and the cursor of the next page (null on the last). */
    public record Page(List<MemberRow> rows, int total, String next) {
    }

    public static MemberQuery of(String course, String status, String language, String overdue, String expiring, String q,
            String sort, String after) {
        int days = switch (expiring == null ? "" : expiring) {
            case "30" -> 30;
            case "60" -> 60;
            case "90" -> 90;
            default -> 0;
        };
        return new MemberQuery(blank(course), blank(status), blank(language), "1".equals(overdue) || "true".equals(overdue), days,
                blank(q), sort == null || !List.of("name", "due", "expires").contains(sort) ? "name" : sort, blank(after), PAGE);
    }

    public MemberQuery all() {
        return new MemberQuery(course, status, language, overdue, expiring, q, sort, null, Integer.MAX_VALUE);
    }

    /** The same filters, from the first page. */
    public MemberQuery first() {
        return new MemberQuery(course, status, language, overdue, expiring, q, sort, null, size);
    }

    /** Every member, by name. */
    public static MemberQuery everyone() {
        return new MemberQuery(null, null, null, false, 0, null, "name", null, Integer.MAX_VALUE);
    }

    /**
     * The filters as a window over a member's rows in {@code g} (see {@link TeamSql}): 1 if one chosen course
     * ({@code oneCourse}: {@code :course}, else any) passes them all, with their parameters added to {@code sql}; null
     * without filters.
     */
    String hit(TeamSql sql, boolean oneCourse) {
        List<String> conditions = new ArrayList<>();
        if (oneCourse) {
            conditions.add("g.course_id = :course");
        }
        Status wanted = status == null ? null
                : Arrays.stream(Status.values()).filter(v -> v.code().equals(status)).findFirst().orElse(null);
        if (wanted != null) {
            conditions.add(switch (wanted) {
                case NOT_ENROLLED -> "g.en = 0";
                case IN_PROGRESS -> "g.ip = 1";
                case COMPLETED -> "g.ce = 0 AND g.co = 1";
                case CERTIFIED -> "g.ce = 1";
            });
        }
        if (language != null) {
            conditions.add("g.lang = :language AND g.en = 1");
            sql.param("language", language);
        }
        if (overdue) {
            conditions.add("g.od = 1");
        }
        if (expiring > 0) {
            conditions.add("g.e" + expiring + " = 1");
        }
        boolean filtered = conditions.size() > (oneCourse ? 1 : 0);
        return filtered ? "MAX(CASE WHEN " + String.join(" AND ", conditions) + " THEN 1 ELSE 0 END) OVER (PARTITION BY g.member_id)"
                : null;
    }

    /** Sorted by name, filtered by nothing but the search (a course only chooses the columns shown). */
    boolean unfilteredByName() {
        boolean known = status != null && Arrays.stream(Status.values()).anyMatch(v -> v.code().equals(status));
        return "name".equals(sort) && !known && language == null && !overdue && expiring == 0;
    }

    /**
     * The sort key as a window over a member's rows in the chosen courses: name, earliest due date or earliest expiry
     * (none last).
     */
    String keySql(boolean oneCourse) {
        String chosen = oneCourse ? "CASE WHEN g.course_id = :course THEN %s END" : "%s";
        return switch (sort) {
            case "due" -> "COALESCE(MIN(" + chosen.formatted("g.due_on") + ") OVER (PARTITION BY g.member_id), " + NEVER + ")";
            case "expires" -> "COALESCE(MIN(" + chosen.formatted("g.until") + ") OVER (PARTITION BY g.member_id), " + NEVER + ")";
            default -> "MIN(COALESCE(LOWER(g.name), '')) OVER (PARTITION BY g.member_id)";
        };
    }

    private static final String NEVER = "DATE '9999-12-31'";

    /** The cursor's sort key (a name, or a date for the date sorts), or null from the first page (or a cursor unreadable). */
    Object afterKey() {
        if (after == null) {
            return null;
        }
        int bar = after.lastIndexOf('~');
        String key = bar < 0 ? after : after.substring(0, bar);
        if (!"name".equals(sort)) {
            try {
                return LocalDate.parse(key);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return key;
    }

    /** The cursor's member id: the rows after it among those with the same key. */
    long afterId() {
        int bar = after == null ? -1 : after.lastIndexOf('~');
        return bar < 0 ? Long.MAX_VALUE : parse(after.substring(bar + 1));
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
