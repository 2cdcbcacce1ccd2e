package org.owlet.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.learning.srs.Schedule;
import org.owlet.learning.srs.Sm2;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Records one answer in one transaction: the answer row, which answer of an attempt counts, and the drill card's
 * new schedule, or nothing at all, in at most five statements (see {@link #recordIn}). Concurrent requests are
 * serialised by the database: the attempt and the card schedule are locked ({@code SELECT … FOR UPDATE}), card
 * schedules carry an optimistic version, and the unique constraints in {@link #RACES} decide any race that is left
 * (two answers to one question: {@code answer_question_unique}); the loser retries and sees the winner's rows.
 *
 * <p>Which answer counts (README, "Learning"): every answer given is kept. In a quiz, which shows feedback after
 * each question, the first answer to an item counts; in a final or refresher, which shows nothing until the end,
 * the last answer before submitting counts. Drill answers feed the card's schedule; an answer to a card that is not
 * due (practice, or the same card answered in a second tab) is kept but does not reschedule it.
 */
@ApplicationScoped
public class AnswerRecorder {

    /** One answer per rendered question, one counted answer per attempt and item, one schedule per card. */
    static final Set<String> RACES = Set.of("answer_question_unique", "answer_counted_unique", "card_schedule_unique");

    /** The longest stored response (the column's size); a larger submission is refused with a 400. */
    static final int MAX_RESPONSE_CHARS = 4000;

    /** Mastery: a card answered correctly in two sessions at least this far apart. */
    static final Duration MASTERY_GAP = Duration.ofHours(8);

    /** The answer, its item, and whether it was recorded before (the same question submitted again). */
    public record Result(Answer answer, Item item, boolean duplicate) {
    }

    /** Where the answer is expected: a drill of a course, or an attempt. */
    sealed interface Place {
    }

    record InDrill(String courseId, String drillId) implements Place {
    }

    record InAttempt(long attemptId) implements Place {
    }

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    /**
     * Records the member's answer to the rendered question {@code key}. {@code itemId}, when given, must be the item
     * that question showed. A repeated submission of the same question returns the first answer, marked duplicate.
     */
    Result record(MemberRef member, Place place, String key, String itemId, Submission submission, String language) {
        String response = toJson(submission);
        if (response.length() > MAX_RESPONSE_CHARS) {
            throw new InvalidInput("learn", new FieldError("response", "answer_too_large", String.valueOf(response.length())));
        }
        return Transactions.retrying(RACES, () -> recordIn(member, place, key, itemId, submission, response, language));
    }

    /**
     * The statements of one answer, all in the caller's transaction. A quiz or final: the attempt is locked (1); the
     * rendered question is read with its answer, if any, and the attempt's counted answer to the item (2); in a final
     * the previous counted answer stops counting (3); the answer is inserted (4) and its question marked answered
     * (5). A drill card: the question and its answer (1), the answer (2), the card's schedule locked (3), the
     * question marked answered (4), the schedule inserted or updated (5). A second answer to the same question at
     * once is stopped by {@code answer_question_unique}; the retry finds the first one.
     */
    private Result recordIn(MemberRef member, Place place, String key, String itemId, Submission submission, String response,
            String language) {
        EntityManager em = Answer.getEntityManager();
        Attempt attempt = null;
        if (place instanceof InAttempt inAttempt) {
            attempt = Attempt.<Attempt> find("id = ?1 and member.id = ?2", inAttempt.attemptId(), member.id())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                    .orElseThrow(() -> new NotFound("attempt " + inAttempt.attemptId()));
            if (!attempt.isOpen()) {
                throw new NotAllowed(Refusal.CLOSED);
            }
        }
        if (key == null || key.isBlank() || key.length() > 64) {
            throw new NotAllowed(Refusal.QUESTION);
        }
        Object[] found = em.createQuery("select q, a, c from RenderedQuestion q left join Answer a on a.question = q"
                + " left join Answer c on c.attempt = q.attempt and c.countedItemId = q.itemId"
                + " where q.key = ?1 and q.member.id = ?2", Object[].class).setParameter(1, key).setParameter(2, member.id())
                .getResultStream().findFirst().orElseThrow(() -> new NotAllowed(Refusal.QUESTION));
        RenderedQuestion question = (RenderedQuestion) found[0];
        if (!matches(question, place) || itemId != null && !itemId.equals(question.itemId)) {
            throw new NotAllowed(Refusal.QUESTION);
        }
        Course course = catalog.course(question.courseId, question.contentHash)
                .orElseThrow(() -> new NotFound("course " + question.courseId + " " + question.contentHash));
        Item item = course.item(question.itemId).orElseThrow(() -> new NotFound("item " + question.itemId));
        if (found[1] != null) {
            return new Result((Answer) found[1], item, true);
        }
        boolean counted = false;
        if (attempt != null) {
            if (!attempt.items().contains(question.itemId)) {
                throw new NotAllowed(Refusal.CLOSED);
            }
            Answer before = (Answer) found[2];
            if (attempt.kind == Activity.QUIZ) {
                counted = before == null; // the first answer counts; feedback showed the right one
            } else {
                if (before != null) {
                    before.count(false); // the last answer counts
                    em.flush();
                }
                counted = true;
            }
        }
        Answer answer = save(member, course, question, attempt, item, submission, response, language, counted);
        question.answered = true;
        if (place instanceof InDrill) {
            reschedule(answer, member);
        }
        em.flush();
        return new Result(answer, item, false);
    }

    private static boolean matches(RenderedQuestion question, Place place) {
        if (place instanceof InDrill drill) {
            return question.activity == Activity.DRILL && question.courseId.equals(drill.courseId())
                    && question.moduleId.equals(drill.drillId());
        }
        return question.attempt != null && question.attempt.id == ((InAttempt) place).attemptId();
    }

    private Answer save(MemberRef member, Course course, RenderedQuestion question, Attempt attempt, Item item,
            Submission submission, String response, String language, boolean counted) {
        EntityManager em = Answer.getEntityManager();
        double score = Scoring.score(item, submission);
        Answer answer = new Answer();
        answer.member = em.getReference(Member.class, member.id());
        answer.personKey = member.personKey();
        answer.company = attempt != null ? attempt.company
                : member.companyId() == null ? null : em.getReference(Company.class, member.companyId());
        answer.courseId = course.id();
        answer.courseVersion = course.version();
        answer.contentHash = course.contentHash();
        answer.activity = question.activity;
        answer.moduleId = question.moduleId;
        answer.attempt = attempt;
        answer.itemId = item.id();
        answer.itemHash = hash(item);
        answer.language = course.languageFor(language);
        answer.response = response;
        answer.score = score;
        answer.correct = score >= 0.999;
        Instant now = time.now();
        answer.shownAt = question.shownAt.isAfter(now) ? now : question.shownAt;
        answer.answeredAt = now;
        answer.question = question;
        answer.count(counted);
        answer.persist();
        return answer;
    }

    /**
     * SM-2 for the card, when it is due (or new): a card answered before it is due keeps its schedule, so practice
     * rounds and a second tab cannot stretch it. Correct answers count towards mastery either way.
     */
    private void reschedule(Answer answer, MemberRef member) {
        CardSchedule found = CardSchedule.<CardSchedule> find("member.id = ?1 and courseId = ?2 and itemId = ?3", member.id(),
                answer.courseId, answer.itemId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
        CardSchedule row = found;
        if (row == null) { // inserted once complete, below: one statement
            row = new CardSchedule();
            row.member = answer.member;
            row.courseId = answer.courseId;
            row.itemId = answer.itemId;
            row.set(Schedule.fresh(answer.answeredAt));
        }
        row.lastAnsweredAt = answer.answeredAt;
        Schedule schedule = row.schedule();
        if (Sm2.isDue(schedule, answer.answeredAt)) {
            long millis = Duration.between(answer.shownAt, answer.answeredAt).toMillis();
            row.set(Sm2.review(schedule, Sm2.qualityFor(answer.correct, millis), answer.answeredAt));
        }
        if (answer.correct) {
            if (row.firstCorrectAt == null) {
                row.firstCorrectAt = answer.answeredAt;
            } else if (row.masteredAt == null && !answer.answeredAt.isBefore(row.firstCorrectAt.plus(MASTERY_GAP))) {
                row.masteredAt = answer.answeredAt;
            }
        }
        if (found == null) {
            row.persist();
        }
    }

    /** The item's hash, computed once per item of a loaded course (the items are immutable; weak keys compare identity). */
    private final Cache<Item, String> hashes = Caffeine.newBuilder().weakKeys().build();

    String hash(Item item) {
        return hashes.get(item, this::computeHash);
    }

    private String computeHash(Item item) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Submission submission) {
        try {
            return json.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
