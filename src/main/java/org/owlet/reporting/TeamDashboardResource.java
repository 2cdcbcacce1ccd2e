package org.owlet.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.owlet.catalog.CatalogService;
import org.owlet.certification.Certificate;
import org.owlet.certification.CertificationService;
import org.owlet.learning.AssessmentService;
import org.owlet.learning.AssignmentService;
import org.owlet.learning.AttemptGrant;
import org.owlet.learning.ProgressService;
import org.owlet.organization.Caller;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.MemberService;
import org.owlet.reporting.TeamFigures.MemberRow;
import org.owlet.reporting.TeamFigures.Summary;
import org.owlet.web.Downloads;
import org.owlet.web.Languages;
import org.owlet.web.LocaleResolver;
import org.owlet.web.Roles;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The company admin's training view of their own team (the company comes from the admin's membership, never from the
 * request): the dashboard, the member list with its CSV export, one member's progress with "grant one more attempt",
 * and assignments. Member management (remove, re-add) stays in organization at {@code /team/members}.
 */
@RolesAllowed(Roles.COMPANY_ADMIN)
@Path("/team")
public class TeamDashboardResource {

    /** A course as the pages name it. */
    public record CourseName(String id, String title) {
    }

    /** A headline figure. */
    public record Figure(String key, int value, String link) {
    }

    /** A company assignment as listed. */
    public record AssignmentRow(long id, String courseId, String courseTitle, boolean everyone, String memberLabel, LocalDate dueOn) {
    }

    /** One course of a member's progress page. */
    public record MemberCourse(CourseName course, ProgressService.CourseProgress progress, TeamFigures.CourseState state,
            List<AttemptGrant> grants, boolean mayGrant) {
    }

    /** What the admin typed into the assignment form, shown again with the errors. */
    public record AssignForm(String course, String to, String emails, String due) {
        static AssignForm blank() {
            return new AssignForm(null, "everyone", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Company company, Summary summary, List<Figure> figures, List<CourseName> courses,
                String chart, List<Reminders.Due> reminders, int remindersMore);

        static native TemplateInstance members(Company company, MemberQuery query, MemberQuery.Page result, List<CourseName> courses,
                List<CourseName> shown, List<String> languages, List<String> statusCodes, List<String> sortCodes,
                List<Integer> expiringDays,
                String csvLink, String nextLink);

        static native TemplateInstance member(Company company, Member member, List<MemberCourse> courses, List<Certificate> certificates,
                String lang, String grantCourse, String grantReason, List<FieldError> errors);

        static native TemplateInstance assignments(Company company, List<AssignmentRow> assignments, List<CourseName> courses,
                LocalDate today, AssignForm form, List<FieldError> errors);
    }

    /** Reminders listed on the dashboard at most. */
    static final int REMINDERS_SHOWN = 25;

    @Inject
    Downloads downloads;

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    TeamFigures figures;

    @Inject
    CatalogService catalog;

    @Inject
    ProgressService progress;

    @Inject
    AssessmentService assessments;

    @Inject
    AssignmentService assignments;

    @Inject
    CertificationService certificates;

    @Inject
    TeamSummaries summaries;

    @Inject
    LocaleResolver locales;

    @Inject
    TimeSource time;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        Company company = company();
        LocalDate today = time.today();
        Summary summary = summaries.of(company.id, today, () -> figures.summary(company, today, REMINDERS_SHOWN));
        TeamFigures.Counts h = summary.headline();
        List<Figure> headline = List.of(new Figure("members", h.members(), "/team/progress"),
                new Figure("enrolled", h.enrolled(), null),
                new Figure("in_progress", h.inProgress(), "/team/progress?status=in-progress"),
                new Figure("completed", h.completed(), "/team/progress?status=completed"),
                new Figure("certified", h.certified(), "/team/progress?status=certified"),
                new Figure("expiring30", h.expiring30(), "/team/progress?expiring=30"),
                new Figure("expiring60", h.expiring60(), "/team/progress?expiring=60"),
                new Figure("expiring90", h.expiring90(), "/team/progress?expiring=90"),
                new Figure("overdue", h.overdue(), "/team/progress?overdue=1"));
        String lang = locales.language().tag();
        List<SvgChart.Bar> bars = summary.certifiedOverTime().stream()
                .map(p -> new SvgChart.Bar(p.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, locales.locale())
                        + (p.month().getMonthValue() == 1 ? " " + p.month().getYear() : ""), p.certified()))
                .toList();
        String chart = SvgChart.bars(bars, lang);
        // the first reminders by date; a company of thousands can have thousands due, and the member list filters them all
        return Templates.dashboard(company, summary, headline, courseNames(), chart, summary.reminders(),
                summary.remindersTotal() - summary.reminders().size());
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("course") String course, @QueryParam("status") String status,
            @QueryParam("language") String language, @QueryParam("overdue") String overdue, @QueryParam("expiring") String expiring,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("after") String after) {
        Company company = company();
        MemberQuery query = MemberQuery.of(course, status, language, overdue, expiring, q, sort, after);
        MemberQuery.Page page = figures.page(company, time.today(), query);
        List<CourseName> all = courseNames();
        List<CourseName> shown = query.course() == null ? all : all.stream().filter(c -> c.id().equals(query.course())).toList();
        String filters = filters(query);
        String next = page.next() == null ? null
                : "/team/progress?" + filters + (filters.isEmpty() ? "" : "&") + "after=" + encode(page.next());
        return Templates.members(company, query, page, all, shown.isEmpty() ? all : shown, Languages.TAGS,
                java.util.Arrays.stream(TeamFigures.Status.values()).map(TeamFigures.Status::code).toList(),
                List.of("name", "due", "expires"),
                List.of(30, 60, 90), "/team/progress.csv" + (filters.isEmpty() ? "" : "?" + filters), next);
    }

    @GET
    @Path("/progress.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("course") String course, @QueryParam("status") String status,
            @QueryParam("language") String language, @QueryParam("overdue") String overdue, @QueryParam("expiring") String expiring,
            @QueryParam("q") String q, @QueryParam("sort") String sort) {
        Company company = company();
        MemberQuery query = MemberQuery.of(course, status, language, overdue, expiring, q, sort, null).all();
        LocalDate today = time.today();
        List<String> all = figures.courseIds();
        List<String> courseIds = query.course() != null && all.contains(query.course()) ? List.of(query.course()) : all;
        List<String> header = new ArrayList<>(List.of("name", "email", "language"));
        for (String id : courseIds) {
            header.addAll(List.of(id + ":status", id + ":completed_on", id + ":certified_until", id + ":due_on", id + ":overdue"));
        }
        // streamed: each member is written as the database returns them (a 10,000-member team read into memory at
        // once took ~40 MB per download, and 16 admins downloading at once ran the server out of memory)
        return downloads.csv(company.slug + "-training.csv", header, out -> figures.members(company, today, query, row -> {
            List<Object> cells = new ArrayList<>(List.of(nullToEmpty(row.name()), nullToEmpty(row.email()), row.language()));
            for (String id : courseIds) {
                TeamFigures.CourseState s = row.in(id);
                cells.addAll(List.of(s.status().code(), text(s.completedOn()), text(s.certifiedUntil()), text(s.dueOn()),
                        s.overdue() ? "yes" : "no"));
            }
            try {
                out.row(cells.toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @GET
    @Path("/progress/{memberId}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance member(@PathParam("memberId") long memberId) {
        return memberPage(memberId, null, null, List.of());
    }

    private TemplateInstance memberPage(long memberId, String grantCourse, String grantReason, List<FieldError> errors) {
        Company company = company();
        Member member = ownMember(company, memberId);
        MemberRow row = figures.member(company, time.today(), memberId).orElseThrow(NotFound::new);
        List<MemberCourse> courses = new ArrayList<>();
        List<CourseName> names = courseNames();
        // one read of each table for all the courses, not eight statements per course
        Map<String, ProgressService.CourseProgress> all = progress.of(member,
                names.stream().map(name -> catalog.course(name.id()).orElseThrow()).toList());
        for (CourseName name : names) {
            ProgressService.CourseProgress p = all.get(name.id());
            boolean mayGrant = p.status() != null && !p.status().passed() && p.enrolment() != null
                    && !p.status().canStart(time.now()) && (p.status().gateMet() || p.status().attemptsLeft() == 0);
            courses.add(new MemberCourse(name, p, row.in(name.id()), assessments.grants(member, name.id()), mayGrant));
        }
        return Templates.member(company, member, courses, certificates.of(member), locales.language().tag(), grantCourse, grantReason,
                errors);
    }

    @POST
    @Path("/progress/{memberId}/grant")
    public Response grant(@PathParam("memberId") long memberId, @FormParam("course") String course, @FormParam("reason") String reason) {
        Company company = company();
        Member member = ownMember(company, memberId);
        try {
            assessments.grantAttempt(caller.member(), member, course == null ? "" : course, reason);
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(memberPage(memberId, course, reason, invalid.errors())).build();
        }
        summaries.forget(company.id);
        return Response.seeOther(URI.create("/team/progress/" + memberId + "?granted=" + encode(course))).build();
    }

    @GET
    @Path("/assignments")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance assignmentList() {
        return assignmentPage(AssignForm.blank(), List.of());
    }

    private TemplateInstance assignmentPage(AssignForm form, List<FieldError> errors) {
        Company company = company();
        Map<String, String> titles = new LinkedHashMap<>();
        courseNames().forEach(c -> titles.put(c.id(), c.title()));
        List<AssignmentRow> rows = assignments.ofCompany(company).stream()
                .map(a -> new AssignmentRow(a.id, a.courseId, titles.getOrDefault(a.courseId, a.courseId), a.isEveryone(),
                        a.member == null ? null : a.member.label(), a.dueOn))
                .toList();
        return Templates.assignments(company, rows, courseNames(), time.today(), form, errors);
    }

    /**
     * Assigns a course to everyone ({@code to=everyone}) or to the members named by email, one per line or separated by
     * commas; an unknown email is refused with its line number, and nothing is assigned.
     */
    @POST
    @Path("/assignments")
    public Response assign(@FormParam("course") String course, @FormParam("to") String to, @FormParam("emails") String emails,
            @FormParam("member") Long memberId, @FormParam("due") String due) {
        Company company = company();
        boolean everyone = "everyone".equals(to) && memberId == null;
        Member one = memberId == null ? null : ownMember(company, memberId);
        try {
            LocalDate dueOn = date(due);
            List<Long> ids = new ArrayList<>();
            if (one != null) {
                ids.add(one.id);
            } else if (!everyone) {
                ids.addAll(membersByEmail(company, emails == null ? "" : emails));
            }
            assignments.assign(caller.member(), course, everyone, ids, dueOn);
        } catch (InvalidInput invalid) {
            AssignForm form = new AssignForm(course, everyone ? "everyone" : "chosen", one != null ? one.email : emails, due);
            return Response.status(400).entity(assignmentPage(form, invalid.errors())).build();
        }
        summaries.forget(company.id);
        return Response.seeOther(URI.create(memberId != null ? "/team/progress/" + memberId : "/team/assignments")).build();
    }

    @POST
    @Path("/assignments/{id}/due")
    public Response changeDue(@PathParam("id") long id, @FormParam("due") String due) {
        Company company = company();
        try {
            assignments.changeDue(caller.member(), id, date(due));
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(assignmentPage(AssignForm.blank(), invalid.errors())).build();
        }
        summaries.forget(company.id);
        return Response.seeOther(URI.create("/team/assignments")).build();
    }

    @POST
    @Path("/assignments/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        Company company = company();
        assignments.cancel(caller.member(), id);
        summaries.forget(company.id);
        return Response.seeOther(URI.create("/team/assignments")).build();
    }

    private List<Long> membersByEmail(Company company, String text) {
        List<Long> ids = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int line = 0; line < lines.length; line++) {
            for (String part : lines[line].split("[,;]")) {
                String email = part.strip().toLowerCase(Locale.ROOT);
                if (email.isEmpty()) {
                    continue;
                }
                var found = Member.<Member> find("lower(email) = ?1 and company.id = ?2 and erasedAt is null", email, company.id)
                        .firstResultOptional();
                if (found.isPresent()) {
                    ids.add(found.get().id);
                } else {
                    errors.add(new FieldError("emails", "assign_email_unknown", "line " + (line + 1) + ": " + email));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        return ids;
    }

    private Company company() {
        Member admin = caller.member();
        return members.companyOf(admin);
    }

    private Member ownMember(Company company, long memberId) {
        return Member.<Member> findByIdOptional(memberId)
                .filter(m -> m.company != null && m.company.id.equals(company.id) && !m.isErased())
                .orElseThrow(() -> new NotFound("member " + memberId));
    }

    private List<CourseName> courseNames() {
        String lang = locales.language().tag();
        return catalog.courses().stream().map(c -> new CourseName(c.id(), c.title().in(lang))).toList();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("report", new FieldError("due", "assign_due_error", text));
        }
    }

    private static String filters(MemberQuery q) {
        List<String> parts = new ArrayList<>();
        add(parts, "course", q.course());
        add(parts, "status", q.status());
        add(parts, "language", q.language());
        add(parts, "overdue", q.overdue() ? "1" : null);
        add(parts, "expiring", q.expiring() > 0 ? String.valueOf(q.expiring()) : null);
        add(parts, "q", q.q());
        add(parts, "sort", "name".equals(q.sort()) ? null : q.sort());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + encode(value));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
