package org.owlet.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.view.CourseView;
import org.owlet.certification.Certificate;
import org.owlet.certification.CertificationService;
import org.owlet.learning.Attempt;
import org.owlet.learning.DrillService;
import org.owlet.learning.Enrolment;
import org.owlet.learning.EnrolmentService;
import org.owlet.learning.ProgressService;
import org.owlet.organization.Caller;
import org.owlet.organization.Member;
import org.owlet.web.LocaleResolver;
import org.owlet.web.TimeSource;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The learner's home ("Continue", assignments, cards due) and "My progress". Reads learning; nothing imports it. */
@Authenticated
@Path("/home")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    /** {@code titleLang} (here and below): the language the title is in, the catalog's fallback when the page's has none. */
    public record Continue(String title, String href, String titleLang) {
    }

    public record Assigned(String courseId, String title, LocalDate dueOn, boolean overdue, boolean completed, String titleLang) {
    }

    public record Completed(String courseId, String title, Instant completedAt, String titleLang) {
    }

    public record DueDrill(String courseTitle, String title, String href, int due, int fresh, String titleLang) {
    }

    public record DrillProgress(String title, int mastered, int total) {
    }

    public record CertificateRow(String course, LocalDate expiresOn, boolean expired, boolean renewable) {
    }

    public record AttemptRow(String module, int percent, Boolean passed, Instant at, String language) {
    }

    public record CourseProgress(String id, String title, Enrolment enrolment, String completionLanguage, int lessonsRead,
            int lessons, List<DrillProgress> drills, List<AttemptRow> attempts, String titleLang) {
    }

    /** A language's own name (Français, 中文…) for a stored tag. */
    /**
     * A language's name in the page's language ("anglais" on a French page), capitalised as a table cell starts; the tag
     * itself when the runtime knows no name for it.
     */
    static String languageName(String tag, String pageLanguage) {
        if (tag == null) {
            return "";
        }
        java.util.Locale page = java.util.Locale.forLanguageTag(pageLanguage);
        java.util.Locale language = java.util.Locale.forLanguageTag(tag);
        String known = language.getDisplayLanguage(page);
        if (known.isEmpty() || known.equals(language.getLanguage())) {
            return tag;
        }
        String name = language.getDisplayName(page); // with the country for zh-CN: "Chinese (China)"
        return name.substring(0, 1).toUpperCase(page) + name.substring(1);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Continue resume, List<Assigned> assigned, List<DueDrill> due,
                List<CertificateRow> certificates, List<Completed> completed,
                List<CourseView.Summary> offered);

        static native TemplateInstance progress(List<CourseProgress> courses);
    }

    @Inject
    EnrolmentService learning;

    @Inject
    DrillService drills;

    @Inject
    ProgressService progress;

    @Inject
    CatalogService catalog;

    @Inject
    Caller caller;

    @Inject
    LocaleResolver locales;

    @Inject
    TimeSource time;

    @Inject
    CertificationService certificates;

    @GET
    public TemplateInstance home() {
        Member me = caller.member();
        String lang = locales.language().tag();
        List<Enrolment> enrolments = learning.enrolments(me);
        Continue resume = enrolments.stream().filter(e -> e.completedAt == null).findFirst()
                .flatMap(e -> catalog.course(e.courseId).map(c -> new Continue(c.title().in(lang),
                        e.lastPath != null ? e.lastPath : "/learn/" + c.id(), c.title().languageIn(lang))))
                .orElse(null);
        List<Assigned> assigned = new ArrayList<>();
        LocalDate today = time.today();
        List<Certificate> mine = certificates.of(me);
        learning.assignments(me).forEach(a -> catalog.course(a.courseId).ifPresent(c -> {
            // a valid certificate for the course satisfies an assignment (as on the team dashboard)
            boolean satisfied = mine.stream().anyMatch(cert -> cert.courseId.equals(c.id()) && cert.isValidOn(today));
            LocalDate dueOn = a.dueFor(me.companySince);
            assigned.add(new Assigned(c.id(), c.title().in(lang), dueOn, !satisfied && dueOn.isBefore(today), satisfied,
                    c.title().languageIn(lang)));
        }));
        List<DueDrill> due = new ArrayList<>();
        for (Enrolment enrolment : enrolments) {
            Optional<Course> course = catalog.course(enrolment.courseId);
            course.ifPresent(c -> c.modules().stream().filter(Module.Drill.class::isInstance).map(Module.Drill.class::cast)
                    .forEach(d -> {
                        DrillService.DrillCounts counts = drills.counts(me, c, d);
                        if (counts.due() > 0) {
                            due.add(new DueDrill(c.title().in(lang), d.title().in(lang), "/learn/" + c.id() + "/drills/" + d.id(),
                                    counts.due(), counts.fresh(), c.title().languageIn(lang)));
                        }
                    }));
        }
        List<CertificateRow> held = mine.stream()
                .filter(c -> c.revokedAt == null && !c.isRenewed())
                .map(c -> new CertificateRow(c.courseTitle, c.expiresOn, c.expiresOn.isBefore(today), c.isRenewable(today)))
                .toList();
        List<Completed> completed = new ArrayList<>();
        enrolments.stream().filter(e -> e.completedAt != null).forEach(e -> catalog.course(e.courseId)
                .ifPresent(c -> completed.add(new Completed(c.id(), c.title().in(lang), e.completedAt, c.title().languageIn(lang)))));
        // a first visit: nothing started yet, so the courses on offer and what to do first
        List<CourseView.Summary> offered = !enrolments.isEmpty() ? List.of()
                : catalog.courses().stream().filter(c -> c.languages().contains(lang)).map(c -> catalog.summary(c, lang)).toList();
        return Templates.home(resume, assigned, due, held, completed, offered);
    }

    @GET
    @Path("/progress")
    public TemplateInstance progress() {
        Member me = caller.member();
        String lang = locales.language().tag();
        List<CourseProgress> courses = new ArrayList<>();
        List<Enrolment> enrolled = learning.enrolments(me);
        Map<String, ProgressService.CourseProgress> progresses = progress.of(me,
                enrolled.stream().flatMap(e -> catalog.course(e.courseId).stream()).toList());
        for (Enrolment enrolment : enrolled) {
            catalog.course(enrolment.courseId).ifPresent(c -> {
                ProgressService.CourseProgress mine = progresses.get(c.id());
                List<DrillProgress> drillRows = mine.modules().stream().filter(m -> m.cards() != null)
                        .map(m -> new DrillProgress(m.module().title().in(lang), m.cards().mastered(), m.cards().total())).toList();
                List<AttemptRow> attempts = mine.attempts().stream().map((Attempt a) -> new AttemptRow(
                        c.module(a.moduleId).map(m -> m.title().in(lang)).orElse(a.moduleId),
                        (int) Math.round(a.score * 100), a.passed, a.submittedAt, languageName(a.language, lang))).toList();
                courses.add(new CourseProgress(c.id(), c.title().in(lang), enrolment, languageName(enrolment.completionLanguage, lang),
                        mine.lessonsRead().size(), mine.lessons(), drillRows, attempts, c.title().languageIn(lang)));
            });
        }
        return Templates.progress(courses);
    }
}
