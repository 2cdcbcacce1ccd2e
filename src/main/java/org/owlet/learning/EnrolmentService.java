package org.owlet.learning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.NotFound;

/** Courses as the learner meets them: which course, enrolment, assignments, where they left off, lessons read. */
@ApplicationScoped
public class EnrolmentService {

    /** The unique constraints two first visits at once can collide on; the loser's retry finds the winner's row. */
    static final Set<String> RACES = Set.of("enrolment_unique", "lesson_read_unique");

    /** How stale an enrolment's last activity may get before a page read refreshes it (the same page read again). */
    static final Duration VISIT_INTERVAL = Duration.ofMinutes(1);

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    /** The course as it is now. */
    public Course course(String courseId) {
        return catalog.course(courseId).orElseThrow(() -> new NotFound("course " + courseId));
    }

    /** The exact version an attempt was taken on, even if the course has changed since. */
    public Course courseOf(Attempt attempt) {
        return catalog.course(attempt.courseId, attempt.contentHash)
                .orElseThrow(() -> new NotFound("course " + attempt.courseId + " " + attempt.contentHash));
    }

    /** Enrols the member (once; a second call returns the same enrolment), in its own transaction. */
    public Enrolment enrol(Member member, String courseId) {
        Course course = course(courseId);
        return Transactions.retrying(RACES, () -> enrolIn(member, course));
    }

    /** Enrols within the caller's transaction (which then retries on {@link #RACES}). */
    @Transactional(Transactional.TxType.MANDATORY)
    Enrolment enrolIn(Member member, Course course) {
        return enrolIn(member.id, course);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Enrolment enrolIn(long memberId, Course course) {
        return Enrolment.<Enrolment> find("member.id = ?1 and courseId = ?2", memberId, course.id()).firstResultOptional().orElseGet(() -> {
            Enrolment enrolment = new Enrolment();
            enrolment.member = Member.getEntityManager().getReference(Member.class, memberId);
            enrolment.courseId = course.id();
            enrolment.contentHash = course.contentHash();
            enrolment.enrolledAt = time.now();
            enrolment.lastActivityAt = time.now();
            enrolment.persistAndFlush();
            return enrolment;
        });
    }

    public Optional<Enrolment> enrolment(Member member, String courseId) {
        return Enrolment.find("member.id = ?1 and courseId = ?2", member.id, courseId).firstResultOptional();
    }

    public List<Enrolment> enrolments(Member member) {
        return Enrolment.list("member.id = ?1 order by lastActivityAt desc", member.id);
    }

    /**
     * Assignments that concern this member today: made by their current company to them or to everyone in it (one
     * made by a company they have left no longer applies).
     */
    public List<Assignment> assignments(Member member) {
        if (member.company == null) {
            return List.of();
        }
        return Assignment.list("company.id = ?1 and (member is null or member.id = ?2) order by dueOn", member.company.id,
                member.id);
    }

    /**
     * Enrols the member if needed and remembers where they are, so "Continue" brings them back to the exact page:
     * one transaction for both. A page read again within {@link #VISIT_INTERVAL} writes nothing (one query to see that).
     */
    public void visit(Member member, String courseId, String path) {
        visit(member.id, courseId, path);
    }

    public void visit(long memberId, String courseId, String path) {
        Course course = course(courseId);
        Transactions.retrying(RACES, () -> visitIn(memberId, course, path));
    }

    /** {@link #visit} within the caller's transaction (which then retries on {@link #RACES}). */
    Enrolment visitIn(long memberId, Course course, String path) {
        Optional<Enrolment> known = Enrolment.<Enrolment> find("member.id = ?1 and courseId = ?2", memberId, course.id())
                .firstResultOptional();
        if (known.isPresent() && path.equals(known.get().lastPath)
                && known.get().lastActivityAt.plus(VISIT_INTERVAL).isAfter(time.now())) {
            return known.get();
        }
        Enrolment enrolment = enrolIn(memberId, course);
        enrolment.lastPath = path;
        enrolment.lastActivityAt = time.now();
        return enrolment;
    }

    /** Marks a lesson read (once) and enrols the member if needed. */
    public void markRead(Member member, String courseId, String lessonId) {
        Course course = course(courseId);
        course.module(lessonId).filter(Module.Lesson.class::isInstance).orElseThrow(() -> new NotFound("lesson " + lessonId));
        Transactions.retrying(RACES, () -> {
            enrolIn(member, course);
            if (LessonRead.count("member.id = ?1 and courseId = ?2 and lessonId = ?3", member.id, courseId, lessonId) == 0) {
                LessonRead read = new LessonRead();
                read.member = Member.getEntityManager().getReference(Member.class, member.id);
                read.courseId = courseId;
                read.lessonId = lessonId;
                read.readAt = time.now();
                read.persistAndFlush();
            }
            return null;
        });
    }

    public Set<String> lessonsRead(Member member, String courseId) {
        return LessonRead.<LessonRead> list("member.id = ?1 and courseId = ?2", member.id, courseId).stream()
                .map(r -> r.lessonId).collect(Collectors.toSet());
    }
}
