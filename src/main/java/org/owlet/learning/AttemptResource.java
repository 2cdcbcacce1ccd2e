package org.owlet.learning;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.CourseView;
import org.owlet.catalog.view.ItemView;
import org.owlet.organization.Member;
import org.owlet.web.errors.NotAllowed;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Quizzes, the final assessment and refreshers: starting an attempt, its questions one by one, the review before
 * submitting (finals only: a quiz's answers are final once its feedback is shown), submitting, and the result.
 */
@Authenticated
@Path("/learn")
@Produces(MediaType.TEXT_HTML)
public class AttemptResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance question(CourseView course, CourseView.ModuleView module, Attempt attempt,
                QuestionService.Question question, boolean isFinal);

        static native TemplateInstance review(CourseView course, CourseView.ModuleView module, Attempt attempt,
                List<ItemView> items, Set<String> answered, boolean canChange, List<FeedbackView> given);

        static native TemplateInstance result(CourseView course, CourseView.ModuleView module, Attempt attempt, int percent,
                List<FeedbackView> feedback, List<CourseView.ModuleView> toReview, boolean isFinal);
    }

    @Inject
    EnrolmentService enrolments;

    @Inject
    AssessmentService assessments;

    @Inject
    QuestionService questions;

    @Inject
    LearnPages pages;

    @POST
    @Path("/{courseId}/modules/{moduleId}/start")
    public Response start(@PathParam("courseId") String courseId, @PathParam("moduleId") String moduleId) {
        try {
            Attempt attempt = assessments.start(pages.me(), courseId, moduleId);
            return Response.seeOther(URI.create("/learn/attempts/" + attempt.id)).build();
        } catch (NotAllowed notAllowed) {
            Course course = enrolments.course(courseId);
            return Response.status(Response.Status.CONFLICT).entity(pages.notAllowedPage(course, (Refusal) notAllowed.reason(),
                    assessments.finalStatus(pages.me(), course))).build();
        }
    }

    /** A GET on the start address (e.g. a bookmarked link) shows the course page, which has the start button. */
    @GET
    @Path("/{courseId}/modules/{moduleId}/start")
    public Response startPage(@PathParam("courseId") String courseId, @PathParam("moduleId") String moduleId) {
        Course course = enrolments.course(courseId);
        Module module = course.modules().stream().filter(m -> m.id().equals(moduleId)).findFirst()
                .orElseThrow(() -> new NotFound("module " + moduleId + " of " + courseId));
        // the catalog's own ids (checked when the course is loaded), never the address's text
        return Response.seeOther(URI.create("/learn/" + course.id() + "#" + module.id())).build();
    }

    @GET
    @Path("/attempts/{attemptId}")
    public TemplateInstance attempt(@PathParam("attemptId") long attemptId, @QueryParam("n") Integer n) {
        Member me = pages.me();
        Attempt attempt = assessments.attempt(me, attemptId);
        if (!attempt.isOpen()) {
            return result(attemptId);
        }
        Course course = enrolments.courseOf(attempt);
        CourseView view = pages.view(course);
        CourseView.ModuleView module = LearnPages.moduleView(view, attempt.moduleId);
        List<String> items = attempt.items();
        Map<String, Answer> answers = assessments.countedAnswers(attempt);
        enrolments.visit(me, course.id(), "/learn/attempts/" + attemptId);
        boolean canChange = !attempt.kind.showsFeedback();
        int index = n != null && n >= 1 && n <= items.size() ? n - 1 : -1;
        if (index >= 0 && !canChange && answers.containsKey(items.get(index))) {
            index = -1; // a quiz answer is final once its feedback was shown
        }
        if (index < 0) {
            for (int i = 0; i < items.size(); i++) {
                if (!answers.containsKey(items.get(i))) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0) {
            List<ItemView> shown = items.stream().map(id -> view.items().stream().filter(i -> i.id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFound("item " + id))).toList();
            // a quiz's review lists the answers as given (the first counts); it offers no way to change them
            List<FeedbackView> given = canChange ? List.of()
                    : items.stream().map(id -> pages.feedback(course, course.item(id).orElseThrow(() -> new NotFound("item " + id)),
                            answers.get(id))).toList();
            return Templates.review(view, module, attempt, shown, answers.keySet(), canChange, given);
        }
        return Templates.question(view, module, attempt,
                questions.inAttempt(me, course, attempt, items.get(index), pages.lang(), index + 1, items.size()), canChange);
    }

    @POST
    @Path("/attempts/{attemptId}/answer")
    public Response answer(@PathParam("attemptId") long attemptId, @BeanParam AnswerForm form) {
        AnswerRecorder.Result result;
        try {
            result = assessments.answer(pages.meRef(), attemptId, form.key, form.item, form.submission(), pages.lang());
        } catch (NotAllowed closed) {
            if (closed.reason() != Refusal.CLOSED) {
                throw closed;
            }
            return Response.seeOther(URI.create("/learn/attempts/" + attemptId)).build(); // submitted meanwhile
        }
        if (!result.answer().activity.showsFeedback()) {
            // final and refresher: no feedback until the end
            return Response.seeOther(URI.create("/learn/attempts/" + attemptId)).build();
        }
        return Response.seeOther(URI.create("/learn/attempts/" + attemptId + "/feedback/" + result.answer().id)).build();
    }

    /** A quiz question's feedback, where its answer redirects: the learner's answer, the picture, the key and why. */
    @GET
    @Path("/attempts/{attemptId}/feedback/{answerId}")
    public TemplateInstance feedback(@PathParam("attemptId") long attemptId, @PathParam("answerId") long answerId) {
        Attempt attempt = assessments.attempt(pages.meRef().id(), attemptId);
        Answer answer = pages.ownAnswer(answerId);
        if (answer.attempt == null || !answer.attempt.id.equals(attempt.id) || !attempt.kind.showsFeedback()) {
            throw new NotFound("feedback " + answerId + " in attempt " + attemptId); // a final shows nothing until the end
        }
        return pages.feedbackPage(enrolments.courseOf(attempt), answer, "/learn/attempts/" + attemptId, "next_question");
    }

    @POST
    @Path("/attempts/{attemptId}/submit")
    public Response submit(@PathParam("attemptId") long attemptId) {
        assessments.submit(pages.meRef().id(), attemptId, pages.lang());
        return Response.seeOther(URI.create("/learn/attempts/" + attemptId + "/result")).build();
    }

    @GET
    @Path("/attempts/{attemptId}/result")
    public TemplateInstance result(@PathParam("attemptId") long attemptId) {
        Attempt attempt = assessments.attempt(pages.meRef().id(), attemptId);
        if (attempt.isOpen()) {
            throw new NotFound("result of open attempt " + attemptId);
        }
        Course course = enrolments.courseOf(attempt);
        CourseView view = pages.view(course);
        Map<String, Answer> answers = assessments.countedAnswers(attempt);
        List<FeedbackView> feedback = new ArrayList<>();
        Set<String> missed = new LinkedHashSet<>();
        for (String itemId : attempt.items()) {
            Answer answer = answers.get(itemId);
            Item item = course.item(itemId).orElseThrow(() -> new NotFound("item " + itemId));
            feedback.add(pages.feedback(course, item, answer));
            if (answer == null || !answer.correct) {
                missed.add(itemId);
            }
        }
        // topics to review: the lessons and drills whose items the learner missed
        List<CourseView.ModuleView> toReview = view.modules().stream()
                .filter(m -> m.kind().equals("drill") && m.itemIds().stream().anyMatch(missed::contains)
                        || m.kind().equals("lesson") && !missed.isEmpty())
                .toList();
        return Templates.result(view, LearnPages.moduleView(view, attempt.moduleId), attempt, (int) Math.round(attempt.score * 100),
                feedback, toReview, attempt.kind.isAssessment());
    }
}
