package org.owlet.organization;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An email domain that belongs to exactly one company. */
@Entity
@EntityListeners(KnownMembers.Listener.class)
@Table(name = "company_domain")
public class CompanyDomain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @Column(nullable = false, unique = true)
    public String domain;

    public static Optional<CompanyDomain> findByDomain(String domain) {
        return find("domain", domain).firstResultOptional();
    }
}
