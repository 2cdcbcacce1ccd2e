package org.owlet.learning;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.owlet.learning.srs.Schedule;
import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The SM-2 schedule of one drill card for one learner, and its progress towards mastery. */
@Entity
@Table(name = "card_schedule")
public class CardSchedule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(nullable = false)
    public int repetitions;

    @Column(nullable = false)
    public double easiness;

    @Column(name = "interval_days", nullable = false)
    public int intervalDays;

    @Column(nullable = false)
    public Instant due;

    @Column(name = "last_reviewed")
    public Instant lastReviewed;

    /** The last answer to this card, scheduled or practice: practice mode shows the least recently answered card. */
    @Column(name = "last_answered_at", nullable = false)
    public Instant lastAnsweredAt;

    @Column(name = "first_correct_at")
    public Instant firstCorrectAt;

    @Column(name = "mastered_at")
    public Instant masteredAt;

    /** Optimistic lock: two answers at once never overwrite each other's schedule. */
    @Version
    public long version;

    Schedule schedule() {
        return new Schedule(repetitions, easiness, intervalDays, due, lastReviewed);
    }

    void set(Schedule next) {
        repetitions = next.repetitions();
        easiness = next.easiness();
        intervalDays = next.intervalDays();
        due = next.due();
        lastReviewed = next.lastReviewed();
    }
}
