package org.owlet.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.organization.Company;

/**
 * Today's figures for one company's team, counted, filtered, sorted and paged by the database from one definition
 * of where each member stands in each course ({@link TeamSql}), so that the dashboard, the member list, the CSV
 * export, the completion API and the reminders count the same way, and a page costs a few statements whatever the
 * size of the team. Reporting reads the other features' tables and writes none of them.
 * <p>
 * Definitions (also on the page and in the README): the team is the company's current members whose personal data
 * is not erased. <em>Enrolled</em>: has an enrolment in the course. <em>In progress</em>: enrolled, final not passed.
 * <em>Completed</em>: passed the course's final assessment. <em>Certified</em>: holds a certificate for the course
 * valid today (not revoked, not expired). <em>Expiring</em>: certified, and no certificate for the course is valid
 * beyond 30/60/90 days from today. <em>Overdue</em>: an assignment whose due date has passed and that no valid
 * certificate for the course satisfies.
 */
@ApplicationScoped
public class TeamFigures {

    /** Where a member stands in one course. */
    public enum Status {
        NOT_ENROLLED, IN_PROGRESS, COMPLETED, CERTIFIED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One member's standing in one course. */
    public record CourseState(String courseId, Status status, LocalDate completedOn, String language, LocalDate certifiedUntil,
            LocalDate dueOn, boolean overdue) {

        public boolean enrolled() {
            return status != Status.NOT_ENROLLED;
        }

        public boolean completed() {
            return completedOn != null;
        }

        public boolean certified() {
            return status == Status.CERTIFIED;
        }

        /** Certified, and no certificate for the course is valid beyond {@code days} from {@code today}. */
        public boolean expiringWithin(int days, LocalDate today) {
            return certified() && !certifiedUntil.isAfter(today.plusDays(days));
        }
    }

    /** A member of the team with their standing in every course of the catalog (in catalog order). */
    public record MemberRow(long id, String name, String email, String language, Instant companySince,
            Map<String, CourseState> courses) {

        public CourseState in(String courseId) {
            return courses.get(courseId);
        }

        public boolean any(Predicate<CourseState> test) {
            return courses.values().stream().anyMatch(test);
        }
    }

    /** Counts of members: headline (any course) or for one course. */
    public record Counts(int members, int enrolled, int inProgress, int completed, int certified, int expiring30, int expiring60,
            int expiring90, int overdue) {

        public int percentCertified() {
            return members == 0 ? 0 : (int) Math.round(100.0 * certified / members);
        }

        public int percentCompleted() {
            return members == 0 ? 0 : (int) Math.round(100.0 * completed / members);
        }
    }

    /** Course enrolments in one language. */
    public record LanguageCounts(String language, int enrolled, int inProgress, int completed, int certified) {
    }

    /** Members of today's team certified (in any course) at the end of a month; the current month ends today. */
    public record MonthPoint(YearMonth month, LocalDate on, int certified) {
    }

    /** The dashboard's figures, and the first reminders due today with how many there are. */
    public record Summary(LocalDate today, List<String> courseIds, Counts headline, Map<String, Counts> perCourse,
            List<LanguageCounts> perLanguage, List<MonthPoint> certifiedOverTime, List<Reminders.Due> reminders,
            int remindersTotal) {
    }

    /** How many rows of a member list the database sends at a time (a row per member and course). */
    static final int FETCH_ROWS = 1000;

    /** A member's sort key by name, on the member table (the same as {@link MemberQuery#keySql} computes on the rows). */
    private static final String NAME_KEY = "COALESCE(LOWER(m.display_name), '')";

    /** Receives the rows of a member list in order: the member, their sort key, and how many pass the filters. */
    private interface Sink {
        void row(MemberRow row, String key, int total);
    }

    @Inject
    EntityManager em;

    @Inject
    CatalogService catalog;

    /**
     * The dashboard's figures, counted by the database: the headline, per course and per language and the first
     * {@code reminders} reminders in one statement, the certified staff of the last 24 months in another (after one
     * that reads the company's "everyone" assignments), whatever the size of the team.
     */
    @Transactional
    public Summary summary(Company company, LocalDate today, int reminders) {
        List<String> courseIds = courseIds();
        Map<String, Counts> perCourse = new LinkedHashMap<>();
        courseIds.forEach(id -> perCourse.put(id, new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0)));
        Counts headline = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Map<String, LanguageCounts> languages = new TreeMap<>();
        List<Reminders.Due> due = new ArrayList<>();
        int dueTotal = 0;
        TeamSql.Statement statement = states(company, today, courseIds, null, Map.of(), false).param("week", today.plusDays(7))
                .param("limit", reminders).then(TeamSql.FIGURES);
        for (Object[] row : rows(statement)) {
            int[] n = new int[9];
            for (int i = 0; i < 9; i++) {
                n[i] = row[2 + i] == null ? 0 : ((Number) row[2 + i]).intValue();
            }
            switch (String.valueOf(row[0])) {
                case "h" -> headline = new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
                case "c" -> perCourse.put((String) row[1], new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]));
                case "l" -> languages.put((String) row[1], new LanguageCounts((String) row[1], n[0], n[1], n[2], n[3]));
                default -> {
                    String courseId = (String) row[1];
                    due.add(new Reminders.Due(((Number) row[2]).longValue(), (String) row[12], (String) row[13], courseId,
                            title(courseId), TeamSql.REASONS.get(n[2]), date(row[11])));
                    dueTotal = n[1];
                }
            }
        }
        due.sort(Comparator.comparing(Reminders.Due::on).thenComparingLong(Reminders.Due::memberId)
                .thenComparingInt(d -> courseIds.indexOf(d.courseId())));
        return new Summary(today, courseIds, headline, perCourse, List.copyOf(languages.values()), overTime(company, today), due,
                dueTotal);
    }

    /**
     * One page of the member list: the members passing the query's filters after its cursor, each with their standing
     * in every course, and how many pass the filters. Filtered, sorted and paged by the database (keyset paging: page
     * 200 costs what page 1 does).
     */
    @Transactional
    public MemberQuery.Page page(Company company, LocalDate today, MemberQuery query) {
        List<MemberRow> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int[] total = { 0 };
        each(company, today, query, true, null, Map.of(), (row, key, count) -> {
            rows.add(row);
            keys.add(key);
            total[0] = count;
        });
        if (rows.isEmpty() && query.after() != null) { // past the end: the count without the cursor
            each(company, today, query.first(), true, null, Map.of(), (row, key, count) -> total[0] = count);
        }
        boolean more = rows.size() > query.size();
        List<MemberRow> page = more ? rows.subList(0, query.size()) : rows;
        String next = more ? keys.get(page.size() - 1) + "~" + page.get(page.size() - 1).id() : null;
        return new MemberQuery.Page(page, total[0], next);
    }

    /** Every member passing the query's filters, sorted, with their standing in every course (the API). */
    @Transactional
    public List<MemberRow> members(Company company, LocalDate today, MemberQuery query) {
        List<MemberRow> rows = new ArrayList<>();
        each(company, today, query, false, null, Map.of(), (row, key, count) -> rows.add(row));
        return rows;
    }

    /**
     * Every member passing the query's filters, sorted, with their standing in every course, handed to {@code each} one
     * at a time as the database returns them ({@link #FETCH_ROWS} rows at a time), so that memory does not grow with
     * the team (the CSV). Runs in one read-only transaction, holding a connection until the last member is handed over.
     */
    @Transactional
    public void members(Company company, LocalDate today, MemberQuery query, Consumer<MemberRow> each) {
        each(company, today, query, false, null, Map.of(), (row, key, count) -> each.accept(row));
    }

    /** One member of the team with their standing in every course; empty if not a current member. */
    @Transactional
    public Optional<MemberRow> member(Company company, LocalDate today, long memberId) {
        List<MemberRow> rows = new ArrayList<>();
        each(company, today, MemberQuery.everyone(), false, "m.id = :member", Map.of("member", memberId),
                (row, key, count) -> rows.add(row));
        return rows.stream().findFirst();
    }

    /** Every reminder due today (see {@link Reminders}), by date, member and course. */
    @Transactional
    public List<Reminders.Due> reminders(Company company, LocalDate today) {
        List<Reminders.Due> due = new ArrayList<>();
        TeamSql.Statement statement = states(company, today, courseIds(), null, Map.of(), false).param("week", today.plusDays(7))
                .then(TeamSql.REMINDERS);
        for (Object[] row : rows(statement)) {
            String courseId = (String) row[3];
            due.add(new Reminders.Due(((Number) row[0]).longValue(), (String) row[1], (String) row[2], courseId, title(courseId),
                    TeamSql.REASONS.get(((Number) row[4]).intValue()), date(row[5])));
        }
        return due;
    }

    /** The catalog's courses, in catalog order. */
    List<String> courseIds() {
        return catalog.courses().stream().map(Course::id).toList();
    }

    /** A course's title in its default language (reminders go out in it), or its id if the catalog no longer has it. */
    String title(String courseId) {
        return catalog.course(courseId).map(c -> c.title().in(c.defaultLanguage())).orElse(courseId);
    }

    private void each(Company company, LocalDate today, MemberQuery query, boolean paged, String memberFilter,
            Map<String, Object> filterParams, Sink sink) {
        List<String> courseIds = courseIds();
        String filter = memberFilter;
        Map<String, Object> params = new HashMap<>(filterParams);
        if (query.q() != null) {
            filter = (filter == null ? "" : "(" + filter + ") AND ")
                    + "(LOWER(m.display_name) LIKE :search ESCAPE '!' OR LOWER(m.email) LIKE :search ESCAPE '!')";
            params.put("search", "%" + query.q().toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1") + "%");
        }
        boolean oneCourse = query.course() != null && courseIds.contains(query.course());
        Object afterKey = query.afterKey();
        int perMember = Math.max(1, courseIds.size()); // a row per member and course
        // a page by name without filters on standing: the database picks the page's members first (by name, after the
        // cursor) and works out only their standing; the total is the number of members
        boolean byNameOnly = paged && query.unfilteredByName();
        String firstByName = null;
        if (byNameOnly) {
            firstByName = (afterKey == null ? ""
                    : " AND (" + NAME_KEY + " > :after_key OR (" + NAME_KEY + " = :after_key AND m.id > :after_id))")
                    + " ORDER BY " + NAME_KEY + ", m.id LIMIT :members";
        }
        TeamSql sql = states(company, today, courseIds, filter, params, true, firstByName);
        if (oneCourse) {
            sql.param("course", query.course());
        }
        String hit = query.hit(sql, oneCourse);
        if (afterKey != null) {
            sql.param("after_key", afterKey).param("after_id", query.afterId());
        }
        if (paged) {
            sql.param("rows", (query.size() + 1) * perMember);
        }
        String select;
        if (byNameOnly) {
            sql.param("members", query.size() + 1);
            String total = "(SELECT COUNT(*) FROM member m WHERE m.company_id = :company AND m.erased_at IS NULL"
                    + (filter == null ? "" : " AND (" + filter + ")") + ") * " + perMember;
            select = TeamSql.members(hit, query.keySql(oneCourse), afterKey != null, true, total);
        } else {
            select = TeamSql.members(hit, query.keySql(oneCourse), afterKey != null, paged);
        }
        TeamSql.Statement statement = sql.then(select);
        long current = -1;
        Object[] person = null;
        Map<String, CourseState> states = new LinkedHashMap<>();
        try (Stream<Object[]> rows = stream(statement)) {
            for (Iterator<Object[]> it = rows.iterator(); it.hasNext();) {
                Object[] row = it.next();
                long id = ((Number) row[0]).longValue();
                if (id != current && person != null) {
                    emit(person, states, perMember, sink);
                    states = new LinkedHashMap<>();
                }
                current = id;
                person = row;
                CourseState state = state(row, today);
                states.put(state.courseId(), state);
            }
        }
        if (person != null) {
            emit(person, states, perMember, sink);
        }
    }

    private static void emit(Object[] person, Map<String, CourseState> states, int perMember, Sink sink) {
        MemberRow row = new MemberRow(((Number) person[0]).longValue(), (String) person[1], (String) person[2], (String) person[3],
                instant(person[4]), states);
        Object key = person[5];
        sink.row(row, key instanceof String text ? text : date(key).toString(), ((Number) person[6]).intValue() / perMember);
    }

    /** A member's standing in one course from a row of {@link TeamSql#members}: course_id at 7 to due_on at 12. */
    private static CourseState state(Object[] row, LocalDate today) {
        boolean enrolled = ((Number) row[8]).intValue() == 1;
        LocalDate completedOn = date(row[9]);
        LocalDate certifiedUntil = date(row[11]);
        LocalDate dueOn = date(row[12]);
        Status status = certifiedUntil != null ? Status.CERTIFIED
                : completedOn != null ? Status.COMPLETED : enrolled ? Status.IN_PROGRESS : Status.NOT_ENROLLED;
        boolean overdue = dueOn != null && dueOn.isBefore(today) && certifiedUntil == null;
        return new CourseState((String) row[7], status, completedOn, (String) row[10], certifiedUntil, dueOn, overdue);
    }

    /** The common table expressions for the company, with its "everyone" assignments read first. */
    private TeamSql states(Company company, LocalDate today, List<String> courseIds, String memberFilter, Map<String, Object> params,
            boolean people) {
        return states(company, today, courseIds, memberFilter, params, people, null);
    }

    private TeamSql states(Company company, LocalDate today, List<String> courseIds, String memberFilter, Map<String, Object> params,
            boolean people, String firstByName) {
        Map<String, TeamSql.Everyone> everyone = new HashMap<>();
        for (Object[] a : rows(new TeamSql.Statement("""
                SELECT a.course_id, a.due_on, a.created_at FROM assignment a
                WHERE a.company_id = :company AND a.member_id IS NULL ORDER BY a.id""", Map.of("company", company.id)))) {
            LocalDate dueOn = date(a[1]);
            Instant createdAt = instant(a[2]);
            long days = Math.max(0, ChronoUnit.DAYS.between(createdAt.atZone(ZoneOffset.UTC).toLocalDate(), dueOn));
            everyone.put((String) a[0], new TeamSql.Everyone(dueOn, createdAt, days)); // the last made wins
        }
        return new TeamSql(company.id, today, courseIds, everyone, memberFilter, params, people, firstByName);
    }

    /** Members of today's team holding a valid certificate (any course) at the end of each of the last 24 months. */
    private List<MonthPoint> overTime(Company company, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        List<MonthPoint> months = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>(Map.of("company", company.id));
        for (int back = 23; back >= 0; back--) {
            YearMonth month = now.minusMonths(back);
            LocalDate on = back == 0 ? today : month.atEndOfMonth();
            int i = months.size();
            values.append(i == 0 ? "" : ", ").append('(').append(i).append(", CAST(:on").append(i).append(" AS DATE))");
            params.put("on" + i, on);
            months.add(new MonthPoint(month, on, 0));
        }
        for (Object[] row : rows(new TeamSql.Statement("SELECT d.pos, COUNT(DISTINCT c.member_id) FROM (VALUES " + values
                + ") AS d(pos, on_day) JOIN certificate c ON c.issued_on <= d.on_day AND c.expires_on >= d.on_day"
                + " JOIN member m ON m.id = c.member_id"
                + " WHERE m.company_id = :company AND m.erased_at IS NULL AND c.revoked_at IS NULL GROUP BY d.pos", params))) {
            int i = ((Number) row[0]).intValue();
            MonthPoint p = months.get(i);
            months.set(i, new MonthPoint(p.month(), p.on(), ((Number) row[1]).intValue()));
        }
        return months;
    }

    /**
     * The rows of a statement as the database returns them, {@link #FETCH_ROWS} at a time (PostgreSQL keeps a cursor
     * inside the transaction), instead of all of them in memory at once.
     */
    @SuppressWarnings("unchecked")
    private Stream<Object[]> stream(TeamSql.Statement statement) {
        var query = em.createNativeQuery(statement.sql());
        statement.params().forEach(query::setParameter);
        query.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_ROWS);
        return (Stream<Object[]>) query.getResultStream();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(TeamSql.Statement statement) {
        var query = em.createNativeQuery(statement.sql());
        statement.params().forEach(query::setParameter);
        return (List<Object[]>) query.getResultList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value.getClass());
    }
}
