package org.owlet.learning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.learning.srs.Sm2;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.NotFound;

/** Image drills: which card comes next (SM-2), the deck's counts and mastery, and answering a card. */
@ApplicationScoped
public class DrillService {

    public record DrillCounts(int due, int fresh, int mastered, int total) {

        public boolean complete() {
            return mastered == total;
        }
    }

    @Inject
    EnrolmentService enrolments;

    @Inject
    AnswerRecorder recorder;

    @Inject
    QuestionService questions;

    @Inject
    TimeSource time;

    /** The drill of this course, or 404. */
    public Module.Drill drill(Course course, String drillId) {
        return course.module(drillId).filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                .orElseThrow(() -> new NotFound("drill " + drillId));
    }

    public DrillCounts counts(Member member, Course course, Module.Drill drill) {
        return counts(schedules(member, course.id()), drill, time.now());
    }

    static DrillCounts counts(Map<String, CardSchedule> rows, Module.Drill drill, Instant now) {
        int due = 0;
        int mastered = 0;
        int fresh = 0;
        for (String itemId : drill.deck()) {
            CardSchedule row = rows.get(itemId);
            if (row == null) {
                fresh++;
            } else {
                mastered += row.masteredAt != null ? 1 : 0;
                due += row.due.isAfter(now) ? 0 : 1;
            }
        }
        return new DrillCounts(due, fresh, mastered, drill.deck().size());
    }

    /** The card schedules, counts and next card of a drill for the member, from one query. */
    public record Deck(DrillCounts counts, Optional<String> next) {
    }

    /** What a drill's card page shows: the deck's counts and, unless the deck is done, the next card's question. */
    public record CardPage(Deck deck, Optional<QuestionService.Question> question) {
    }

    /**
     * The card page's reads and writes in one transaction (one connection, one commit): the visit (enrolling the member
     * if needed and remembering the page), the deck, and the next card's rendered question (recorded if new). Three
     * transactions before; retried as a whole when a concurrent first visit won the enrolment's race.
     */
    public CardPage cardPage(long memberId, Course course, Module.Drill drill, boolean practice, String path, String language) {
        return Transactions.retrying(EnrolmentService.RACES, () -> {
            enrolments.visitIn(memberId, course, path);
            Deck deck = deck(memberId, course, drill, practice);
            return new CardPage(deck, deck.next().map(itemId -> questions.drillCard(memberId, course, drill.id(), itemId, language)));
        });
    }

    @Transactional
    public Deck deck(long memberId, Course course, Module.Drill drill, boolean practice) {
        Map<String, CardSchedule> rows = schedules(memberId, course.id());
        Instant now = time.now();
        return new Deck(counts(rows, drill, now), nextCard(rows, drill, practice, now));
    }

    /** The next card: a due one first, then a new one; with {@code practice}, any card, least recently answered first. */
    public Optional<String> nextCard(Member member, Course course, Module.Drill drill, boolean practice) {
        return nextCard(schedules(member, course.id()), drill, practice, time.now());
    }

    static Optional<String> nextCard(Map<String, CardSchedule> rows, Module.Drill drill, boolean practice, Instant now) {
        List<String> deck = drill.deck();
        Optional<String> due = deck.stream().filter(rows::containsKey).filter(id -> Sm2.isDue(rows.get(id).schedule(), now))
                .min(Comparator.comparing(id -> rows.get(id).due));
        if (due.isPresent()) {
            return due;
        }
        Optional<String> fresh = deck.stream().filter(id -> !rows.containsKey(id)).findFirst();
        if (fresh.isPresent() || !practice) {
            return fresh;
        }
        return deck.stream().min(Comparator.comparing(id -> rows.get(id).lastAnsweredAt));
    }

    /** The member's card schedules in a course, by item id. */
    static Map<String, CardSchedule> schedules(Member member, String courseId) {
        return schedules(member.id, courseId);
    }

    /**
     * Read-only: what the pages show and count, never changed through these objects (an answer locks and loads its
     * card's schedule itself), so Hibernate keeps no snapshot of them and does not compare them at flush.
     */
    static Map<String, CardSchedule> schedules(long memberId, String courseId) {
        return CardSchedule.<CardSchedule> find("member.id = ?1 and courseId = ?2", memberId, courseId)
                .withHint(HibernateHints.HINT_READ_ONLY, true).stream().collect(Collectors.toMap(s -> s.itemId, s -> s));
    }

    /** Records and scores the answer to a rendered drill card, reschedules the card (SM-2) and updates its mastery. */
    public AnswerRecorder.Result answer(Member member, String courseId, String drillId, String questionKey, String itemId,
            Submission submission, String language) {
        return answer(MemberRef.of(member), courseId, drillId, questionKey, itemId, submission, language);
    }

    /** As {@link #answer(Member, String, String, String, String, Submission, String)}, for the caller known without its row. */
    public AnswerRecorder.Result answer(MemberRef member, String courseId, String drillId, String questionKey, String itemId,
            Submission submission, String language) {
        drill(enrolments.course(courseId), drillId);
        return recorder.record(member, new AnswerRecorder.InDrill(courseId, drillId), questionKey, itemId, submission, language);
    }
}
