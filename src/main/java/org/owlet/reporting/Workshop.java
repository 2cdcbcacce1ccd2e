package org.owlet.reporting;

import java.time.Instant;
import java.time.LocalDate;

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

/** A training workshop held in person or online by a trainer, recorded by a coalition admin. */
@Entity
@Table(name = "workshop")
public class Workshop extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    /** The company whose staff attended; null for an open workshop (attendees count as individuals). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    /** ISO 3166-1 alpha-2 code of the country it was held in. */
    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String trainer;

    @Column(nullable = false)
    public String topic;

    /** Attendees recorded only as a number, in addition to the named ones. */
    @Column(name = "head_count", nullable = false)
    public int headCount;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
