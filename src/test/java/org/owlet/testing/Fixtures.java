package org.owlet.testing;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.Hibernate;
import org.owlet.organization.Company;
import org.owlet.organization.CompanyDomain;
import org.owlet.organization.Member;
import org.owlet.organization.Region;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test data built through the entities, each call in its own transaction. Idempotent where it says so. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The company with this slug, created if absent (active, with the given alias and domain). */
    public static Company company(String slug, String name, String alias, String domain, Region region) {
        return QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug).orElseGet(() -> {
            Company company = new Company();
            company.name = name;
            company.slug = slug;
            company.region = region;
            company.country = "NL";
            company.orgAlias = alias;
            company.joinedOn = java.time.LocalDate.of(2020, 1, 1);
            company.createdAt = Instant.now();
            if (domain != null) {
                CompanyDomain d = new CompanyDomain();
                d.company = company;
                d.domain = domain;
                company.domains.add(d);
            }
            company.persist();
            return company;
        }));
    }

    public static Company acme() {
        return company("acme", "Acme Marketplace", "acme", "acme.example", Region.EUROPE);
    }

    public static Company globex() {
        return company("globex", "Globex Social", "globex", "globex.example", Region.ASIA);
    }

    /** A member who has never signed in, attached to a company (null: none), with a unique name and email. */
    public static Member member(Company company, String name, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = new Member();
            member.subject = "fixture-" + UUID.randomUUID();
            member.personKey = UUID.randomUUID().toString();
            member.displayName = name;
            member.email = email;
            member.firstSeenAt = Instant.now();
            member.lastSeenAt = Instant.now();
            member.company = company == null ? null : Company.findById(company.id);
            member.companySource = company == null ? null : Member.CompanySource.EMAIL_DOMAIN;
            member.companySince = company == null ? null : Instant.now();
            member.persist();
            return member;
        });
    }

    public static Member reload(Member member) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member m = Member.findById(member.id);
            Hibernate.initialize(m.company);
            return m;
        });
    }
}
