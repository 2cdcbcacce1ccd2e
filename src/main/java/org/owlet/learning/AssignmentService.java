package org.owlet.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.catalog.model.Course;
import org.owlet.organization.AuditLog;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.web.TimeSource;
import org.owlet.web.Transactions;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

/**
 * A company admin assigns courses with a due date to members of their own company, or to everyone in it (members who
 * join later included). Assigning a course again to someone who has it already moves the due date. Every create,
 * change and cancel is in the audit log.
 */
@ApplicationScoped
public class AssignmentService {

    @Inject
    EnrolmentService enrolments;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    /** The company's assignments, by due date. */
    public List<Assignment> ofCompany(Company company) {
        return Assignment.list("from Assignment a left join fetch a.member where a.company.id = ?1 order by a.dueOn, a.id",
                company.id);
    }

    /**
     * Assigns the course, due on {@code dueOn}, to everyone in the admin's company or to the members named (each must
     * be in the admin's company now). Returns the assignments made or moved. An assignment cancelled while this one
     * moves it (its row gone under the update) is decided by the database: this runs again and makes a new one.
     */
    public List<Assignment> assign(Member admin, String courseId, boolean everyone, Collection<Long> memberIds, LocalDate dueOn) {
        return Transactions.retrying(Set.of(), () -> assignOnce(admin, courseId, everyone, memberIds, dueOn));
    }

    private List<Assignment> assignOnce(Member admin, String courseId, boolean everyone, Collection<Long> memberIds,
            LocalDate dueOn) {
        Company company = companyOf(admin);
        List<FieldError> errors = new ArrayList<>();
        Course course = courseOrError(courseId, errors);
        checkDue(dueOn, errors);
        if (!everyone && (memberIds == null || memberIds.isEmpty())) {
            errors.add(FieldError.of("members", "assign_members_error"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        List<Assignment> made = new ArrayList<>();
        if (everyone) {
            made.add(upsert(admin, company, null, course, dueOn));
        } else {
            for (Long id : memberIds) {
                Member member = Member.<Member> findByIdOptional(id)
                        .filter(m -> m.company != null && m.company.id.equals(company.id))
                        .orElseThrow(() -> new NotFound("member " + id));
                made.add(upsert(admin, company, member, course, dueOn));
            }
        }
        return made;
    }

    /** Moves the due date of one of the admin's company's assignments. */
    @Transactional
    public Assignment changeDue(Member admin, long assignmentId, LocalDate dueOn) {
        Assignment assignment = ofAdmin(admin, assignmentId);
        List<FieldError> errors = new ArrayList<>();
        checkDue(dueOn, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("report", errors);
        }
        LocalDate before = assignment.dueOn;
        assignment.dueOn = dueOn;
        assignment.updatedAt = time.now();
        audit.record(Member.findById(admin.id), "assignment.changed", assignment.company, assignment.member,
                describe(assignment) + ": due " + before + " → " + dueOn);
        return assignment;
    }

    /** Cancels one of the admin's company's assignments. */
    @Transactional
    public void cancel(Member admin, long assignmentId) {
        Assignment assignment = ofAdmin(admin, assignmentId);
        audit.record(Member.findById(admin.id), "assignment.cancelled", assignment.company, assignment.member,
                describe(assignment) + ", was due " + assignment.dueOn);
        assignment.delete();
    }

    private Assignment upsert(Member admin, Company company, Member member, Course course, LocalDate dueOn) {
        Optional<Assignment> existing = member == null
                ? Assignment.find("company.id = ?1 and member is null and courseId = ?2", company.id, course.id()).firstResultOptional()
                : Assignment.find("company.id = ?1 and member.id = ?2 and courseId = ?3", company.id, member.id, course.id())
                        .firstResultOptional();
        Member actor = Member.findById(admin.id);
        if (existing.isPresent()) {
            Assignment assignment = existing.get();
            LocalDate before = assignment.dueOn;
            assignment.dueOn = dueOn;
            assignment.updatedAt = time.now();
            audit.record(actor, "assignment.changed", company, member, describe(assignment) + ": due " + before + " → " + dueOn);
            return assignment;
        }
        Assignment assignment = new Assignment();
        assignment.company = Company.findById(company.id);
        assignment.member = member;
        assignment.courseId = course.id();
        assignment.dueOn = dueOn;
        assignment.createdBy = actor;
        assignment.createdAt = time.now();
        assignment.persist();
        audit.record(actor, "assignment.created", company, member, describe(assignment) + ", due " + dueOn);
        return assignment;
    }

    private static String describe(Assignment assignment) {
        return "course " + assignment.courseId + " to "
                + (assignment.isEveryone() ? "everyone in the company" : "member #" + assignment.member.id);
    }

    private Assignment ofAdmin(Member admin, long id) {
        Company company = companyOf(admin);
        return Assignment.<Assignment> findByIdOptional(id).filter(a -> a.company != null && a.company.id.equals(company.id))
                .orElseThrow(() -> new NotFound("assignment " + id));
    }

    private static Company companyOf(Member admin) {
        Member fresh = Member.findById(admin.id);
        if (fresh == null || fresh.company == null) {
            throw new NotFound("company");
        }
        return fresh.company;
    }

    private Course courseOrError(String courseId, List<FieldError> errors) {
        if (courseId == null || courseId.isBlank()) {
            errors.add(FieldError.of("course", "assign_course_error"));
            return null;
        }
        try {
            return enrolments.course(courseId);
        } catch (NotFound e) {
            errors.add(new FieldError("course", "assign_course_error", courseId));
            return null;
        }
    }

    private void checkDue(LocalDate dueOn, List<FieldError> errors) {
        if (dueOn == null || dueOn.isBefore(time.today())) {
            errors.add(new FieldError("due", "assign_due_error", dueOn == null ? "" : dueOn.toString()));
        }
    }
}
