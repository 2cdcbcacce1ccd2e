package org.owlet.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.learning.srs.Schedule;
import org.owlet.learning.srs.Sm2;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records one answer in one transaction: the answer row, which answer of an attempt counts, and the drill card's
 * new schedule, or nothing at all. Concurrent requests are serialised by the database: the rendered question and
 * the attempt are locked ({@code SELECT … FOR UPDATE}), card schedules carry an optimistic version, and the unique
 * constraints in {@link #RACES} decide any race that is left; the loser retries and sees the winner's rows.
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
    Result record(Member member, Place place, String key, String itemId, Submission submission, String language) {
        if (key == null || key.isBlank() || key.length() > 64) {
            throw new NotAllowed(Refusal.QUESTION);
        }
        String response = toJson(submission);
        if (response.length() > MAX_RESPONSE_CHARS) {
            throw new InvalidInput("learn", new FieldError("response", "answer_too_large", String.valueOf(response.length())));
        }
        return Transactions.retrying(RACES, () -> recordIn(member, place, key, itemId, submission, response, language));
    }

    private Result recordIn(Member member, Place place, String key, String itemId, Submission submission, String response,
            String language) {
        RenderedQuestion question = RenderedQuestion.<RenderedQuestion> find("key = ?1 and member.id = ?2", key, member.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NotAllowed(Refusal.QUESTION));
        if (!matches(question, place) || itemId != null && !itemId.equals(question.itemId)) {
            throw new NotAllowed(Refusal.QUESTION);
        }
        Course course = catalog.course(question.courseId, question.contentHash)
                .orElseThrow(() -> new NotFound("course " + question.courseId + " " + question.contentHash));
        Item item = course.item(question.itemId).orElseThrow(() -> new NotFound("item " + question.itemId));
        if (question.answered) {
            Answer first = Answer.<Answer> find("question.id", question.id).firstResultOptional().orElseThrow();
            return new Result(first, item, true);
        }
        Attempt attempt = null;
        boolean counted = false;
        if (place instanceof InAttempt) {
            attempt = Attempt.<Attempt> findByIdOptional(question.attempt.id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
            if (!attempt.isOpen() || !attempt.items().contains(question.itemId)) {
                throw new NotAllowed(Refusal.CLOSED);
            }
            Optional<Answer> before = Answer.find("attempt.id = ?1 and countedItemId = ?2", attempt.id, question.itemId)
                    .firstResultOptional();
            if (attempt.kind == Activity.QUIZ) {
                counted = before.isEmpty(); // the first answer counts; feedback showed the right one
            } else {
                before.ifPresent(previous -> previous.count(false)); // the last answer counts
                Answer.flush();
                counted = true;
            }
        }
        Answer answer = save(member, course, question, attempt, item, submission, response, language, counted);
        question.answered = true;
        if (place instanceof InDrill) {
            reschedule(answer);
        }
        Answer.flush();
        return new Result(answer, item, false);
    }

    private static boolean matches(RenderedQuestion question, Place place) {
        if (place instanceof InDrill drill) {
            return question.activity == Activity.DRILL && question.courseId.equals(drill.courseId())
                    && question.moduleId.equals(drill.drillId());
        }
        return question.attempt != null && question.attempt.id == ((InAttempt) place).attemptId();
    }

    private Answer save(Member member, Course course, RenderedQuestion question, Attempt attempt, Item item, Submission submission,
            String response, String language, boolean counted) {
        Member managed = Member.findById(member.id);
        double score = Scoring.score(item, submission);
        Answer answer = new Answer();
        answer.member = managed;
        answer.personKey = managed.personKey;
        answer.company = attempt != null ? attempt.company : managed.company;
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
    private void reschedule(Answer answer) {
        CardSchedule row = CardSchedule.<CardSchedule> find("member.id = ?1 and courseId = ?2 and itemId = ?3", answer.member.id,
                answer.courseId, answer.itemId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElseGet(() -> {
                    CardSchedule created = new CardSchedule();
                    created.member = answer.member;
                    created.courseId = answer.courseId;
                    created.itemId = answer.itemId;
                    created.set(Schedule.fresh(answer.answeredAt));
                    created.lastAnsweredAt = answer.answeredAt;
                    created.persistAndFlush();
                    return created;
                });
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
    }

    String hash(Item item) {
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
