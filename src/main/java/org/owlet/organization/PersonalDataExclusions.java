package org.owlet.organization;

import java.util.Map;

/**
 * Tables that are deliberately in no member's data export, each with the reason: the one place to look when
 * wondering whether something Owlet stores was left out of {@code /me/data.json}. A table that points at a member
 * (or holds a person key) must be either covered by a {@link PersonalData#tables()} or listed here; the schema test
 * checks both, and that every table named here still exists.
 */
public final class PersonalDataExclusions {

    /** Table (lower case) → why it is not exported. */
    public static final Map<String, String> TABLES = Map.of(
            "flyway_schema_history", "Flyway's log of applied migrations; installed_by names the database account, not a member",
            "course_version", "course content as the catalog loaded it (answer keys included); it holds nothing about learners",
            "company", "the member companies themselves; the member's own company is named in the profile section",
            "company_domain", "companies' email domains, used to place members in their company; no person's data");

    private PersonalDataExclusions() {
    }
}
