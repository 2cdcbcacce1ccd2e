package org.owlet.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member company of the coalition: a tenant whose people and figures are its own. */
@Entity
@EntityListeners(KnownMembers.Listener.class)
@Table(name = "company")
public class Company extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Region region;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    public String country;

    /** Alias of the company's organization in Keycloak (the token's {@code organization} claim). */
    @Column(name = "org_alias", unique = true)
    public String orgAlias;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @OneToMany(mappedBy = "company", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("domain")
    public List<CompanyDomain> domains = new ArrayList<>();

    public List<String> domainNames() {
        return domains.stream().map(d -> d.domain).toList();
    }

    public static Optional<Company> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Company> findActiveByOrgAlias(String alias) {
        return find("orgAlias = ?1 and active = true", alias).firstResultOptional();
    }

    public static List<Company> listByName() {
        return list("order by lower(name)");
    }
}
