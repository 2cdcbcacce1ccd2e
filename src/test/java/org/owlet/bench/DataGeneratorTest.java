package org.owlet.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Company;
import org.owlet.reporting.Reminders;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The benchmark's data generator at a tiny scale (200 learners) into an H2 database of its own, with every constraint
 * checked by the inserts, and then read through the app as the benchmark reads it: the big company's admin sees the
 * team dashboard and CSV with the generated figures, the coalition admin's export counts the generated certificates, a
 * generated certificate verifies, and a generated learner sees their certificates. The seed is fixed (23) and printed (set
 * {@code -Ddatagen.test.seed=N} to try another).
 */
@QuarkusTest
@TestProfile(DataGeneratorTest.Generated.class)
class DataGeneratorTest {

    /** The real courses and a database of this test's own (the generated companies must not meet other tests' data). */
    public static class Generated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("owlet.catalog.courses-dir", "courses", "owlet.catalog.assets-dir", "assets", "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:owlet-datagen;DB_CLOSE_DELAY=-1");
        }
    }

    static final String ADMIN_SUB = "8d0a4bae-2169-3f98-98c8-82cbed925228";
    static final String COALITION_SUB = "f499cba5-31d4-3759-96d9-0f92b956f19e";
    static final String LEARNER_SUB = "482d2d88-c579-332a-9f10-4f850727d713";
    static final double SCALE = 0.002;

    static DataGenerator.Summary summary;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Reminders reminders;

    @BeforeEach
    void generateOnce() throws SQLException {
        if (summary != null) {
            return;
        }
        String given = System.getProperty("datagen.test.seed");
        // a fixed seed: at this tiny scale some seeds draw no expired certificate, and a test must not depend on the draw
        long seed = given == null ? 23 : Long.parseLong(given);
        System.out.println("DataGeneratorTest: seed " + seed + " (replay with -Ddatagen.test.seed=" + seed + ")");
        summary = DataGenerator.migrateAndGenerate(dataSource, new DataGenerator.Options(SCALE, seed, LocalDate.now(ZoneOffset.UTC),
                Path.of("courses"), Path.of("assets")));
        DataGenerator.print(summary);
        assertThat(summary.adminSubject()).isEqualTo(ADMIN_SUB);
        assertThat(summary.coalitionAdminSubject()).isEqualTo(COALITION_SUB);
        assertThat(summary.sampleLearnerSubject()).isEqualTo(LEARNER_SUB);
    }

    @Test
    void everyTableHasRowsAndTheIdentitiesContinueAfterThem() throws SQLException {
        assertThat(summary.rows()).containsEntry("company", 50L).containsEntry("member", 201L);
        summary.rows().forEach((table, n) -> assertThat(n).as(table).isPositive());
        assertThat(summary.rows().get("answer")).isEqualTo(summary.rows().get("rendered_question")).isGreaterThan(2000);
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE refresher")).as("renewals").isPositive();
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE expires_on < CURRENT_DATE")).as("expired").isPositive();
        assertThat(count("SELECT COUNT(DISTINCT language) FROM answer")).as("languages").isEqualTo(8);
        // the app's own inserts continue after the generated ids
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO company (name, slug, region, country, joined_on, created_at) "
                    + "VALUES ('After', 'after-generated', 'EUROPE', 'FR', CURRENT_DATE, CURRENT_TIMESTAMP)");
            assertThat(count("SELECT id FROM company WHERE slug = 'after-generated'")).isEqualTo(51);
            st.executeUpdate("DELETE FROM company WHERE slug = 'after-generated'");
        }
    }

    @Test
    @TestSecurity(user = "admin@northwind.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = ADMIN_SUB), @Claim(key = "email", value = "admin@northwind.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void theBigCompanysAdminSeesTheGeneratedTeam() throws SQLException {
        Document page = Jsoup.parse(given().get("/team").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).contains(DataGenerator.BIG_NAME);
        assertThat(page.selectFirst("#figure-members").text()).isEqualTo(Integer.toString(summary.bigCompanyMembers()));
        long certified = count("""
                SELECT COUNT(DISTINCT c.member_id) FROM certificate c JOIN member m ON m.id = c.member_id
                WHERE m.company_id = 1 AND c.revoked_at IS NULL AND c.issued_on <= CURRENT_DATE AND c.expires_on >= CURRENT_DATE""");
        long enrolled = count(
                "SELECT COUNT(DISTINCT e.member_id) FROM enrolment e JOIN member m ON m.id = e.member_id WHERE m.company_id = 1");
        assertThat(page.selectFirst("#figure-certified").text()).isEqualTo(Long.toString(certified));
        assertThat(page.selectFirst("#figure-enrolled").text()).isEqualTo(Long.toString(enrolled));
        System.out.printf("DataGeneratorTest: team of %d, %d enrolled, %d certified%n", summary.bigCompanyMembers(), enrolled, certified);

        // the dashboard lists the first 25 reminders due and links to the member list for the rest
        int due = QuarkusTransaction.requiringNew()
                .call(() -> reminders.dueFor(Company.<Company> findById(1L), LocalDate.now(ZoneOffset.UTC)).size());
        int listed = page.select("#reminders-table tbody tr").size();
        assertThat(listed).isEqualTo(Math.min(due, 25));
        if (due > listed) {
            assertThat(page.selectFirst("#reminders-more").text()).contains(Integer.toString(due - listed));
        } else {
            assertThat(page.selectFirst("#reminders-more")).isNull();
        }
        System.out.printf("DataGeneratorTest: %d reminders due, %d listed%n", due, listed);

        String csv = given().get("/team/progress.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(summary.bigCompanyMembers() + 1L);
        assertThat(csv).contains("admin@northwind.example");
    }

    @Test
    @TestSecurity(user = "coalition-admin@coalition.example", roles = { "learner", "coalition-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = COALITION_SUB),
            @Claim(key = "email", value = "coalition-admin@coalition.example") })
    void theCoalitionExportCountsTheGeneratedCertificates() throws SQLException {
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusYears(2);
        JsonPath body = given().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("groupBy", "company")
                .get("/api/v1/reports/trained").then().statusCode(200).extract().jsonPath();
        long trained = count(
                "SELECT COUNT(DISTINCT person_key) FROM certificate WHERE revoked_at IS NULL AND issued_on BETWEEN DATE '" + from
                        + "' AND DATE '" + to + "'");
        assertThat(trained).isPositive();
        assertThat(body.getLong("totals.elearning")).isEqualTo(trained);
        System.out.printf("DataGeneratorTest: %d trained employees (e-learning) from %s to %s%n", trained, from, to);
        String csv = given().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("groupBy", "company")
                .queryParam("format", "csv").get("/api/v1/reports/trained").then().statusCode(200).extract().asString();
        assertThat(csv).contains(DataGenerator.BIG_SLUG);
    }

    @Test
    void aGeneratedCertificateVerifies() throws SQLException {
        String code = summary.sampleCertificateCode();
        assertThat(code).isNotNull();
        String holder;
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT holder_name FROM certificate WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                holder = rs.getString(1);
            }
        }
        String page = given().get("/verify/{code}", code).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).text()).contains(holder);
        JsonPath api = given().get("/api/v1/certificates/{code}", code).then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("status")).isEqualToIgnoringCase("valid");
    }

    @Test
    @TestSecurity(user = "learner-000002@northwind.example", roles = "learner")
    @OidcSecurity(claims = { @Claim(key = "sub", value = LEARNER_SUB), @Claim(key = "email", value = "learner-000002@northwind.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void aGeneratedLearnerSeesTheirCoursesAndCertificates() throws SQLException {
        given().get("/learn").then().statusCode(200);
        Document page = Jsoup.parse(given().get("/me/certificates").then().statusCode(200).extract().asString());
        long mine = count("SELECT COUNT(*) FROM certificate WHERE member_id = 2");
        for (String code : codesOf(2)) {
            assertThat(page.select("a[href$='/verify/" + code + "']")).as("verification link of " + code).isNotEmpty();
        }
        System.out.printf("DataGeneratorTest: learner 2 holds %d certificates%n", mine);
        assertThat(count("SELECT company_id FROM member WHERE id = 2")).as("still in the generated company after signing in").isEqualTo(1);
    }

    private java.util.List<String> codesOf(long member) throws SQLException {
        java.util.List<String> codes = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT code FROM certificate WHERE member_id = ?")) {
            st.setLong(1, member);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
