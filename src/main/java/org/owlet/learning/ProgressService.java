package org.owlet.learning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    @Inject
    TimeSource time;

    public CourseProgress of(Member member, Course course) {
        Enrolment enrolment = enrolments.enrolment(member, course.id()).orElse(null);
        Set<String> read = enrolments.lessonsRead(member, course.id());
        List<Attempt> attempts = assessments.attempts(member, course.id());
        Map<String, CardSchedule> schedules = DrillService.schedules(member, course.id());
        AssessmentService.FinalStatus status = course.finalAssessment().isPresent() ? assessments.finalStatus(member, course) : null;
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
