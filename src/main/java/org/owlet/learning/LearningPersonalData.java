package org.owlet.learning;

import static org.owlet.organization.PersonalData.tableOf;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.owlet.organization.AuditLog;
import org.owlet.organization.Member;
import org.owlet.organization.PersonalData;

/**
 * The learner's records in a member's data export, under {@code learning}: enrolments, lessons read, attempts,
 * every question shown to them (when, and in which order), every answer (the raw response as sent, its language and score; never the answer key), drill card schedules,
 * extra attempts granted to the member, and courses assigned to the member personally. Assignments to the member's
 * whole company are the company's, not the person's, and are not in it. Under {@code asAdmin}: the assignments the
 * member created and the attempts they granted as an admin, naming the other member by id only.
 * <p>
 * Erasure keeps every row, linked to the member row that no longer names anyone, so that completions, scores and
 * item analysis stay right; answers keep their person key and company. Responses are option ids, regions, points
 * and true/false, never free text, so they stay. The one free-text field about the member, the reason an admin
 * gave for granting an extra attempt, may name them ("back from sick leave, Ana …"): it is cleared. Grants and
 * assignments the member made as an admin keep their reason: it is about someone else, and the member row behind
 * {@code granted_by} and {@code created_by} names nobody any more.
 */
@ApplicationScoped
public class LearningPersonalData implements PersonalData {

    @Override
    public String name() {
        return "learning";
    }

    @Override
    public Set<String> tables() {
        return Set.of(tableOf(Enrolment.class), tableOf(LessonRead.class), tableOf(Attempt.class), tableOf(Answer.class),
                tableOf(CardSchedule.class), tableOf(AttemptGrant.class), tableOf(Assignment.class), tableOf(RenderedQuestion.class));
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("enrolments", Enrolment.<Enrolment> list("member.id = ?1 order by enrolledAt, id", member.id).stream()
                .map(e -> row("id", e.id, "course", e.courseId, "contentHash", e.contentHash, "enrolledAt", e.enrolledAt,
                        "lastPath", e.lastPath, "lastActivityAt", e.lastActivityAt, "completedAt", e.completedAt,
                        "completionLanguage", e.completionLanguage))
                .toList());
        section.put("lessonsRead", LessonRead.<LessonRead> list("member.id = ?1 order by readAt, id", member.id).stream()
                .map(r -> row("id", r.id, "course", r.courseId, "lesson", r.lessonId, "readAt", r.readAt))
                .toList());
        section.put("attempts", Attempt.<Attempt> list("member.id = ?1 order by startedAt, id", member.id).stream()
                .map(a -> row("id", a.id, "course", a.courseId, "courseVersion", a.courseVersion, "contentHash", a.contentHash,
                        "module", a.moduleId, "moduleKind", a.kind.code(), "language", a.language,
                        "items", List.of(a.itemIds.split(",")), "seed", a.seed, "company", a.company == null ? null : a.company.name,
                        "startedAt", a.startedAt, "submittedAt", a.submittedAt, "score", a.score, "passed", a.passed))
                .toList());
        section.put("answers", Answer.<Answer> list("member.id = ?1 order by answeredAt, id", member.id).stream()
                .map(a -> row("id", a.id, "attempt", a.attempt == null ? null : a.attempt.id, "course", a.courseId,
                        "courseVersion", a.courseVersion, "contentHash", a.contentHash, "module", a.moduleId,
                        "moduleKind", a.activity.code(), "item", a.itemId, "itemHash", a.itemHash, "language", a.language,
                        "response", a.response, "score", a.score, "correct", a.correct, "shownAt", a.shownAt,
                        "answeredAt", a.answeredAt, "question", a.question.key, "counted", a.counted, "personKey", a.personKey,
                        "company", a.company == null ? null : a.company.name))
                .toList());
        section.put("cardSchedules", CardSchedule.<CardSchedule> list("member.id = ?1 order by courseId, itemId", member.id).stream()
                .map(c -> row("id", c.id, "course", c.courseId, "item", c.itemId, "repetitions", c.repetitions,
                        "easiness", c.easiness, "intervalDays", c.intervalDays, "due", c.due, "lastReviewed", c.lastReviewed,
                        "lastAnsweredAt", c.lastAnsweredAt, "firstCorrectAt", c.firstCorrectAt, "masteredAt", c.masteredAt))
                .toList());
        section.put("questionsShown", RenderedQuestion.<RenderedQuestion> list("member.id = ?1 order by shownAt, id", member.id).stream()
                .map(q -> row("id", q.id, "key", q.key, "course", q.courseId, "contentHash", q.contentHash, "moduleKind", q.activity.code(),
                        "module", q.moduleId, "attempt", q.attempt == null ? null : q.attempt.id, "item", q.itemId,
                        "order", q.order(), "shownAt", q.shownAt, "answered", q.answered))
                .toList());
        section.put("attemptGrants", AttemptGrant.<AttemptGrant> list("member.id = ?1 order by grantedAt, id", member.id).stream()
                .map(g -> row("id", g.id, "course", g.courseId, "grantedAt", g.grantedAt, "grantedBy", actor(g.grantedBy, member),
                        "reason", g.reason))
                .toList());
        section.put("assignments", Assignment.<Assignment> list("member.id = ?1 order by dueOn, id", member.id).stream()
                .map(a -> row("id", a.id, "course", a.courseId, "dueOn", a.dueOn.toString(), "createdAt", a.createdAt,
                        "createdBy", actor(a.createdBy, member)))
                .toList());
        Map<String, Object> asAdmin = new LinkedHashMap<>();
        asAdmin.put("assignmentsCreated", Assignment.<Assignment> list("createdBy.id = ?1 order by createdAt, id", member.id).stream()
                .map(a -> row("id", a.id, "course", a.courseId, "dueOn", a.dueOn.toString(), "createdAt", a.createdAt,
                        "company", a.company == null ? null : a.company.name, "member", a.member == null ? null : a.member.id))
                .toList());
        asAdmin.put("attemptsGranted", AttemptGrant.<AttemptGrant> list("grantedBy.id = ?1 order by grantedAt, id", member.id).stream()
                .map(g -> row("id", g.id, "course", g.courseId, "member", g.member.id, "grantedAt", g.grantedAt, "reason", g.reason))
                .toList());
        section.put("asAdmin", asAdmin);
        return section;
    }

    @Override
    public void erase(Member member) {
        AttemptGrant.update("reason = null where member.id = ?1", member.id);
    }

    /** Who made a record about the member: "you", another admin's name, or "system". */
    private static String actor(Member actor, Member member) {
        if (actor == null) {
            return AuditLog.SYSTEM;
        }
        return actor.id.equals(member.id) ? "you" : actor.label();
    }

    /** One exported row from key-value pairs, in order; times as ISO-8601 text, nulls kept. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            row.put((String) keysAndValues[i], value instanceof Instant instant ? instant.toString() : value);
        }
        return row;
    }
}
