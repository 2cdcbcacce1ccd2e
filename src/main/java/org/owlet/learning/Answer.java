package org.owlet.learning;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.owlet.organization.Company;
import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One answer, recorded once (idempotency key), with everything reporting and certificates rely on. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "person_key", nullable = false)
    public String personKey;

    @ManyToOne
    @JoinColumn(name = "company_id")
    public Company company;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "course_version", nullable = false)
    public String courseVersion;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "module_kind", nullable = false)
    public String moduleKind;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @ManyToOne
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

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
}
