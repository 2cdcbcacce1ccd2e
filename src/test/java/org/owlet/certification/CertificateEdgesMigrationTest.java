package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V11 on a database that already has certificates: each gets its status index (its id), unique. */
class CertificateEdgesMigrationTest {

    private static final String URL = "jdbc:h2:mem:v11-backfill;DB_CLOSE_DELAY=-1";

    @Test
    void existingCertificatesGetAStableStatusIndex() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").target("10").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("SET REFERENTIAL_INTEGRITY FALSE");
            for (int i = 1; i <= 3; i++) {
                sql.execute("INSERT INTO certificate (code, code_hash, member_id, person_key, course_id, course_version,"
                        + " content_hash, course_title, language, score, attempt_id, issued_on, expires_on, renewal_opens_on,"
                        + " issued_at) VALUES ('CODE" + i + "', 'hash" + i + "', 1, 'key', 'sample', '1.0', 'h', 'Sample', 'en',"
                        + " 0.9, " + i + ", DATE '2026-01-01', DATE '2027-12-31', DATE '2027-11-01', TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 10:00:00+00')");
            }
            sql.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        Flyway.configure().dataSource(URL, "sa", "").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT id, status_index FROM certificate ORDER BY id")) {
            List<Long> ids = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
                indexes.add(rows.getObject(2, Long.class));
            }
            assertThat(ids).hasSize(3);
            assertThat(indexes).isEqualTo(ids);
        }
    }
}
