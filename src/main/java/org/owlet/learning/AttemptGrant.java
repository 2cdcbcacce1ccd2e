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

/** One more final-assessment attempt, granted by an admin. */
@Entity
@Table(name = "attempt_grant")
public class AttemptGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "granted_by")
    public Member grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public String reason;
}
