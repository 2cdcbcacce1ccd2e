package org.owlet.learning;

import java.time.Instant;
import java.util.Optional;

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

/** One answer given, kept for good (append-only), with everything reporting and certificates rely on. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "course_version", nullable = false)
    public String courseVersion;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "module_kind", nullable = false)
    public Activity activity;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "attempt_id")
    public Attempt attempt;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(name = "item_hash", nullable = false)
    public String itemHash;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String response;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public boolean correct;

    @Column(name = "shown_at", nullable = false)
    public Instant shownAt;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    /** The question this answers; one answer per rendered question, so a repeated submission is the same answer. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    public RenderedQuestion question;

    /** The answer that counts for its attempt's item (first in a quiz, last in a final); never for a drill. */
    @Column(nullable = false)
    public boolean counted;

    /** {@link #itemId} while {@link #counted}, otherwise null: backs the one-counted-answer-per-item constraint. */
    @Column(name = "counted_item_id")
    public String countedItemId;

    /** The member's own answer with this id, for the feedback page the answer's form redirects to. */
    static Optional<Answer> findOwn(long id, Member member) {
        return findOwn(id, member.id);
    }

    static Optional<Answer> findOwn(long id, long memberId) {
        return find("id = ?1 and member.id = ?2", id, memberId).firstResultOptional();
    }

    void count(boolean counted) {
        this.counted = counted;
        this.countedItemId = counted ? itemId : null;
    }
}
