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

import org.owlet.organization.Member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A learner enrolled in a course: one record across languages, with where they left off. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "last_path")
    public String lastPath;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completion_language")
    public String completionLanguage;
}
