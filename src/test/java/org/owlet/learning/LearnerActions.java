package org.owlet.learning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.owlet.catalog.model.Course;
import org.owlet.organization.Member;

/** What a learner's browser does, through the services: show a question (the server records it), then answer it. */
@ApplicationScoped
public class LearnerActions {

    @Inject
    EnrolmentService enrolments;

    @Inject
    DrillService drills;

    @Inject
    AssessmentService assessments;

    @Inject
    QuestionService questions;

    /** Shows a drill card; returns the key its page would carry. */
    public String showCard(Member member, String courseId, String drillId, String itemId) {
        return questions.drillCard(member, enrolments.course(courseId), drillId, itemId, "en").key();
    }

    /** Shows a drill card and answers it. */
    public AnswerRecorder.Result answerCard(Member member, String courseId, String drillId, String itemId, Submission submission) {
        String key = showCard(member, courseId, drillId, itemId);
        return drills.answer(member, courseId, drillId, key, itemId, submission, "en");
    }

    /** Answers every card of every drill deck of the course once, rightly: one full pass, as the final's gate requires. */
    public void answerEveryCard(Member member, String courseId) {
        Course course = enrolments.course(courseId);
        for (org.owlet.catalog.model.Module module : course.modules()) {
            if (module instanceof org.owlet.catalog.model.Module.Drill drill) {
                for (String itemId : drill.deck()) {
                    answerCard(member, courseId, drill.id(), itemId, RightAnswers.of(course.item(itemId).orElseThrow()));
                }
            }
        }
    }

    /** Shows a question of an open attempt; returns the key its page would carry. */
    public String show(Member member, Attempt attempt, String itemId) {
        Course course = enrolments.courseOf(attempt);
        List<String> items = attempt.items();
        return questions.inAttempt(member, course, attempt, itemId, "en", items.indexOf(itemId) + 1, items.size()).key();
    }

    /** Shows a question of an open attempt and answers it. */
    public AnswerRecorder.Result answer(Member member, Attempt attempt, String itemId, Submission submission) {
        return assessments.answer(member, attempt.id, show(member, attempt, itemId), itemId, submission, "en");
    }

    /** Submits an attempt, as the learner's "Submit" button does. */
    public Attempt submit(Member member, Attempt attempt) {
        return assessments.submit(member, attempt.id, "en");
    }
}
