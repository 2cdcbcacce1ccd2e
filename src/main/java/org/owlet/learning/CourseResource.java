package org.owlet.learning;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.CourseView;
import org.owlet.organization.Member;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The learner's course pages: the catalog and enrolment, a course's modules with their state, lessons.
 * Pages never contain an answer key: they render the catalog's learner views. Access: signed in
 * (application.properties, "Roles").
 */
@Authenticated
@Path("/learn")
@Produces(MediaType.TEXT_HTML)
public class CourseResource {

    public record CourseCard(CourseView.Summary course, Enrolment enrolment, int percent, LocalDate dueOn) {
    }

    public record ModuleRow(CourseView.ModuleView module, String state, String detail, String href) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<CourseCard> courses);

        static native TemplateInstance course(CourseView course, List<ModuleRow> modules, AssessmentService.FinalStatus status,
                Enrolment enrolment, Attempt passedFinal);

        static native TemplateInstance lesson(CourseView course, CourseView.ModuleView lesson, boolean read);
    }

    @Inject
    EnrolmentService enrolments;

    @Inject
    ProgressService progress;

    @Inject
    CatalogService catalog;

    @Inject
    LearnPages pages;

    @GET
    public TemplateInstance catalog() {
        Member me = pages.me();
        String lang = pages.lang();
        Map<String, LocalDate> due = new HashMap<>();
        enrolments.assignments(me).forEach(a -> due.merge(a.courseId, a.dueOn, (x, y) -> x.isBefore(y) ? x : y));
        List<CourseCard> cards = new ArrayList<>();
        // offered in the learner's language (or assigned to them)
        List<Course> shown = catalog.courses().stream().filter(c -> c.languages().contains(lang) || due.containsKey(c.id())).toList();
        Map<String, ProgressService.CourseProgress> progresses = progress.of(me, shown);
        for (Course course : shown) {
            ProgressService.CourseProgress mine = progresses.get(course.id());
            cards.add(new CourseCard(catalog.summary(course, lang), mine.enrolment(), mine.enrolment() == null ? 0 : mine.percent(),
                    due.get(course.id())));
        }
        return Templates.catalog(cards);
    }

    @POST
    @Path("/{courseId}/enrol")
    public Response enrol(@PathParam("courseId") String courseId) {
        enrolments.enrol(pages.me(), courseId);
        return Response.seeOther(URI.create("/learn/" + courseId)).build();
    }

    @GET
    @Path("/{courseId}")
    public TemplateInstance course(@PathParam("courseId") String courseId) {
        Course course = enrolments.course(courseId);
        CourseView view = pages.view(course);
        ProgressService.CourseProgress mine = progress.of(pages.me(), course);
        String base = "/learn/" + courseId;
        List<ModuleRow> rows = new ArrayList<>();
        for (CourseView.ModuleView module : view.modules()) {
            ProgressService.ModuleProgress state = mine.module(module.id());
            String detail = null;
            String href = base + "/modules/" + module.id() + "/start";
            if (state.module() instanceof Module.Lesson) {
                href = base + "/lessons/" + module.id();
            } else if (state.module() instanceof Module.Drill) {
                detail = state.cards().mastered() + "/" + state.cards().total();
                href = base + "/drills/" + module.id();
            } else if (state.module() instanceof Module.Quiz && state.bestPercent() >= 0) {
                detail = state.bestPercent() + "%";
            }
            rows.add(new ModuleRow(module, state.state().code(), detail, href));
        }
        return Templates.course(view, rows, mine.status(), mine.enrolment(), mine.passedFinal());
    }

    @GET
    @Path("/{courseId}/lessons/{lessonId}")
    public TemplateInstance lesson(@PathParam("courseId") String courseId, @PathParam("lessonId") String lessonId) {
        Course course = enrolments.course(courseId);
        CourseView view = pages.view(course);
        CourseView.ModuleView lesson = view.modules().stream().filter(m -> m.id().equals(lessonId) && m.kind().equals("lesson"))
                .findFirst().orElseThrow(() -> new NotFound("lesson " + lessonId));
        enrolments.visit(pages.me(), courseId, "/learn/" + courseId + "/lessons/" + lessonId);
        return Templates.lesson(view, lesson, enrolments.lessonsRead(pages.me(), courseId).contains(lessonId));
    }

    @POST
    @Path("/{courseId}/lessons/{lessonId}/read")
    public Response markRead(@PathParam("courseId") String courseId, @PathParam("lessonId") String lessonId) {
        enrolments.markRead(pages.me(), courseId, lessonId);
        List<Module> modules = enrolments.course(courseId).modules();
        for (int i = 0; i < modules.size() - 1; i++) {
            if (modules.get(i).id().equals(lessonId) && modules.get(i + 1) instanceof Module.Lesson next) {
                return Response.seeOther(URI.create("/learn/" + courseId + "/lessons/" + next.id())).build();
            }
        }
        return Response.seeOther(URI.create("/learn/" + courseId)).build();
    }
}
