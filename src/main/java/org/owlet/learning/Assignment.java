package org.owlet.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.owlet.organization.Company;
import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A course assigned, with a due date, by a company admin to one member of their company ({@code member} and
 * {@code company} set) or to everyone in the company ({@code member} null), which includes members who join later.
 * Overdue is computed, never stored; a cancelled assignment is deleted (its history is in the audit log).
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isEveryone() {
        return member == null;
    }

    /**
     * When this assignment is due for a member who joined the company on {@code companySince} (UTC dates). A member
     * who joined after an "everyone" assignment was made gets as many days as everyone had when it was made.
     */
    public LocalDate dueFor(Instant companySince) {
        return dueFor(dueOn, createdAt, member == null, companySince);
    }

    /** {@link #dueFor(Instant)} over plain values, for readers that do not load the entity. */
    public static LocalDate dueFor(LocalDate dueOn, Instant createdAt, boolean everyone, Instant companySince) {
        if (!everyone || companySince == null || !companySince.isAfter(createdAt)) {
            return dueOn;
        }
        LocalDate made = createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        long days = Math.max(0, ChronoUnit.DAYS.between(made, dueOn));
        LocalDate joined = companySince.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate late = joined.plusDays(days);
        return late.isAfter(dueOn) ? late : dueOn;
    }
}
