package org.owlet.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.organization.AuditLog;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.web.StoredText;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

/**
 * Quizzes, the final assessment and refreshers: the final's gate, attempts and cool-down, starting (or resuming)
 * an attempt, answering within it, and submitting it. A passed final completes the course and raises
 * {@link FinalAssessmentPassed}, exactly once per attempt.
 */
@ApplicationScoped
public class AssessmentService {

    /** Two starts at once: one open attempt per module (the loser resumes it); a first enrolment. */
    static final Set<String> START_RACES = Set.of("attempt_open_unique", "enrolment_unique");

    /**
     * @param drillsMissing the drill decks not yet gone through once (a card of them never answered): a course whose
     *                      final has a gate requires one full pass through every deck
     */
    public record FinalStatus(boolean gateMet, List<String> lessonsMissing, List<String> quizzesMissing,
            List<String> drillsMissing, int attemptsUsed, int attemptsAllowed, Instant coolDownUntil, boolean passed, Instant grantedAt,
            String grantReason) {

        public boolean canStart(Instant now) {
            return gateMet && !passed && attemptsUsed < attemptsAllowed && (coolDownUntil == null || !coolDownUntil.isAfter(now));
        }

        public int attemptsLeft() {
            return Math.max(0, attemptsAllowed - attemptsUsed);
        }
    }

    @Inject
    EnrolmentService enrolments;

    @Inject
    AnswerRecorder recorder;

    @Inject
    TimeSource time;

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    Shuffler shuffler;

    @Inject
    AuditLog audit;

    public FinalStatus finalStatus(Member member, Course course) {
        return finalStatus(course, enrolments.lessonsRead(member, course.id()), attempts(member, course.id()),
                drillCardsAnswered(member, course), AttemptGrant.list("member.id = ?1 and courseId = ?2 order by grantedAt desc",
                        member.id, course.id()));
    }

    /**
     * The final's status from what the member has done in the course: lessons read, submitted attempts (newest first),
     * drill cards answered ({@code drill/item}) and attempts granted (newest first). Reads nothing itself, so that
     * pages listing several courses read each table once ({@link ProgressService#of(Member, List)}).
     */
    static FinalStatus finalStatus(Course course, Set<String> read, List<Attempt> submitted, Set<String> drillCardsAnswered,
            List<AttemptGrant> granted) {
        Module.FinalAssessment assessment = course.finalAssessment().orElseThrow(() -> new NotFound("final of " + course.id()));
        List<String> lessonIds = course.modules().stream().filter(Module.Lesson.class::isInstance).map(Module::id).toList();
        List<String> quizIds = course.modules().stream().filter(Module.Quiz.class::isInstance).map(Module::id).toList();
        List<String> requiredLessons = gateList(assessment.gate() == null ? null : assessment.gate().lessonsRead(), lessonIds);
        List<String> requiredQuizzes = gateList(assessment.gate() == null ? null : assessment.gate().quizzesAttempted(), quizIds);
        Set<String> attemptedQuizzes = submitted.stream().filter(a -> a.kind == Activity.QUIZ).map(a -> a.moduleId)
                .collect(Collectors.toSet());
        List<String> lessonsMissing = requiredLessons.stream().filter(id -> !read.contains(id)).toList();
        List<String> quizzesMissing = requiredQuizzes.stream().filter(id -> !attemptedQuizzes.contains(id)).toList();
        List<String> drillsMissing = assessment.gate() == null ? List.of() : drillsNotGoneThrough(course, drillCardsAnswered);
        List<Attempt> finals = submitted.stream().filter(a -> a.kind == Activity.FINAL).toList(); // newest first
        boolean isPassed = finals.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed));
        long grants = granted.size();
        Instant coolDown = finals.isEmpty() || isPassed ? null
                : finals.get(0).submittedAt.plus(Duration.ofHours(assessment.coolDownHours()));
        if (coolDown != null && !granted.isEmpty() && granted.get(0).grantedAt.isAfter(finals.get(0).submittedAt)) {
            coolDown = null; // an attempt granted after the last failure may be taken at once
        }
        return new FinalStatus(lessonsMissing.isEmpty() && quizzesMissing.isEmpty() && drillsMissing.isEmpty(), lessonsMissing,
                quizzesMissing, drillsMissing,
                finals.size(), assessment.maxAttempts() + (int) grants, coolDown, isPassed,
                granted.isEmpty() ? null : granted.get(0).grantedAt, granted.isEmpty() ? null : granted.get(0).reason);
    }

    /** The drill cards ({@code drill/item}) the member has answered in the course, practice rounds included. */
    static Set<String> drillCardsAnswered(Member member, Course course) {
        if (course.modules().stream().noneMatch(Module.Drill.class::isInstance)) {
            return Set.of();
        }
        return new HashSet<>(Answer.getEntityManager().createQuery(
                "select distinct concat(a.moduleId, '/', a.itemId) from Answer a where a.member.id = ?1 and a.courseId = ?2 and a.activity = ?3",
                String.class).setParameter(1, member.id).setParameter(2, course.id()).setParameter(3, Activity.DRILL).getResultList());
    }

    /** The course's drill decks with a card the member has never answered in that drill (practice rounds count). */
    static List<String> drillsNotGoneThrough(Member member, Course course) {
        return drillsNotGoneThrough(course, drillCardsAnswered(member, course));
    }

    static List<String> drillsNotGoneThrough(Course course, Set<String> answered) {
        return course.modules().stream().filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                .filter(d -> d.deck().stream().anyMatch(item -> !answered.contains(d.id() + "/" + item))).map(Module::id).toList();
    }

    private static List<String> gateList(List<String> declared, List<String> all) {
        if (declared == null) {
            return List.of();
        }
        return declared.size() == 1 && declared.get(0).equals("all") ? all : declared;
    }

    /** Starts (or resumes the open) attempt at a quiz or the final assessment, drawing its items at random. */
    public Attempt start(Member member, String courseId, String moduleId) {
        Course course = enrolments.course(courseId);
        Module module = course.module(moduleId).orElseThrow(() -> new NotFound("module " + moduleId));
        Activity kind = module instanceof Module.Quiz ? Activity.QUIZ
                : module instanceof Module.FinalAssessment ? Activity.FINAL : null;
        if (kind == null) {
            throw new NotFound("assessment " + moduleId);
        }
        return Transactions.retrying(START_RACES, () -> {
            enrolments.enrolIn(member, course);
            return open(member, courseId, kind, moduleId).orElseGet(() -> {
                if (kind == Activity.FINAL) {
                    FinalStatus status = finalStatus(member, course);
                    if (status.passed()) {
                        throw new NotAllowed(Refusal.PASSED);
                    }
                    if (!status.gateMet()) {
                        throw new NotAllowed(Refusal.GATE);
                    }
                    if (status.attemptsUsed() >= status.attemptsAllowed()) {
                        throw new NotAllowed(Refusal.ATTEMPTS);
                    }
                    if (status.coolDownUntil() != null && status.coolDownUntil().isAfter(time.now())) {
                        throw new NotAllowed(Refusal.COOLDOWN);
                    }
                }
                int draw = module instanceof Module.Quiz quiz ? quiz.draw() : ((Module.FinalAssessment) module).draw();
                return newAttempt(member, course, module, kind, draw);
            });
        });
    }

    /**
     * Starts (or resumes) a refresher assessment drawn from the final assessment's pool ({@link #refresherDraw}). Certification decides who may take one (a certificate in its renewal window)
     * and calls this; a passed refresher raises {@link FinalAssessmentPassed} with {@code refresher = true}.
     */
    public Attempt startRefresher(Member member, String courseId) {
        Course course = enrolments.course(courseId);
        Module.FinalAssessment assessment = course.finalAssessment().orElseThrow(() -> new NotFound("final of " + courseId));
        int draw = refresherDraw(assessment);
        return Transactions.retrying(START_RACES, () -> open(member, courseId, Activity.REFRESHER, assessment.id())
                .orElseGet(() -> newAttempt(member, course, assessment, Activity.REFRESHER, draw)));
    }

    private static java.util.Optional<Attempt> open(Member member, String courseId, Activity kind, String moduleId) {
        return Attempt.find("member.id = ?1 and courseId = ?2 and openKey = ?3", member.id, courseId, Attempt.openKey(kind, moduleId))
                .firstResultOptional();
    }

    /**
     * A refresher's length: four fifths of the final's draw (12 of 15), at least five questions, at most the pool. Shorter
     * refreshers (7 of 15 were tried) let blind guessing pass more than 1 % of attempts at an 80 % pass mark
     * ({@link BlindGuessers}).
     */
    static int refresherDraw(Module.FinalAssessment assessment) {
        return Math.min(assessment.pool().size(), Math.max(5, assessment.draw() * 4 / 5));
    }

    /** The items an attempt asks, in order: the pool shuffled with the attempt's seed, the first {@code draw}. */
    static List<String> draw(List<String> pool, int draw, long seed) {
        return draw(pool, draw, seed, Set.of());
    }

    /**
     * The same draw, but items the learner has not been asked yet come first: a retake of the final, or a refresher,
     * asks what the earlier attempts did not before it repeats anything.
     */
    static List<String> draw(List<String> pool, int draw, long seed, Set<String> seen) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> ordered = new ArrayList<>(shuffled.stream().filter(id -> !seen.contains(id)).toList());
        shuffled.stream().filter(seen::contains).forEach(ordered::add);
        return List.copyOf(ordered.subList(0, Math.min(draw, ordered.size())));
    }

    /** The items the member's earlier finals and refreshers of this course asked. */
    private static Set<String> askedInFinals(Member member, String courseId) {
        Set<String> asked = new HashSet<>();
        Attempt.<Attempt> list("member.id = ?1 and courseId = ?2 and kind in ?3", member.id, courseId,
                List.of(Activity.FINAL, Activity.REFRESHER)).forEach(a -> asked.addAll(a.items()));
        return asked;
    }

    /** Whether a score (0–1) reaches a pass mark in percent, rounded to one decimal as the result page shows it. */
    static boolean passes(double score, int passMark) {
        return Math.round(score * 1000) / 10.0 >= passMark;
    }

    private Attempt newAttempt(Member member, Course course, Module module, Activity kind, int draw) {
        long seed = shuffler.nextSeed();
        Member managed = Member.findById(member.id);
        Attempt attempt = new Attempt();
        attempt.member = managed;
        attempt.company = managed.company;
        attempt.courseId = course.id();
        attempt.courseVersion = course.version();
        attempt.contentHash = course.contentHash();
        attempt.moduleId = module.id();
        attempt.kind = kind;
        attempt.language = course.defaultLanguage();
        Set<String> seen = kind.isAssessment() ? askedInFinals(member, course.id()) : Set.of();
        attempt.itemIds = String.join(",", draw(module.itemIds(), draw, seed, seen));
        attempt.seed = seed;
        attempt.startedAt = time.now();
        attempt.openKey = Attempt.openKey(kind, module.id());
        attempt.persistAndFlush();
        return attempt;
    }

    /** The member's own attempt, or 404 (another member's attempt is never told apart from a missing one). */
    public Attempt attempt(Member member, long attemptId) {
        return attempt(member.id, attemptId);
    }

    /** The member's attempt, or 404; by the member's id, so a page that knows the caller reads no member row. */
    public Attempt attempt(long memberId, long attemptId) {
        return Attempt.<Attempt> find("id = ?1 and member.id = ?2", attemptId, memberId).firstResultOptional()
                .orElseThrow(() -> new NotFound("attempt " + attemptId));
    }

    /** The answers that count in this attempt, by item id. */
    public Map<String, Answer> countedAnswers(Attempt attempt) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Answer.<Answer> list("attempt.id = ?1 and counted = true", attempt.id).forEach(a -> answers.put(a.itemId, a));
        return answers;
    }

    /**
     * Records an answer to a rendered question of an open attempt (see {@link AnswerRecorder} for which counts). The
     * question must be the member's own and belong to this attempt.
     */
    public AnswerRecorder.Result answer(Member member, long attemptId, String questionKey, String itemId, Submission submission,
            String language) {
        return answer(MemberRef.of(member), attemptId, questionKey, itemId, submission, language);
    }

    /** As {@link #answer(Member, long, String, String, Submission, String)}, for the caller known without its row. */
    public AnswerRecorder.Result answer(MemberRef member, long attemptId, String questionKey, String itemId, Submission submission,
            String language) {
        return recorder.record(member, new AnswerRecorder.InAttempt(attemptId), questionKey, itemId, submission, language);
    }

    /**
     * Submits an attempt: scores its counted answers; a passed final completes the course and tells certification.
     * The member's attempt is read with a lock ({@code SELECT … FOR UPDATE}, the latest row after any concurrent
     * submission): of two submissions at once exactly one closes it and fires the event; the other finds it closed and
     * returns it. Three statements (the attempt, its counted answers, the update), two more for a passed final's
     * enrolment, and what certification records for a pass.
     */
    @Transactional
    public Attempt submit(Member member, long attemptId, String language) {
        return submit(member.id, attemptId, language);
    }

    @Transactional
    public Attempt submit(long memberId, long attemptId, String language) {
        Attempt attempt = Attempt.<Attempt> find("id = ?1 and member.id = ?2", attemptId, memberId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NotFound("attempt " + attemptId));
        if (!attempt.isOpen()) {
            return attempt;
        }
        Course course = enrolments.courseOf(attempt);
        Map<String, Answer> answers = countedAnswers(attempt);
        List<String> items = attempt.items();
        double total = items.stream().mapToDouble(id -> answers.containsKey(id) ? answers.get(id).score : 0).sum();
        double score = items.isEmpty() ? 0 : total / items.size();
        Instant now = time.now();
        String lang = course.languageFor(language);
        Boolean pass = course.module(attempt.moduleId).orElseThrow() instanceof Module.FinalAssessment assessment
                ? passes(score, assessment.passMark()) : null;
        attempt.submittedAt = now;
        attempt.score = score;
        attempt.passed = pass;
        attempt.language = lang;
        attempt.openKey = null;
        Attempt.flush();
        if (!Boolean.TRUE.equals(pass)) {
            return attempt;
        }
        boolean refresher = attempt.kind == Activity.REFRESHER;
        if (!refresher) {
            Enrolment enrolment = enrolments.enrolIn(memberId, course);
            enrolment.completedAt = now;
            enrolment.completionLanguage = lang;
        }
        passed.fire(new FinalAssessmentPassed(memberId, attempt.company == null ? null : attempt.company.id, course.id(),
                course.version(), course.contentHash(), lang, score, attempt.id, refresher, now));
        return attempt;
    }

    /**
     * One more final-assessment attempt for a member, granted by an admin with a reason, recorded and audited. Refused
     * when the member has passed, or still has an attempt they may take now.
     */
    @Transactional
    public AttemptGrant grantAttempt(Member admin, Member member, String courseId, String reason) {
        Course course = enrolments.course(courseId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInput("learn", new FieldError("reason", "grant_reason_error", why));
        }
        if (!StoredText.isReadableText(why)) {
            throw new InvalidInput("learn", FieldError.of("reason", "text_unreadable"));
        }
        Member target = Member.findById(member.id);
        if (admin != null) {
            FinalStatus status = finalStatus(target, course);
            if (status.passed() || status.canStart(time.now()) || !status.gateMet() && status.attemptsLeft() > 0) {
                throw new NotAllowed(Refusal.GRANT_NOT_NEEDED);
            }
        }
        AttemptGrant grant = new AttemptGrant();
        grant.member = target;
        grant.courseId = course.id();
        grant.grantedBy = admin == null ? null : Member.findById(admin.id);
        grant.grantedAt = time.now();
        grant.reason = why;
        grant.persist();
        audit.record(grant.grantedBy, "attempt.granted", target.company, target, "course " + course.id() + ": " + why);
        return grant;
    }

    /** The extra attempts granted to a member in a course, newest first. */
    public List<AttemptGrant> grants(Member member, String courseId) {
        return AttemptGrant.list("member.id = ?1 and courseId = ?2 order by grantedAt desc", member.id, courseId);
    }

    /** The member's submitted attempts in a course, newest first. */
    public List<Attempt> attempts(Member member, String courseId) {
        return Attempt.list("member.id = ?1 and courseId = ?2 and submittedAt is not null order by submittedAt desc, id desc",
                member.id, courseId);
    }
}
