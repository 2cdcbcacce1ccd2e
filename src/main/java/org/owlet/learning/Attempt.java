package org.owlet.learning;

import java.time.Instant;
import java.util.List;

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

/** A scored attempt at a quiz, the final assessment or a refresher: the items drawn, in order. */
@Entity
@Table(name = "attempt")
public class Attempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "course_version", nullable = false)
    public String courseVersion;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(name = "module_kind", nullable = false)
    public Activity kind;

    @Column(nullable = false)
    public String language;

    @Column(name = "item_ids", nullable = false)
    public String itemIds;

    @Column(nullable = false)
    public long seed;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public Double score;

    public Boolean passed;

    /** {@code <kind>:<module>} while open, null once submitted: at most one open attempt per module. */
    @Column(name = "open_key")
    public String openKey;

    static String openKey(Activity kind, String moduleId) {
        return kind.code() + ":" + moduleId;
    }

    public boolean isOpen() {
        return submittedAt == null;
    }

    /** The items drawn, in the order asked. */
    public List<String> items() {
        return List.of(itemIds.split(","));
    }
}
