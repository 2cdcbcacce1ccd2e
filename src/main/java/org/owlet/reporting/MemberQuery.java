package org.owlet.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.owlet.reporting.TeamFigures.CourseState;
import org.owlet.reporting.TeamFigures.MemberRow;
import org.owlet.reporting.TeamFigures.Status;

/**
 * The member list's filters, sort and page: course, status (in that course, or in any course), language, overdue,
 * expiring within N days, a search over name and email; sorted by name, due date or expiry; paged by a keyset cursor
 * ({@code after}: the last row's sort key and id), so a page never repeats or skips a member when rows change between
 * pages. Unknown values are ignored rather than refused: a stale bookmark still shows the list.
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

    /** The rows that pass the filters, sorted. */
    public List<MemberRow> filter(TeamFigures.Snapshot snapshot) {
        LocalDate today = snapshot.today();
        List<String> courses = course != null && snapshot.courseIds().contains(course) ? List.of(course) : snapshot.courseIds();
        Predicate<CourseState> state = s -> true;
        Status wanted = status == null ? null
                : java.util.Arrays.stream(Status.values()).filter(v -> v.code().equals(status)).findFirst().orElse(null);
        if (wanted != null) {
            state = state.and(s -> s.status() == wanted);
        }
        if (language != null) {
            state = state.and(s -> language.equals(s.language()) && (s.enrolled() || s.certified()));
        }
        if (overdue) {
            state = state.and(CourseState::overdue);
        }
        if (expiring > 0) {
            state = state.and(s -> s.expiringWithin(expiring, today));
        }
        Predicate<CourseState> test = state;
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        List<MemberRow> rows = new ArrayList<>();
        for (MemberRow row : snapshot.members()) {
            if (needle != null && !(contains(row.name(), needle) || contains(row.email(), needle))) {
                continue;
            }
            boolean anyFilter = wanted != null || language != null || overdue || expiring > 0;
            if (anyFilter && courses.stream().map(row::in).noneMatch(test)) {
                continue;
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((MemberRow r) -> key(r, courses)).thenComparingLong(MemberRow::id));
        return rows;
    }

    /** One page after the cursor. */
    public Page page(TeamFigures.Snapshot snapshot) {
        List<MemberRow> rows = filter(snapshot);
        List<String> courses = course != null && snapshot.courseIds().contains(course) ? List.of(course) : snapshot.courseIds();
        int start = 0;
        if (after != null) {
            int bar = after.lastIndexOf('~');
            String key = bar < 0 ? after : after.substring(0, bar);
            long id = bar < 0 ? Long.MAX_VALUE : parse(after.substring(bar + 1));
            while (start < rows.size()) {
                MemberRow r = rows.get(start);
                int c = key(r, courses).compareTo(key);
                if (c > 0 || c == 0 && r.id() > id) {
                    break;
                }
                start++;
            }
        }
        int end = (int) Math.min(rows.size(), (long) start + size);
        List<MemberRow> page = rows.subList(start, end);
        String next = end < rows.size() ? key(page.get(page.size() - 1), courses) + "~" + page.get(page.size() - 1).id() : null;
        return new Page(page, rows.size(), next);
    }

    /** The sort key: name (case-insensitive), the earliest due date, or the earliest expiry; rows without one last. */
    private String key(MemberRow row, List<String> courses) {
        return switch (sort) {
            case "due" -> courses.stream().map(row::in).map(CourseState::dueOn).filter(d -> d != null).min(Comparator.naturalOrder())
                    .map(LocalDate::toString).orElse("9999-12-31");
            case "expires" -> courses.stream().map(row::in).map(CourseState::certifiedUntil).filter(d -> d != null)
                    .min(Comparator.naturalOrder()).map(LocalDate::toString).orElse("9999-12-31");
            default -> (row.name() == null ? "" : row.name().toLowerCase(Locale.ROOT)).replace('~', ' ');
        };
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
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
