package org.owlet.catalog;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A course version the catalog has loaded at least once: id, author's version, content hash and content. */
@Entity
@Table(name = "course_version")
public class CourseVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(nullable = false)
    public String version;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The course as canonical JSON ({@link org.owlet.catalog.format.CourseJson}), answer keys included; a TEXT column (VARCHAR to Hibernate on H2 and PostgreSQL). */
    @Column(nullable = false)
    public String content;

    @Column(name = "first_loaded_at", nullable = false)
    public Instant firstLoadedAt;

    public static Optional<CourseVersion> findByHash(String courseId, String contentHash) {
        return find("courseId = ?1 and contentHash = ?2", courseId, contentHash).firstResultOptional();
    }
}
