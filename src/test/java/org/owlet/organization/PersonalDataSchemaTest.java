package org.owlet.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Reads the live schema (the migrated database, H2 here and PostgreSQL in the pg profile) and holds the code to it:
 * every table with a column pointing at {@code member}, or a {@code person_key}, is covered by some
 * {@link PersonalData#tables()} or deliberately excluded, with a reason, in {@link PersonalDataExclusions}.
 */
@QuarkusTest
@Tag("db")
class PersonalDataSchemaTest {

    @Inject
    DataSource dataSource;

    @Inject
    @Any
    Instance<PersonalData> sections;

    /** Table → the columns in it that name a member: foreign keys to member, whatever their name, and person_key. */
    private Map<String, Set<String>> memberColumns() throws SQLException {
        Map<String, Set<String>> columns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : tables(connection)) {
                try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                    while (keys.next()) {
                        if ("member".equals(lower(keys.getString("PKTABLE_NAME")))) {
                            columns.computeIfAbsent(lower(table), t -> new TreeSet<>()).add(lower(keys.getString("FKCOLUMN_NAME")));
                        }
                    }
                }
                try (ResultSet cols = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
                    while (cols.next()) {
                        if ("person_key".equals(lower(cols.getString("COLUMN_NAME")))) {
                            columns.computeIfAbsent(lower(table), t -> new TreeSet<>()).add("person_key");
                        }
                    }
                }
            }
        }
        return columns;
    }

    /** The tables of the default schema, as the database spells them. */
    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private Set<String> covered() {
        Set<String> covered = new TreeSet<>();
        sections.forEach(section -> section.tables().forEach(t -> covered.add(lower(t))));
        return covered;
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    @Test
    void everyColumnThatNamesAMemberIsInTheExportOrExcludedWithAReason() throws SQLException {
        Map<String, Set<String>> memberColumns = memberColumns();
        // the reading itself works: tables that are known to point at members are found
        assertThat(memberColumns).containsKeys("member", "answer", "audit_entry");
        assertThat(memberColumns.get("audit_entry")).contains("actor_id", "target_id");
        Set<String> covered = covered();
        Set<String> missing = new TreeSet<>();
        memberColumns.forEach((table, columns) -> {
            if (!covered.contains(table) && !PersonalDataExclusions.TABLES.containsKey(table)) {
                columns.forEach(column -> missing.add(table + "." + column));
            }
        });
        assertThat(missing)
                .as("columns naming a member (table.column) whose table no PersonalData.tables() covers: export and erase it"
                        + " in its feature's PersonalData, or list it with the reason in PersonalDataExclusions")
                .isEmpty();
    }

    @Test
    void everyTableNamedInTheCoverageOrTheExclusionsExists() throws SQLException {
        Set<String> existing = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            tables(connection).forEach(t -> existing.add(lower(t)));
        }
        assertThat(covered()).as("tables covered by a PersonalData that the schema does not have").isSubsetOf(existing);
        assertThat(PersonalDataExclusions.TABLES.keySet()).as("excluded tables the schema does not have").isSubsetOf(existing);
        assertThat(PersonalDataExclusions.TABLES.values()).as("every exclusion gives its reason")
                .allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(covered()).as("a table is either exported or excluded, not both")
                .doesNotContainAnyElementsOf(PersonalDataExclusions.TABLES.keySet());
    }
}
