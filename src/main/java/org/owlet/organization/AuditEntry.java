package org.owlet.organization;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One administrative change: who, when, what, to which company or member. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Member actor;

    /** The actor's name at the time ("system" for automatic changes); withheld after erasure. */
    @Column(name = "actor_label", nullable = false)
    public String actorLabel;

    @Column(nullable = false)
    public String action;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "company_id")
    public Company company;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id")
    public Member target;

    @Column(name = "target_label")
    public String targetLabel;

    public String details;

    public static List<AuditEntry> latest(int limit) {
        return page(null, null, null, limit);
    }

    /**
     * A page of entries in the order they were recorded, newest first, optionally of one company (by slug) and of actions
     * starting with a prefix ({@code "company."} or {@code "attempt.granted"}); {@code before} (an entry id) continues
     * after the previous page's last entry.
     */
    public static List<AuditEntry> page(String companySlug, String actionPrefix, Long before, int limit) {
        StringBuilder query = new StringBuilder("from AuditEntry e left join fetch e.company c where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (companySlug != null && !companySlug.isBlank()) {
            query.append(" and c.slug = :slug");
            params.put("slug", companySlug.strip());
        }
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            query.append(" and e.action like :action escape '!'");
            params.put("action", actionPrefix.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (before != null) {
            query.append(" and e.id < :before");
            params.put("before", before);
        }
        query.append(" order by e.id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    public static List<AuditEntry> about(Member member) {
        return list("actor = ?1 or target = ?1 order by at", member);
    }
}
