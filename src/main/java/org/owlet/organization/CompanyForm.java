package org.owlet.organization;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What an admin submits to create or edit a company (page form or JSON). Domains: comma, space or newline separated. */
public record CompanyForm(String name, String slug, String region, String country, String orgAlias, String domains,
        String joinedOn) {

    public List<String> domainList() {
        if (domains == null) {
            return List.of();
        }
        return Arrays.stream(domains.split("[\\s,;]+"))
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
    }

    public static CompanyForm of(Company company) {
        return new CompanyForm(company.name, company.slug, company.region.name(), company.country, company.orgAlias,
                String.join("\n", company.domainNames()), company.joinedOn.toString());
    }

    public static CompanyForm blank(LocalDate today) {
        return new CompanyForm("", "", "", "", "", "", today.toString());
    }
}
