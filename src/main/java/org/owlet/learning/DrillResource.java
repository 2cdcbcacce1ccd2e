package org.owlet.learning;

import java.net.URI;

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
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.CourseView;
import org.owlet.organization.MemberRef;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Image drills: the next card (SM-2, or any card in practice mode) and the feedback after answering it. */
@Authenticated
@Path("/learn/{courseId}/drills/{drillId}")
@Produces(MediaType.TEXT_HTML)
public class DrillResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(CourseView course, CourseView.ModuleView drill, QuestionService.Question question,
                DrillService.DrillCounts counts, boolean practice);

        static native TemplateInstance drillDone(CourseView course, CourseView.ModuleView drill, DrillService.DrillCounts counts);
    }

    @Inject
    EnrolmentService enrolments;

    @Inject
    DrillService drills;

    @Inject
    LearnPages pages;

    @GET
    public TemplateInstance drill(@PathParam("courseId") String courseId, @PathParam("drillId") String drillId,
            @QueryParam("practice") boolean practice) {
        MemberRef me = pages.meRef();
        Course course = enrolments.course(courseId);
        Module.Drill drill = drills.drill(course, drillId);
        CourseView view = pages.view(course);
        CourseView.ModuleView module = LearnPages.moduleView(view, drillId);
        DrillService.CardPage card = drills.cardPage(me.id(), course, drill, practice, "/learn/" + courseId + "/drills/" + drillId,
                pages.lang());
        return card.question().map(question -> Templates.card(view, module, question, card.deck().counts(), practice))
                .orElseGet(() -> Templates.drillDone(view, module, card.deck().counts()));
    }

    @POST
    @Path("/answer")
    public Response answer(@PathParam("courseId") String courseId, @PathParam("drillId") String drillId,
            @BeanParam AnswerForm form) {
        AnswerRecorder.Result result = drills.answer(pages.meRef(), courseId, drillId, form.key, form.item, form.submission(),
                pages.lang());
        return Response.seeOther(URI.create("/learn/" + courseId + "/drills/" + drillId + "/feedback/" + result.answer().id
                + (form.practice ? "?practice=true" : ""))).build();
    }

    /** A card's feedback, where its answer redirects: a reload shows it again and records nothing. */
    @GET
    @Path("/feedback/{answerId}")
    public TemplateInstance feedback(@PathParam("courseId") String courseId, @PathParam("drillId") String drillId,
            @PathParam("answerId") long answerId, @QueryParam("practice") boolean practice) {
        Answer answer = pages.ownAnswer(answerId);
        if (!answer.courseId.equals(courseId) || !answer.moduleId.equals(drillId) || answer.attempt != null) {
            throw new NotFound("feedback " + answerId + " in drill " + drillId);
        }
        return pages.feedbackPage(enrolments.course(courseId), answer,
                "/learn/" + courseId + "/drills/" + drillId + (practice ? "?practice=true" : ""), "next_card");
    }
}
