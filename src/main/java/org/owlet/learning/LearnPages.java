package org.owlet.learning;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.view.CourseView;
import org.owlet.organization.Caller;
import org.owlet.organization.Member;
import org.owlet.organization.MemberRef;
import org.owlet.web.LocaleResolver;
import org.owlet.web.errors.NotFound;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** What the learner's pages share: who and which language, the feedback page, the "not now" page. */
@RequestScoped
public class LearnPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedback(CourseView course, FeedbackView feedback, String next, String nextLabel);

        static native TemplateInstance notAllowed(CourseView course, String reason, AssessmentService.FinalStatus status);
    }

    @Inject
    CatalogService catalog;

    @Inject
    Caller caller;

    @Inject
    LocaleResolver locales;

    @Inject
    ObjectMapper json;

    String lang() {
        return locales.language().tag();
    }

    Member me() {
        return caller.member();
    }

    /** The caller's id, key and company, without reading the member row once known. */
    MemberRef meRef() {
        return caller.memberRef();
    }

    CourseView view(Course course) {
        return catalog.learnerView(course, lang());
    }

    static CourseView.ModuleView moduleView(CourseView view, String moduleId) {
        return view.modules().stream().filter(m -> m.id().equals(moduleId)).findFirst()
                .orElseThrow(() -> new NotFound("module " + moduleId));
    }

    /**
     * The feedback page after a drill card or a quiz question, at its own address (the answer's form redirects there, so
     * a reload shows it again instead of sending the answer twice).
     */
    TemplateInstance feedbackPage(Course course, Answer answer, String next, String nextLabel) {
        Item item = course.item(answer.itemId).orElseThrow(() -> new NotFound("item " + answer.itemId));
        return Templates.feedback(view(course), feedback(course, item, answer), next, nextLabel);
    }

    /** The learner's own answer, or 404. */
    Answer ownAnswer(long answerId) {
        return Answer.findOwn(answerId, meRef().id()).orElseThrow(() -> new NotFound("answer " + answerId)); // no member row
    }

    TemplateInstance notAllowedPage(Course course, Refusal reason, AssessmentService.FinalStatus status) {
        return Templates.notAllowed(view(course), reason.code(), status);
    }

    /** Feedback on an item as answered (or not answered: {@code answer} null), with the phrases the learner marked. */
    FeedbackView feedback(Course course, Item item, Answer answer) {
        return FeedbackView.of(catalog.learnerView(course, item, lang()), catalog.feedback(course, item, lang()), answer,
                submission(answer));
    }

    /** What the learner sent with an answer (null when none, or unreadable). */
    Submission submission(Answer answer) {
        if (answer == null) {
            return null;
        }
        try {
            return json.readValue(answer.response, Submission.class);
        } catch (IOException e) {
            return null;
        }
    }
}
