package org.owlet.organization;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.owlet.web.StoredText;
import org.owlet.web.TimeSource;
import org.owlet.web.errors.FieldError;
import org.owlet.web.errors.InvalidInput;
import org.owlet.web.errors.NotFound;

/**
 * Creates, edits and deactivates member companies. Every change is audited. Invalid input is refused with an
 * {@link InvalidInput} whose messages are in the {@code org} bundle.
 */
@ApplicationScoped
public class CompanyService {

    /** Domains anyone can get an address at: they can never identify a company. */
    static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.co.jp", "ymail.com",
            "outlook.com", "hotmail.com", "hotmail.fr", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
            "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "mail.com",
            "mail.ru", "yandex.ru", "yandex.com", "qq.com", "163.com", "126.com", "sina.com", "sohu.com",
            "naver.com", "daum.net", "zoho.com", "tutanota.com", "orange.fr", "free.fr", "laposte.net",
            "libero.it", "uol.com.br", "bol.com.br", "terra.com.br", "rediffmail.com", "seznam.cz", "wp.pl");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    public List<Company> all() {
        return Company.listByName();
    }

    public Company bySlug(String slug) {
        return Company.findBySlug(slug).orElseThrow(() -> new NotFound("company " + slug));
    }

    @Transactional
    public Company create(CompanyForm form, Member actor) {
        List<FieldError> errors = validate(form, null);
        if (!errors.isEmpty()) {
            throw new InvalidInput("org", errors);
        }
        Company company = new Company();
        company.createdAt = time.now();
        apply(company, form);
        company.persist();
        audit.record(actor, "company.created", company, null, describe(company));
        return company;
    }

    @Transactional
    public Company update(String slug, CompanyForm form, Member actor) {
        Company company = bySlug(slug);
        List<FieldError> errors = validate(form, company);
        if (!errors.isEmpty()) {
            throw new InvalidInput("org", errors);
        }
        String before = describe(company);
        apply(company, form);
        String after = describe(company);
        if (!before.equals(after)) {
            audit.record(actor, "company.edited", company, null, "before: " + before + "; after: " + after);
        }
        return company;
    }

    /** Deactivating keeps the company's members, history and figures; it only stops new members joining it. */
    @Transactional
    public Company setActive(String slug, boolean active, Member actor) {
        Company company = bySlug(slug);
        if (company.active != active) {
            company.active = active;
            audit.record(actor, active ? "company.reactivated" : "company.deactivated", company, null, company.name);
        }
        return company;
    }

    public List<FieldError> validate(CompanyForm form, Company existing) {
        List<FieldError> errors = new ArrayList<>();
        String name = trim(form.name());
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "company_error_name_required", ""));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "company_error_name_too_long", name));
        } else if (!StoredText.isReadableLine(name)) {
            errors.add(FieldError.of("name", "text_unreadable"));
        }
        String slug = trim(form.slug());
        if (!SLUG.matcher(slug).matches() || slug.length() > 64) {
            errors.add(new FieldError("slug", "company_error_slug_format", slug));
        } else {
            Company.findBySlug(slug).filter(other -> existing == null || !other.id.equals(existing.id))
                    .ifPresent(other -> errors.add(new FieldError("slug", "company_error_slug_taken", slug)));
        }
        if (region(form.region()).isEmpty()) {
            errors.add(new FieldError("region", "company_error_region", trim(form.region())));
        }
        String country = trim(form.country()).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "company_error_country", trim(form.country())));
        }
        String alias = trim(form.orgAlias());
        if (!alias.isEmpty()) {
            if (!ALIAS.matcher(alias).matches()) {
                errors.add(new FieldError("orgAlias", "company_error_alias_format", alias));
            } else {
                Company.<Company> find("orgAlias", alias).firstResultOptional()
                        .filter(other -> existing == null || !other.id.equals(existing.id))
                        .ifPresent(other -> errors.add(new FieldError("orgAlias", "company_error_alias_taken", alias)));
            }
        }
        for (String domain : form.domainList()) {
            if (!DOMAIN.matcher(domain).matches()) {
                errors.add(new FieldError("domains", "company_error_domain_format", domain));
            } else if (PUBLIC_MAIL_DOMAINS.contains(domain)) {
                errors.add(new FieldError("domains", "company_error_domain_public", domain));
            } else {
                CompanyDomain.findByDomain(domain).filter(d -> existing == null || !d.company.id.equals(existing.id))
                        .ifPresent(d -> errors.add(new FieldError("domains", "company_error_domain_taken", domain)));
            }
        }
        if (joinedOn(form.joinedOn()).isEmpty()) {
            errors.add(new FieldError("joinedOn", "company_error_joined_on", trim(form.joinedOn())));
        }
        return errors;
    }

    private void apply(Company company, CompanyForm form) {
        company.name = trim(form.name());
        company.slug = trim(form.slug());
        company.region = region(form.region()).orElseThrow();
        company.country = trim(form.country()).toUpperCase(Locale.ROOT);
        company.orgAlias = trim(form.orgAlias()).isEmpty() ? null : trim(form.orgAlias());
        company.joinedOn = joinedOn(form.joinedOn()).orElseThrow();
        List<String> wanted = form.domainList();
        company.domains.removeIf(d -> !wanted.contains(d.domain));
        for (String domain : wanted) {
            if (company.domains.stream().noneMatch(d -> d.domain.equals(domain))) {
                CompanyDomain added = new CompanyDomain();
                added.company = company;
                added.domain = domain;
                company.domains.add(added);
            }
        }
    }

    static Optional<Region> region(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Region region : Region.values()) {
            if (region.name().equals(normalized)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> joinedOn(String value) {
        try {
            return Optional.of(LocalDate.parse(trim(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Company company) {
        return "name=" + company.name + ", slug=" + company.slug + ", region=" + company.region + ", country="
                + company.country + ", organization=" + Objects.toString(company.orgAlias, "") + ", domains="
                + String.join(" ", company.domainNames()) + ", joined=" + company.joinedOn;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
