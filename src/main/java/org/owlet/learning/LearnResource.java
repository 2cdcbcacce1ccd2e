package org.owlet.learning;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.CourseView;
import org.owlet.catalog.view.ItemView;
import org.owlet.organization.Caller;
import org.owlet.organization.Member;
import org.owlet.web.LocaleResolver;
import org.owlet.web.TimeSource;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The learner's pages: course catalog and enrolment, lessons, drill cards, quizzes and the final assessment.
 * Pages never contain an answer key before the answer is submitted: they render the catalog's learner views.
 * Access: signed in (application.properties, "Roles").
 */
@Path("/learn")
@Produces(MediaType.TEXT_HTML)
public class LearnResource {

    public record CourseCard(CourseView.Summary course, Enrolment enrolment, int percent, java.time.LocalDate dueOn) {
    }

    public record ModuleRow(CourseView.ModuleView module, String state, String detail, String href) {
    }

    public record Question(ItemView item, String key, long shownAt, int number, int total, boolean multiple) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<CourseCard> courses);

        static native TemplateInstance course(CourseView course, List<ModuleRow> modules, LearningService.FinalStatus status,
                Enrolment enrolment);

        static native TemplateInstance lesson(CourseView course, CourseView.ModuleView lesson, boolean read);

        static native TemplateInstance card(CourseView course, CourseView.ModuleView drill, Question question,
                LearningService.DrillCounts counts, boolean practice);

        static native TemplateInstance drillDone(CourseView course, CourseView.ModuleView drill, LearningService.DrillCounts counts);

        static native TemplateInstance feedback(CourseView course, FeedbackView feedback, String next, String nextLabel);

        static native TemplateInstance question(CourseView course, CourseView.ModuleView module, Attempt attempt, Question question,
                boolean isFinal);

        static native TemplateInstance review(CourseView course, CourseView.ModuleView module, Attempt attempt,
                List<ItemView> items, Set<String> answered);

        static native TemplateInstance result(CourseView course, CourseView.ModuleView module, Attempt attempt, int percent,
                List<FeedbackView> feedback, List<CourseView.ModuleView> toReview, boolean isFinal);

        static native TemplateInstance notAllowed(CourseView course, String reason, LearningService.FinalStatus status);
    }

    @Inject
    LearningService learning;

    @Inject
    CatalogService catalog;

    @Inject
    Caller caller;

    @Inject
    LocaleResolver locales;

    @Inject
    TimeSource time;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private String lang() {
        return locales.language().tag();
    }

    private Member me() {
        return caller.member();
    }

    // ------------------------------------------------------------------ catalog and course

    @GET
    public TemplateInstance catalog() {
        Member me = me();
        Map<String, java.time.LocalDate> due = new java.util.HashMap<>();
        learning.assignments(me).forEach(a -> due.merge(a.courseId, a.dueOn, (x, y) -> x.isBefore(y) ? x : y));
        List<CourseCard> cards = new ArrayList<>();
        for (Course course : catalog.courses()) {
            if (!course.languages().contains(lang()) && !due.containsKey(course.id())) {
                continue; // offered in the learner's language (or assigned to them)
            }
            Enrolment enrolment = learning.enrolment(me, course.id()).orElse(null);
            cards.add(new CourseCard(catalog.summary(course, lang()), enrolment,
                    enrolment == null ? 0 : percent(me, course), due.get(course.id())));
        }
        return Templates.catalog(cards);
    }

    @POST
    @Path("/{courseId}/enrol")
    public Response enrol(@PathParam("courseId") String courseId) {
        learning.enrol(me(), courseId);
        return Response.seeOther(URI.create("/learn/" + courseId)).build();
    }

    @GET
    @Path("/{courseId}")
    public TemplateInstance course(@PathParam("courseId") String courseId) {
        Member me = me();
        Course course = learning.course(courseId);
        CourseView view = catalog.learnerView(course, lang());
        Set<String> read = learning.lessonsRead(me, courseId);
        List<Attempt> attempts = learning.attempts(me, courseId);
        LearningService.FinalStatus status = course.finalAssessment().isPresent() ? learning.finalStatus(me, course) : null;
        List<ModuleRow> rows = new ArrayList<>();
        for (CourseView.ModuleView module : view.modules()) {
            String base = "/learn/" + courseId;
            switch (module.kind()) {
                case "lesson" -> rows.add(new ModuleRow(module, read.contains(module.id()) ? "done" : "todo", null,
                        base + "/lessons/" + module.id()));
                case "drill" -> {
                    Module.Drill drill = (Module.Drill) course.module(module.id()).orElseThrow();
                    LearningService.DrillCounts counts = learning.counts(me, course, drill);
                    rows.add(new ModuleRow(module, counts.mastered() == counts.total() ? "done"
                            : counts.fresh() == counts.total() ? "todo" : "progress",
                            counts.mastered() + "/" + counts.total(), base + "/drills/" + module.id()));
                }
                case "quiz" -> {
                    int best = attempts.stream().filter(a -> a.moduleId.equals(module.id()))
                            .mapToInt(a -> (int) Math.round(a.score * 100)).max().orElse(-1);
                    rows.add(new ModuleRow(module, best < 0 ? "todo" : "done", best < 0 ? null : best + "%",
                            base + "/modules/" + module.id() + "/start"));
                }
                default -> rows.add(new ModuleRow(module, status != null && status.passed() ? "done"
                        : status != null && status.canStart(time.now()) ? "open" : "locked", null,
                        base + "/modules/" + module.id() + "/start"));
            }
        }
        return Templates.course(view, rows, status, learning.enrolment(me, courseId).orElse(null));
    }

    private int percent(Member me, Course course) {
        Set<String> read = learning.lessonsRead(me, course.id());
        List<Attempt> attempts = learning.attempts(me, course.id());
        int done = 0;
        for (Module module : course.modules()) {
            if (module instanceof Module.Lesson && read.contains(module.id())
                    || module instanceof Module.Drill drill && learning.drillMastered(me, course, drill)
                    || module instanceof Module.Quiz && attempts.stream().anyMatch(a -> a.moduleId.equals(module.id()))
                    || module instanceof Module.FinalAssessment && attempts.stream()
                            .anyMatch(a -> a.moduleId.equals(module.id()) && Boolean.TRUE.equals(a.passed))) {
                done++;
            }
        }
        return course.modules().isEmpty() ? 0 : done * 100 / course.modules().size();
    }

    // ------------------------------------------------------------------ lessons

    @GET
    @Path("/{courseId}/lessons/{lessonId}")
    public TemplateInstance lesson(@PathParam("courseId") String courseId, @PathParam("lessonId") String lessonId) {
        Course course = learning.course(courseId);
        CourseView view = catalog.learnerView(course, lang());
        CourseView.ModuleView lesson = view.modules().stream().filter(m -> m.id().equals(lessonId) && m.kind().equals("lesson"))
                .findFirst().orElseThrow(NotFoundException::new);
        learning.enrol(me(), courseId);
        learning.touch(me(), courseId, "/learn/" + courseId + "/lessons/" + lessonId);
        return Templates.lesson(view, lesson, learning.lessonsRead(me(), courseId).contains(lessonId));
    }

    @POST
    @Path("/{courseId}/lessons/{lessonId}/read")
    public Response markRead(@PathParam("courseId") String courseId, @PathParam("lessonId") String lessonId) {
        learning.markRead(me(), courseId, lessonId);
        Course course = learning.course(courseId);
        List<Module> modules = course.modules();
        for (int i = 0; i < modules.size() - 1; i++) {
            if (modules.get(i).id().equals(lessonId) && modules.get(i + 1) instanceof Module.Lesson next) {
                return Response.seeOther(URI.create("/learn/" + courseId + "/lessons/" + next.id())).build();
            }
        }
        return Response.seeOther(URI.create("/learn/" + courseId)).build();
    }

    // ------------------------------------------------------------------ drills

    @GET
    @Path("/{courseId}/drills/{drillId}")
    public TemplateInstance drill(@PathParam("courseId") String courseId, @PathParam("drillId") String drillId,
            @QueryParam("practice") boolean practice) {
        Member me = me();
        Course course = learning.course(courseId);
        Module.Drill drill = course.module(drillId).filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                .orElseThrow(NotFoundException::new);
        learning.enrol(me, courseId);
        learning.touch(me, courseId, "/learn/" + courseId + "/drills/" + drillId);
        CourseView view = catalog.learnerView(course, lang());
        CourseView.ModuleView module = moduleView(view, drillId);
        LearningService.DrillCounts counts = learning.counts(me, course, drill);
        return learning.nextCard(me, course, drill, practice)
                .map(itemId -> Templates.card(view, module, question(course, itemId, 0, 0, 0), counts, practice))
                .orElseGet(() -> Templates.drillDone(view, module, counts));
    }

    @POST
    @Path("/{courseId}/drills/{drillId}/answer")
    public TemplateInstance answerDrill(@PathParam("courseId") String courseId, @PathParam("drillId") String drillId,
            @BeanParam AnswerForm form) {
        Submission submission = form.submission();
        boolean practice = form.practice;
        LearningService.Result result = learning.answerDrill(me(), courseId, drillId, form.item, submission, form.key,
                form.shown(), lang());
        Course course = learning.course(courseId);
        return Templates.feedback(catalog.learnerView(course, lang()), feedback(course, result.item(), result.answer(), submission),
                "/learn/" + courseId + "/drills/" + drillId + (practice ? "?practice=true" : ""), "next_card");
    }

    // ------------------------------------------------------------------ quizzes and final assessment

    @POST
    @Path("/{courseId}/modules/{moduleId}/start")
    public Response start(@PathParam("courseId") String courseId, @PathParam("moduleId") String moduleId) {
        try {
            Attempt attempt = learning.start(me(), courseId, moduleId);
            return Response.seeOther(URI.create("/learn/attempts/" + attempt.id)).build();
        } catch (LearningService.NotAllowed notAllowed) {
            Course course = learning.course(courseId);
            return Response.status(409).entity(Templates.notAllowed(catalog.learnerView(course, lang()), notAllowed.reason,
                    learning.finalStatus(me(), course))).build();
        }
    }

    /** A GET on the start address (e.g. a bookmarked link) shows the course page, which has the start button. */
    @GET
    @Path("/{courseId}/modules/{moduleId}/start")
    public Response startPage(@PathParam("courseId") String courseId, @PathParam("moduleId") String moduleId) {
        return Response.seeOther(URI.create("/learn/" + courseId + "#" + moduleId)).build();
    }

    @GET
    @Path("/attempts/{attemptId}")
    public TemplateInstance attempt(@PathParam("attemptId") long attemptId, @QueryParam("n") Integer n) {
        Attempt attempt = learning.attempt(me(), attemptId);
        Course course = learning.courseOf(attempt);
        CourseView view = catalog.learnerView(course, lang());
        CourseView.ModuleView module = moduleView(view, attempt.moduleId);
        if (attempt.submittedAt != null) {
            return result(attemptId);
        }
        List<String> items = LearningService.items(attempt);
        Map<String, Answer> answers = learning.answers(attempt);
        learning.touch(me(), course.id(), "/learn/attempts/" + attemptId);
        int index = n != null && n >= 1 && n <= items.size() ? n - 1 : -1;
        if (index < 0) {
            for (int i = 0; i < items.size(); i++) {
                if (!answers.containsKey(items.get(i))) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0) {
            return Templates.review(view, module, attempt, items.stream().map(id -> itemView(view, id)).toList(), answers.keySet());
        }
        return Templates.question(view, module, attempt, question(course, items.get(index), index + 1, items.size(), attempt.seed),
                !attempt.moduleKind.equals("quiz"));
    }

    @POST
    @Path("/attempts/{attemptId}/answer")
    public Response answer(@PathParam("attemptId") long attemptId, @BeanParam AnswerForm form) {
        Attempt attempt = learning.attempt(me(), attemptId);
        if (attempt.submittedAt != null) {
            return Response.seeOther(URI.create("/learn/attempts/" + attemptId)).build();
        }
        Submission submission = form.submission();
        LearningService.Result result = learning.answerInAttempt(me(), attemptId, form.item, submission, form.key,
                form.shown(), lang());
        if (!attempt.moduleKind.equals("quiz")) {
            // final and refresher: no feedback until the end
            return Response.seeOther(URI.create("/learn/attempts/" + attemptId)).build();
        }
        Course course = learning.courseOf(attempt);
        return Response.ok(Templates.feedback(catalog.learnerView(course, lang()),
                feedback(course, result.item(), result.answer(), submission), "/learn/attempts/" + attemptId, "next_question"))
                .build();
    }

    @POST
    @Path("/attempts/{attemptId}/submit")
    public Response submit(@PathParam("attemptId") long attemptId) {
        learning.submit(me(), attemptId, lang());
        return Response.seeOther(URI.create("/learn/attempts/" + attemptId + "/result")).build();
    }

    @GET
    @Path("/attempts/{attemptId}/result")
    public TemplateInstance result(@PathParam("attemptId") long attemptId) {
        Attempt attempt = learning.attempt(me(), attemptId);
        if (attempt.submittedAt == null) {
            throw new NotFoundException();
        }
        Course course = learning.courseOf(attempt);
        CourseView view = catalog.learnerView(course, lang());
        Map<String, Answer> answers = learning.answers(attempt);
        List<FeedbackView> feedback = new ArrayList<>();
        Set<String> weakTags = new LinkedHashSet<>();
        for (String itemId : LearningService.items(attempt)) {
            Answer answer = answers.get(itemId);
            Item item = course.item(itemId).orElseThrow();
            feedback.add(feedback(course, item, answer, markedPhrases(answer)));
            if (answer == null || !answer.correct) {
                weakTags.add(itemId);
            }
        }
        // topics to review: the lessons and drills whose items the learner missed
        List<CourseView.ModuleView> toReview = view.modules().stream()
                .filter(m -> m.kind().equals("drill") && m.itemIds().stream().anyMatch(weakTags::contains)
                        || m.kind().equals("lesson") && !weakTags.isEmpty())
                .toList();
        return Templates.result(view, moduleView(view, attempt.moduleId), attempt, (int) Math.round(attempt.score * 100),
                feedback, toReview, !attempt.moduleKind.equals("quiz"));
    }

    // ------------------------------------------------------------------ helpers

    private static CourseView.ModuleView moduleView(CourseView view, String moduleId) {
        return view.modules().stream().filter(m -> m.id().equals(moduleId)).findFirst().orElseThrow(NotFoundException::new);
    }

    private static ItemView itemView(CourseView view, String itemId) {
        return view.items().stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(NotFoundException::new);
    }

    private Question question(Course course, String itemId, int number, int total, long seed) {
        Item item = course.item(itemId).orElseThrow(NotFoundException::new);
        ItemView view = catalog.learnerView(course, item, lang());
        if (seed != 0 && view instanceof ItemView.ChoiceView choice) {
            List<ItemView.OptionView> options = new ArrayList<>(choice.options());
            java.util.Collections.shuffle(options, new java.util.Random(seed ^ itemId.hashCode()));
            view = new ItemView.ChoiceView(choice.id(), choice.type(), choice.question(), choice.image(), choice.term(),
                    choice.termLanguage(), options, choice.multiple());
        }
        boolean multiple = view instanceof ItemView.ChoiceView choice && choice.multiple();
        return new Question(view, UUID.randomUUID().toString(), time.now().toEpochMilli(), number, total, multiple);
    }

    private FeedbackView feedback(Course course, Item item, Answer answer, Submission submission) {
        return feedback(course, item, answer, submission.phrases());
    }

    private FeedbackView feedback(Course course, Item item, Answer answer, Set<String> marked) {
        return FeedbackView.of(catalog.learnerView(course, item, lang()), catalog.feedback(course, item, lang()), answer, marked);
    }

    private Set<String> markedPhrases(Answer answer) {
        if (answer == null) {
            return Set.of();
        }
        try {
            return json.readValue(answer.response, Submission.class).phrases();
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

}
