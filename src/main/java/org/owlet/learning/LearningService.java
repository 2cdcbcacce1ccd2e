package org.owlet.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.exception.ConstraintViolationException;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.learning.srs.CardState;
import org.owlet.learning.srs.Sm2;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The learner's journey on the server: enrolment, lessons, drills (SM-2), quizzes and the final assessment,
 * scoring (here only), idempotent answers, and the event certification observes when a learner passes.
 */
@ApplicationScoped
public class LearningService {

    /** Mastery: a card answered correctly in two sessions at least this far apart. */
    static final Duration MASTERY_GAP = Duration.ofHours(8);

    @Inject
    CatalogService catalog;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    @Inject
    Event<FinalAssessmentPassed> passed;

    private final SecureRandom random = new SecureRandom();

    // ------------------------------------------------------------------ courses and enrolment

    public Course course(String courseId) {
        return catalog.course(courseId).orElseThrow(NotFoundException::new);
    }

    /** The exact version an attempt was taken on, even if the course has changed since. */
    public Course courseOf(Attempt attempt) {
        return catalog.course(attempt.courseId, attempt.contentHash).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public Enrolment enrol(Member member, String courseId) {
        Course course = course(courseId);
        return Enrolment.<Enrolment> find("member.id = ?1 and courseId = ?2", member.id, courseId).firstResultOptional()
                .orElseGet(() -> {
                    Enrolment enrolment = new Enrolment();
                    enrolment.member = Member.findById(member.id);
                    enrolment.courseId = course.id();
                    enrolment.contentHash = course.contentHash();
                    enrolment.enrolledAt = time.now();
                    enrolment.lastActivityAt = time.now();
                    enrolment.persist();
                    return enrolment;
                });
    }

    public Optional<Enrolment> enrolment(Member member, String courseId) {
        return Enrolment.find("member.id = ?1 and courseId = ?2", member.id, courseId).firstResultOptional();
    }

    public List<Enrolment> enrolments(Member member) {
        return Enrolment.list("member.id = ?1 order by lastActivityAt desc", member.id);
    }

    /** Assignments that concern this member: to them, or to their company. */
    public List<Assignment> assignments(Member member) {
        if (member.company == null) {
            return Assignment.list("member.id = ?1 order by dueOn", member.id);
        }
        return Assignment.list("member.id = ?1 or company.id = ?2 order by dueOn", member.id, member.company.id);
    }

    /** Remembers where the learner is, so "Continue" brings them back to the exact page. */
    @Transactional
    public void touch(Member member, String courseId, String path) {
        enrolment(member, courseId).ifPresent(e -> {
            Enrolment managed = Enrolment.findById(e.id);
            managed.lastPath = path;
            managed.lastActivityAt = time.now();
        });
    }

    // ------------------------------------------------------------------ lessons

    @Transactional
    public void markRead(Member member, String courseId, String lessonId) {
        Course course = course(courseId);
        course.module(lessonId).filter(Module.Lesson.class::isInstance).orElseThrow(NotFoundException::new);
        enrol(member, courseId);
        if (LessonRead.count("member.id = ?1 and courseId = ?2 and lessonId = ?3", member.id, courseId, lessonId) == 0) {
            LessonRead read = new LessonRead();
            read.member = Member.findById(member.id);
            read.courseId = courseId;
            read.lessonId = lessonId;
            read.readAt = time.now();
            read.persist();
        }
    }

    public Set<String> lessonsRead(Member member, String courseId) {
        return LessonRead.<LessonRead> list("member.id = ?1 and courseId = ?2", member.id, courseId).stream()
                .map(r -> r.lessonId).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ drills

    public record DrillCounts(int due, int fresh, int mastered, int total) {
    }

    public DrillCounts counts(Member member, Course course, Module.Drill drill) {
        Map<String, CardSchedule> rows = stateRows(member, course.id());
        Instant now = time.now();
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

    /** The next card: a due one first, then a new one; with {@code practice}, any card, least recently seen first. */
    public Optional<String> nextCard(Member member, Course course, Module.Drill drill, boolean practice) {
        Map<String, CardState> states = cardStates(member, course, drill);
        Instant now = time.now();
        Optional<String> due = drill.deck().stream().filter(states::containsKey)
                .filter(id -> Sm2.isDue(states.get(id), now))
                .min((a, b) -> states.get(a).due().compareTo(states.get(b).due()));
        if (due.isPresent()) {
            return due;
        }
        Optional<String> fresh = drill.deck().stream().filter(id -> !states.containsKey(id)).findFirst();
        if (fresh.isPresent() || !practice) {
            return fresh;
        }
        return drill.deck().stream().min((a, b) -> compareNullable(states.get(a).lastReviewed(), states.get(b).lastReviewed()));
    }

    private static int compareNullable(Instant a, Instant b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    private Map<String, CardState> cardStates(Member member, Course course, Module.Drill drill) {
        Map<String, CardState> states = new LinkedHashMap<>();
        stateRows(member, course.id()).forEach((id, row) -> {
            if (drill.deck().contains(id)) {
                states.put(id, new CardState(row.repetitions, row.easiness, row.intervalDays, row.due, row.lastReviewed));
            }
        });
        return states;
    }

    private Map<String, CardSchedule> stateRows(Member member, String courseId) {
        return CardSchedule.<CardSchedule> list("member.id = ?1 and courseId = ?2", member.id, courseId)
                .stream().collect(Collectors.toMap(s -> s.itemId, s -> s));
    }

    public boolean drillMastered(Member member, Course course, Module.Drill drill) {
        Map<String, CardSchedule> rows = stateRows(member, course.id());
        return drill.deck().stream().allMatch(id -> rows.containsKey(id) && rows.get(id).masteredAt != null);
    }

    public record Result(Answer answer, Item item, boolean duplicate) {
    }

    /** Records and scores a drill answer, then reschedules the card (SM-2) and updates its mastery. */
    public Result answerDrill(Member member, String courseId, String drillId, String itemId, Submission submission,
            String idempotencyKey, Instant shownAt, String language) {
        Course course = course(courseId);
        Module.Drill drill = course.module(drillId).filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                .orElseThrow(NotFoundException::new);
        if (!drill.deck().contains(itemId)) {
            throw new NotFoundException();
        }
        return record(member, course, "drill", drillId, null, itemId, submission, idempotencyKey, shownAt,
                course.languageFor(language), true);
    }

    // ------------------------------------------------------------------ quizzes and the final assessment

    public record FinalStatus(boolean gateMet, List<String> lessonsMissing, List<String> quizzesMissing, int attemptsUsed,
            int attemptsAllowed, Instant coolDownUntil, boolean passed) {

        public boolean canStart(Instant now) {
            return gateMet && !passed && attemptsUsed < attemptsAllowed && (coolDownUntil == null || !coolDownUntil.isAfter(now));
        }

        public int attemptsLeft() {
            return Math.max(0, attemptsAllowed - attemptsUsed);
        }
    }

    public FinalStatus finalStatus(Member member, Course course) {
        Module.FinalAssessment assessment = course.finalAssessment().orElseThrow(NotFoundException::new);
        Set<String> read = lessonsRead(member, course.id());
        List<String> lessonIds = course.modules().stream().filter(Module.Lesson.class::isInstance).map(Module::id).toList();
        List<String> quizIds = course.modules().stream().filter(Module.Quiz.class::isInstance).map(Module::id).toList();
        List<String> requiredLessons = gateList(assessment.gate() == null ? null : assessment.gate().lessonsRead(), lessonIds);
        List<String> requiredQuizzes = gateList(assessment.gate() == null ? null : assessment.gate().quizzesAttempted(), quizIds);
        Set<String> attemptedQuizzes = Attempt.<Attempt> list("member.id = ?1 and courseId = ?2 and moduleKind = 'quiz' and submittedAt is not null",
                member.id, course.id()).stream().map(a -> a.moduleId).collect(Collectors.toSet());
        List<String> lessonsMissing = requiredLessons.stream().filter(id -> !read.contains(id)).toList();
        List<String> quizzesMissing = requiredQuizzes.stream().filter(id -> !attemptedQuizzes.contains(id)).toList();
        List<Attempt> finals = Attempt.list("member.id = ?1 and courseId = ?2 and moduleKind = 'final' and submittedAt is not null order by submittedAt",
                member.id, course.id());
        boolean isPassed = finals.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed));
        long grants = AttemptGrant.count("member.id = ?1 and courseId = ?2", member.id, course.id());
        Instant coolDown = finals.isEmpty() || isPassed ? null
                : finals.get(finals.size() - 1).submittedAt.plus(Duration.ofHours(assessment.coolDownHours()));
        return new FinalStatus(lessonsMissing.isEmpty() && quizzesMissing.isEmpty(), lessonsMissing, quizzesMissing,
                finals.size(), assessment.maxAttempts() + (int) grants, coolDown, isPassed);
    }

    private static List<String> gateList(List<String> declared, List<String> all) {
        if (declared == null) {
            return List.of();
        }
        return declared.size() == 1 && declared.get(0).equals("all") ? all : declared;
    }

    /** Why an attempt cannot start now. */
    public static class NotAllowed extends RuntimeException {
        public final String reason;

        public NotAllowed(String reason) {
            super(reason);
            this.reason = reason;
        }
    }

    /** Starts (or resumes the open) attempt at a quiz or the final assessment, drawing its items at random. */
    @Transactional
    public Attempt start(Member member, String courseId, String moduleId) {
        Course course = course(courseId);
        Module module = course.module(moduleId).orElseThrow(NotFoundException::new);
        if (!(module instanceof Module.Quiz) && !(module instanceof Module.FinalAssessment)) {
            throw new NotFoundException();
        }
        enrol(member, courseId);
        Optional<Attempt> open = Attempt.find("member.id = ?1 and courseId = ?2 and moduleId = ?3 and moduleKind = ?4 and submittedAt is null",
                member.id, courseId, moduleId, module.kind()).firstResultOptional();
        if (open.isPresent()) {
            return open.get();
        }
        if (module instanceof Module.FinalAssessment) {
            FinalStatus status = finalStatus(member, course);
            if (status.passed()) {
                throw new NotAllowed("passed");
            }
            if (!status.gateMet()) {
                throw new NotAllowed("gate");
            }
            if (status.attemptsUsed() >= status.attemptsAllowed()) {
                throw new NotAllowed("attempts");
            }
            if (status.coolDownUntil() != null && status.coolDownUntil().isAfter(time.now())) {
                throw new NotAllowed("cooldown");
            }
        }
        int draw = module instanceof Module.Quiz quiz ? quiz.draw() : ((Module.FinalAssessment) module).draw();
        return newAttempt(member, course, module, module.kind(), draw);
    }

    /**
     * Starts (or resumes) a short refresher assessment drawn from the final assessment's pool: half the final's
     * draw, at least five questions. Certification decides who may take one (a certificate in its renewal window)
     * and calls this; a passed refresher raises {@link FinalAssessmentPassed} with {@code refresher = true}.
     */
    @Transactional
    public Attempt startRefresher(Member member, String courseId) {
        Course course = course(courseId);
        Module.FinalAssessment assessment = course.finalAssessment().orElseThrow(NotFoundException::new);
        Optional<Attempt> open = Attempt.find("member.id = ?1 and courseId = ?2 and moduleKind = 'refresher' and submittedAt is null",
                member.id, courseId).firstResultOptional();
        if (open.isPresent()) {
            return open.get();
        }
        int draw = Math.min(assessment.pool().size(), Math.max(5, assessment.draw() / 2));
        return newAttempt(member, course, assessment, "refresher", draw);
    }

    private Attempt newAttempt(Member member, Course course, Module module, String kind, int draw) {
        List<String> pool = new ArrayList<>(module.itemIds());
        long seed = random.nextLong();
        Collections.shuffle(pool, new Random(seed));
        Member managed = Member.findById(member.id);
        Attempt attempt = new Attempt();
        attempt.member = managed;
        attempt.company = managed.company;
        attempt.courseId = course.id();
        attempt.courseVersion = course.version();
        attempt.contentHash = course.contentHash();
        attempt.moduleId = module.id();
        attempt.moduleKind = kind;
        attempt.language = course.defaultLanguage();
        attempt.itemIds = String.join(",", pool.subList(0, Math.min(draw, pool.size())));
        attempt.seed = seed;
        attempt.startedAt = time.now();
        attempt.persist();
        return attempt;
    }

    public Attempt attempt(Member member, long attemptId) {
        return Attempt.<Attempt> findByIdOptional(attemptId).filter(a -> a.member.id.equals(member.id))
                .orElseThrow(NotFoundException::new);
    }

    public static List<String> items(Attempt attempt) {
        return List.of(attempt.itemIds.split(","));
    }

    public Map<String, Answer> answers(Attempt attempt) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Answer.<Answer> list("attempt.id = ?1 order by answeredAt, id", attempt.id).forEach(a -> answers.put(a.itemId, a));
        return answers;
    }

    /**
     * Records an answer within an open attempt. In a quiz, whose feedback shows the right answer, the first answer to
     * an item counts; in a final or refresher assessment (no feedback until the end) the learner may change an answer
     * before submitting: each answer is kept as a record and the latest one counts.
     */
    public Result answerInAttempt(Member member, long attemptId, String itemId, Submission submission, String idempotencyKey,
            Instant shownAt, String language) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> attempt(member, attemptId));
        if (attempt.submittedAt != null || !items(attempt).contains(itemId)) {
            throw new NotAllowed("closed");
        }
        Course course = courseOf(attempt);
        return record(member, course, attempt.moduleKind, attempt.moduleId, attempt, itemId, submission,
                idempotencyKey, shownAt, course.languageFor(language), false);
    }

    /** Submits an attempt: scores it; a passed final completes the course and tells certification. */
    @Transactional
    public Attempt submit(Member member, long attemptId, String language) {
        Attempt attempt = attempt(member, attemptId);
        if (attempt.submittedAt != null) {
            return attempt;
        }
        Course course = courseOf(attempt);
        Map<String, Answer> answers = answers(attempt);
        List<String> items = items(attempt);
        double total = items.stream().mapToDouble(id -> answers.containsKey(id) ? answers.get(id).score : 0).sum();
        attempt.score = items.isEmpty() ? 0 : total / items.size();
        attempt.submittedAt = time.now();
        attempt.language = course.languageFor(language);
        if (course.module(attempt.moduleId).orElseThrow() instanceof Module.FinalAssessment assessment) {
            attempt.passed = Math.round(attempt.score * 1000) / 10.0 >= assessment.passMark();
            boolean refresher = attempt.moduleKind.equals("refresher");
            if (attempt.passed && !refresher) {
                Enrolment enrolment = enrol(member, course.id());
                Enrolment managed = Enrolment.findById(enrolment.id);
                managed.completedAt = attempt.submittedAt;
                managed.completionLanguage = attempt.language;
            }
            if (attempt.passed) {
                passed.fire(new FinalAssessmentPassed(member.id, attempt.company == null ? null : attempt.company.id,
                        course.id(), course.version(), course.contentHash(), attempt.language, attempt.score, attempt.id,
                        refresher, attempt.submittedAt));
            }
        }
        return attempt;
    }

    /** One more final-assessment attempt for a member, granted by an admin (recorded). */
    @Transactional
    public void grantAttempt(Member admin, Member member, String courseId, String reason) {
        AttemptGrant grant = new AttemptGrant();
        grant.member = Member.findById(member.id);
        grant.courseId = course(courseId).id();
        grant.grantedBy = admin == null ? null : Member.findById(admin.id);
        grant.grantedAt = time.now();
        grant.reason = reason;
        grant.persist();
    }

    public List<Attempt> attempts(Member member, String courseId) {
        return Attempt.list("member.id = ?1 and courseId = ?2 and submittedAt is not null order by submittedAt desc",
                member.id, courseId);
    }

    // ------------------------------------------------------------------ recording answers

    private Result record(Member member, Course course, String moduleKind, String moduleId, Attempt attempt, String itemId,
            Submission submission, String idempotencyKey, Instant shownAt, String language, boolean drill) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new NotAllowed("key");
        }
        Item item = course.item(itemId).orElseThrow(NotFoundException::new);
        Optional<Answer> existing = QuarkusTransaction.requiringNew().call(() -> findAnswer(member, idempotencyKey));
        if (existing.isPresent()) {
            return new Result(existing.get(), item, true);
        }
        try {
            Answer answer = QuarkusTransaction.requiringNew().call(() -> {
                if (attempt != null && attempt.moduleKind.equals("quiz")
                        && Answer.count("attempt.id = ?1 and itemId = ?2", attempt.id, itemId) > 0) {
                    return Answer.<Answer> find("attempt.id = ?1 and itemId = ?2", attempt.id, itemId).firstResult();
                }
                Answer saved = save(member, course, moduleKind, moduleId, attempt, item, submission, idempotencyKey, shownAt,
                        language);
                if (drill) {
                    reschedule(saved);
                }
                return saved;
            });
            return new Result(answer, item, !answer.idempotencyKey.equals(idempotencyKey));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // the same submission arrived twice at once: the database kept the first
                return new Result(QuarkusTransaction.requiringNew().call(() -> findAnswer(member, idempotencyKey)).orElseThrow(), item, true);
            }
            throw e;
        }
    }

    private static Optional<Answer> findAnswer(Member member, String key) {
        return Answer.find("member.id = ?1 and idempotencyKey = ?2", member.id, key).firstResultOptional();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private Answer save(Member member, Course course, String moduleKind, String moduleId, Attempt attempt, Item item,
            Submission submission, String idempotencyKey, Instant shownAt, String language) {
        Member managed = Member.findById(member.id);
        double score = Scoring.score(item, submission);
        Answer answer = new Answer();
        answer.member = managed;
        answer.personKey = managed.personKey;
        answer.company = attempt != null ? attempt.company : managed.company;
        answer.courseId = course.id();
        answer.courseVersion = course.version();
        answer.contentHash = course.contentHash();
        answer.moduleKind = moduleKind;
        answer.moduleId = moduleId;
        answer.attempt = attempt == null ? null : Attempt.findById(attempt.id);
        answer.itemId = item.id();
        answer.itemHash = hash(item);
        answer.language = language;
        answer.response = toJson(submission);
        answer.score = score;
        answer.correct = score >= 0.999;
        Instant now = time.now();
        answer.shownAt = shownAt == null || shownAt.isAfter(now) ? now : shownAt;
        answer.answeredAt = now;
        answer.idempotencyKey = idempotencyKey;
        answer.persist();
        return answer;
    }

    private void reschedule(Answer answer) {
        CardSchedule row = CardSchedule.<CardSchedule> find(
                "member.id = ?1 and courseId = ?2 and itemId = ?3", answer.member.id, answer.courseId, answer.itemId)
                .firstResultOptional().orElseGet(() -> {
                    CardSchedule created = new CardSchedule();
                    CardState fresh = CardState.fresh(answer.answeredAt);
                    created.member = answer.member;
                    created.courseId = answer.courseId;
                    created.itemId = answer.itemId;
                    created.repetitions = fresh.repetitions();
                    created.easiness = fresh.easiness();
                    created.intervalDays = fresh.intervalDays();
                    created.due = fresh.due();
                    return created;
                });
        CardState next = Sm2.review(new CardState(row.repetitions, row.easiness, row.intervalDays, row.due, row.lastReviewed),
                Sm2.qualityFor(answer.correct, Duration.between(answer.shownAt, answer.answeredAt).toMillis()), answer.answeredAt);
        row.repetitions = next.repetitions();
        row.easiness = next.easiness();
        row.intervalDays = next.intervalDays();
        row.due = next.due();
        row.lastReviewed = next.lastReviewed();
        if (answer.correct) {
            if (row.firstCorrectAt == null) {
                row.firstCorrectAt = answer.answeredAt;
            } else if (row.masteredAt == null && !answer.answeredAt.isBefore(row.firstCorrectAt.plus(MASTERY_GAP))) {
                row.masteredAt = answer.answeredAt;
            }
        }
        row.persist();
    }

    String hash(Item item) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8));
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
