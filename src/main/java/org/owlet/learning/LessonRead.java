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

/** A lesson a learner has read. */
@Entity
@Table(name = "lesson_read")
public class LessonRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "lesson_id", nullable = false)
    public String lessonId;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
