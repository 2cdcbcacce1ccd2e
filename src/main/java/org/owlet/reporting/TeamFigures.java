package org.owlet.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.learning.Assignment;
import org.owlet.organization.Company;

/**
 * Today's figures for one company's team, read in four queries (members, enrolments, certificates, assignments) and
 * put together here, so that the dashboard, the member list, the CSV export and the completion API count the same
 * way. Reporting reads the other features' tables and writes none of them.
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

    /** Everything the dashboard shows. */
    public record Snapshot(LocalDate today, List<MemberRow> members, List<String> courseIds, Counts headline,
            Map<String, Counts> perCourse, List<LanguageCounts> perLanguage, List<MonthPoint> certifiedOverTime) {
    }

    private record Cert(long memberId, String courseId, LocalDate issuedOn, LocalDate expiresOn, boolean revoked) {
    }

    private record Enrol(long memberId, String courseId, Instant completedAt, String language) {
    }

    @Inject
    EntityManager em;

    @Inject
    CatalogService catalog;

    /** The whole team's standing today. */
    @Transactional
    public Snapshot of(Company company, LocalDate today) {
        List<String> courseIds = catalog.courses().stream().map(Course::id).toList();
        Map<Long, Object[]> people = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT m.id, m.display_name, m.email, m.preferred_language, m.company_since FROM member m
                WHERE m.company_id = ?1 AND m.erased_at IS NULL ORDER BY m.id""", company.id)) {
            people.put(((Number) row[0]).longValue(), row);
        }
        Map<Long, Map<String, Enrol>> enrolments = new HashMap<>();
        for (Object[] row : rows("""
                SELECT e.member_id, e.course_id, e.completed_at, e.completion_language FROM enrolment e
                JOIN member m ON m.id = e.member_id WHERE m.company_id = ?1 AND m.erased_at IS NULL""", company.id)) {
            Enrol e = new Enrol(((Number) row[0]).longValue(), (String) row[1], instant(row[2]), (String) row[3]);
            enrolments.computeIfAbsent(e.memberId(), k -> new HashMap<>()).put(e.courseId(), e);
        }
        Map<Long, List<Cert>> certificates = new HashMap<>();
        for (Object[] row : rows("""
                SELECT c.member_id, c.course_id, c.issued_on, c.expires_on, c.revoked_at FROM certificate c
                JOIN member m ON m.id = c.member_id WHERE m.company_id = ?1 AND m.erased_at IS NULL""", company.id)) {
            Cert c = new Cert(((Number) row[0]).longValue(), (String) row[1], date(row[2]), date(row[3]), row[4] != null);
            certificates.computeIfAbsent(c.memberId(), k -> new ArrayList<>()).add(c);
        }
        Assignments assignments = new Assignments(rows("""
                SELECT a.member_id, a.course_id, a.due_on, a.created_at FROM assignment a WHERE a.company_id = ?1""", company.id));

        List<MemberRow> members = new ArrayList<>();
        for (Object[] person : people.values()) {
            long id = ((Number) person[0]).longValue();
            Instant since = instant(person[4]);
            String preferred = person[3] == null ? "en" : (String) person[3];
            Map<String, CourseState> states = new LinkedHashMap<>();
            for (String courseId : courseIds) {
                Enrol enrol = enrolments.getOrDefault(id, Map.of()).get(courseId);
                LocalDate certifiedUntil = certificates.getOrDefault(id, List.of()).stream()
                        .filter(c -> c.courseId().equals(courseId) && !c.revoked() && !today.isBefore(c.issuedOn())
                                && !today.isAfter(c.expiresOn()))
                        .map(Cert::expiresOn).max(Comparator.naturalOrder()).orElse(null);
                LocalDate completedOn = enrol == null || enrol.completedAt() == null ? null
                        : enrol.completedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                Status status = certifiedUntil != null ? Status.CERTIFIED
                        : completedOn != null ? Status.COMPLETED : enrol != null ? Status.IN_PROGRESS : Status.NOT_ENROLLED;
                LocalDate dueOn = assignments.dueOn(id, courseId, since);
                boolean overdue = dueOn != null && dueOn.isBefore(today) && certifiedUntil == null;
                String language = enrol != null && enrol.language() != null ? enrol.language() : preferred;
                states.put(courseId, new CourseState(courseId, status, completedOn, language, certifiedUntil, dueOn, overdue));
            }
            members.add(new MemberRow(id, (String) person[1], (String) person[2], preferred, since, states));
        }

        Counts headline = count(members, today, row -> row.courses().values());
        Map<String, Counts> perCourse = new LinkedHashMap<>();
        for (String courseId : courseIds) {
            perCourse.put(courseId, count(members, today, row -> List.of(row.in(courseId))));
        }
        Map<String, int[]> languages = new TreeMap<>();
        for (MemberRow row : members) {
            for (CourseState state : row.courses().values()) {
                if (state.enrolled() || state.certified()) {
                    int[] n = languages.computeIfAbsent(state.language(), k -> new int[4]);
                    n[0]++;
                    n[1] += state.status() == Status.IN_PROGRESS ? 1 : 0;
                    n[2] += state.completed() ? 1 : 0;
                    n[3] += state.certified() ? 1 : 0;
                }
            }
        }
        List<LanguageCounts> perLanguage = languages.entrySet().stream()
                .map(e -> new LanguageCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        return new Snapshot(today, members, courseIds, headline, perCourse, perLanguage, overTime(certificates, people.keySet(), today));
    }

    /**
     * The company's assignments by member and course, read once per snapshot: a member's due date is their own
     * assignment if any (the first listed), else the company's "everyone" assignment for the course (the last listed),
     * moved later for members who joined after it was made.
     */
    private static final class Assignments {
        private final Map<Long, Map<String, LocalDate>> own = new HashMap<>();
        private final Map<String, Object[]> everyone = new HashMap<>();

        Assignments(List<Object[]> rows) {
            for (Object[] a : rows) {
                String courseId = (String) a[1];
                if (a[0] != null) {
                    own.computeIfAbsent(((Number) a[0]).longValue(), k -> new HashMap<>()).putIfAbsent(courseId, date(a[2]));
                } else {
                    everyone.put(courseId, a);
                }
            }
        }

        LocalDate dueOn(long memberId, String courseId, Instant since) {
            LocalDate mine = own.getOrDefault(memberId, Map.of()).get(courseId);
            if (mine != null) {
                return mine;
            }
            Object[] all = everyone.get(courseId);
            return all == null ? null : Assignment.dueFor(date(all[2]), instant(all[3]), true, since);
        }
    }

    private static Counts count(List<MemberRow> members, LocalDate today,
            java.util.function.Function<MemberRow, java.util.Collection<CourseState>> states) {
        int enrolled = 0, inProgress = 0, completed = 0, certified = 0, e30 = 0, e60 = 0, e90 = 0, overdue = 0;
        for (MemberRow row : members) {
            java.util.Collection<CourseState> s = states.apply(row);
            enrolled += s.stream().anyMatch(CourseState::enrolled) ? 1 : 0;
            inProgress += s.stream().anyMatch(c -> c.status() == Status.IN_PROGRESS) ? 1 : 0;
            completed += s.stream().anyMatch(CourseState::completed) ? 1 : 0;
            certified += s.stream().anyMatch(CourseState::certified) ? 1 : 0;
            e30 += s.stream().anyMatch(c -> c.expiringWithin(30, today)) ? 1 : 0;
            e60 += s.stream().anyMatch(c -> c.expiringWithin(60, today)) ? 1 : 0;
            e90 += s.stream().anyMatch(c -> c.expiringWithin(90, today)) ? 1 : 0;
            overdue += s.stream().anyMatch(CourseState::overdue) ? 1 : 0;
        }
        return new Counts(members.size(), enrolled, inProgress, completed, certified, e30, e60, e90, overdue);
    }

    /** Members of today's team holding a valid certificate at the end of each of the last 24 months. */
    private static List<MonthPoint> overTime(Map<Long, List<Cert>> certificates, Set<Long> team, LocalDate today) {
        List<MonthPoint> points = new ArrayList<>();
        YearMonth now = YearMonth.from(today);
        for (int back = 23; back >= 0; back--) {
            YearMonth month = now.minusMonths(back);
            LocalDate on = back == 0 ? today : month.atEndOfMonth();
            int certified = (int) team.stream().filter(id -> certificates.getOrDefault(id, List.of()).stream()
                    .anyMatch(c -> !c.revoked() && !on.isBefore(c.issuedOn()) && !on.isAfter(c.expiresOn()))).count();
            points.add(new MonthPoint(month, on, certified));
        }
        return points;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
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
