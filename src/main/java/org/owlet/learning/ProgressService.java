package org.owlet.learning;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;

/** A learner's progress in a course, computed once for the course page, the catalog, home and "My progress". */
@ApplicationScoped
public class ProgressService {

    /** Where a module stands for the learner: a passed final is {@code COMPLETED}, the course with it. */
    public enum State {
        TODO, PROGRESS, DONE, OPEN, LOCKED, COMPLETED;

        /** Done or completed: counts towards the course's percentage. */
        public boolean finished() {
            return this == DONE || this == COMPLETED;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One module: its state, and for drills the deck's counts, for quizzes the best score (-1 when none). */
    public record ModuleProgress(Module module, State state, DrillService.DrillCounts cards, int bestPercent) {
    }

    /**
     * @param enrolment null when not enrolled
     * @param attempts  submitted attempts, newest first
     * @param status    the final's status, null for a course without a final
     * @param percent   modules done, of all modules
     */
    public record CourseProgress(Course course, Enrolment enrolment, Set<String> lessonsRead, List<ModuleProgress> modules,
            List<Attempt> attempts, AssessmentService.FinalStatus status, int percent) {

        public int lessons() {
            return (int) course.modules().stream().filter(Module.Lesson.class::isInstance).count();
        }

        /** The passed final attempt, null while the course is not completed. */
        public Attempt passedFinal() {
            return attempts.stream().filter(a -> a.kind == Activity.FINAL && Boolean.TRUE.equals(a.passed)).findFirst().orElse(null);
        }

        public ModuleProgress module(String moduleId) {
            return modules.stream().filter(m -> m.module().id().equals(moduleId)).findFirst().orElseThrow();
        }
    }

    @Inject
    TimeSource time;

    public CourseProgress of(Member member, Course course) {
        return of(course, Done.read(member, course.id()));
    }

    /**
     * The progress in each course (by course id), from one read of each table for all of them: six statements for
     * the catalog or home page, where each course used to take eight.
     */
    public Map<String, CourseProgress> of(Member member, List<Course> courses) {
        Done done = Done.read(member, null);
        Map<String, CourseProgress> progress = new LinkedHashMap<>();
        courses.forEach(course -> progress.put(course.id(), of(course, done)));
        return progress;
    }

    /** What a member has done, read once, by course id: the rows {@link #of} and the final's status need. */
    record Done(Map<String, Enrolment> enrolments, Map<String, Set<String>> read, Map<String, List<Attempt>> attempts,
            Map<String, Map<String, CardSchedule>> schedules, Map<String, Set<String>> drillCards,
            Map<String, List<AttemptGrant>> grants) {

        /** The member's rows in one course, or in all ({@code courseId} null). */
        static Done read(Member member, String courseId) {
            String inCourse = courseId == null ? "" : " and courseId = ?2";
            Object[] params = courseId == null ? new Object[] { member.id } : new Object[] { member.id, courseId };
            EntityManager em = Enrolment.getEntityManager();
            Map<String, Enrolment> enrolments = Enrolment.<Enrolment> list("member.id = ?1" + inCourse, params).stream()
                    .collect(Collectors.toMap(e -> e.courseId, e -> e, (a, b) -> a));
            Map<String, Set<String>> read = new HashMap<>();
            pairs(em, "select r.courseId, r.lessonId from LessonRead r where r.member.id = ?1" + inCourse.replace("courseId", "r.courseId"),
                    params).forEach(row -> read.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]));
            Map<String, List<Attempt>> attempts = Attempt.<Attempt> list("member.id = ?1" + inCourse
                    + " and submittedAt is not null order by submittedAt desc, id desc", params).stream()
                    .collect(Collectors.groupingBy(a -> a.courseId, LinkedHashMap::new, Collectors.toList()));
            Map<String, Map<String, CardSchedule>> schedules = CardSchedule.<CardSchedule> find("member.id = ?1" + inCourse, params)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                    .collect(Collectors.groupingBy(c -> c.courseId, Collectors.toMap(c -> c.itemId, c -> c)));
            Map<String, Set<String>> drillCards = new HashMap<>();
            pairs(em, "select distinct a.courseId, concat(a.moduleId, '/', a.itemId) from Answer a where a.member.id = ?1"
                    + inCourse.replace("courseId", "a.courseId") + " and a.activity = " + Activity.class.getName() + ".DRILL", params)
                    .forEach(row -> drillCards.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]));
            Map<String, List<AttemptGrant>> grants = AttemptGrant.<AttemptGrant> list("member.id = ?1" + inCourse
                    + " order by grantedAt desc", params).stream()
                    .collect(Collectors.groupingBy(g -> g.courseId, LinkedHashMap::new, Collectors.toList()));
            return new Done(enrolments, read, attempts, schedules, drillCards, grants);
        }

        private static List<String[]> pairs(EntityManager em, String jpql, Object[] params) {
            var query = em.createQuery(jpql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().stream().map(r -> new String[] { (String) r[0], (String) r[1] }).toList();
        }
    }

    private CourseProgress of(Course course, Done rows) {
        Enrolment enrolment = rows.enrolments().get(course.id());
        Set<String> read = rows.read().getOrDefault(course.id(), Set.of());
        List<Attempt> attempts = rows.attempts().getOrDefault(course.id(), List.of());
        Map<String, CardSchedule> schedules = rows.schedules().getOrDefault(course.id(), Map.of());
        AssessmentService.FinalStatus status = course.finalAssessment().isPresent()
                ? AssessmentService.finalStatus(course, read, attempts, rows.drillCards().getOrDefault(course.id(), Set.of()),
                        rows.grants().getOrDefault(course.id(), List.of()))
                : null;
        Instant now = time.now();
        Map<String, ModuleProgress> modules = new LinkedHashMap<>();
        int done = 0;
        for (Module module : course.modules()) {
            ModuleProgress progress;
            if (module instanceof Module.Lesson lesson) {
                progress = new ModuleProgress(lesson, read.contains(lesson.id()) ? State.DONE : State.TODO, null, -1);
            } else if (module instanceof Module.Drill drill) {
                DrillService.DrillCounts counts = DrillService.counts(schedules, drill, now);
                progress = new ModuleProgress(drill, counts.complete() ? State.DONE
                        : counts.fresh() == counts.total() ? State.TODO : State.PROGRESS, counts, -1);
            } else if (module instanceof Module.Quiz quiz) {
                int best = attempts.stream().filter(a -> a.moduleId.equals(quiz.id()) && a.kind == Activity.QUIZ)
                        .mapToInt(a -> (int) Math.round(a.score * 100)).max().orElse(-1);
                progress = new ModuleProgress(quiz, best < 0 ? State.TODO : State.DONE, null, best);
            } else {
                progress = new ModuleProgress(module, status != null && status.passed() ? State.COMPLETED
                        : status != null && status.canStart(now) ? State.OPEN : State.LOCKED, null, -1);
            }
            done += progress.state().finished() ? 1 : 0;
            modules.put(module.id(), progress);
        }
        int percent = course.modules().isEmpty() ? 0 : done * 100 / course.modules().size();
        return new CourseProgress(course, enrolment, read, List.copyOf(modules.values()), attempts, status, percent);
    }
}
