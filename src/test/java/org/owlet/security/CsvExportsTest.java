package org.owlet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.certification.Passes;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Company;
import org.owlet.organization.Member;
import org.owlet.organization.Region;
import org.owlet.testing.Fixtures;
import org.owlet.testing.Management;
import org.owlet.web.Csv;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.client.OidcTestClient;

/**
 * Formula injection, tried on every CSV export: the routes that answer {@code text/csv} come from the app's own OpenAPI
 * document, so a new export is checked (or fails this test) without anyone remembering to add it. A member and a
 * company are named like a spreadsheet formula; each export's bytes are read back, and every cell that starts with
 * {@code = + - @}, tab or CR must be a number, the hostile names coming back as text behind an apostrophe.
 */
@QuarkusTest
@Tag("db")
class CsvExportsTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    /** How the neutralised cell looks in the file: an apostrophe first, the quotes doubled inside a quoted cell. */
    static final String NEUTRALISED_BYTES = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"";

    private static final OidcTestClient OIDC = new OidcTestClient();

    @Inject
    Event<FinalAssessmentPassed> passed;

    /** What each export is asked, by whom, and whether the hostile names must appear in it. */
    record Export(String query, String user, boolean showsHostileNames) {
    }

    static final Map<String, Export> EXPORTS = new LinkedHashMap<>();
    static {
        EXPORTS.put("/team/members.csv", new Export("", "carl@acme.example", true));
        EXPORTS.put("/team/progress.csv", new Export("", "carl@acme.example", true));
        EXPORTS.put("/api/v1/reports/trained", new Export("?groupBy=company&format=csv&period=" + LocalDate.now(ZoneOffset.UTC).getYear(),
                "cora@coalition.example", true));
        EXPORTS.put("/api/v1/reports/certified", new Export("?groupBy=company&format=csv", "cora@coalition.example", true));
        // course content only (no one's name): checked for unneutralised cells all the same
        EXPORTS.put("/review/analysis/items.csv", new Export("?course=sample&kind=final", "cora@coalition.example", false));
        EXPORTS.put("/api/v1/coded-terms", new Export("?format=csv", "cora@coalition.example", false));
    }

    @SuppressWarnings("unchecked")
    static List<String> csvRoutes() {
        Map<String, Map<String, Object>> paths = given().get(Management.url("/q/openapi?format=json")).then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> {
            Object get = operations.get("get");
            if (get instanceof Map<?, ?> operation && operation.get("responses") instanceof Map<?, ?> responses) {
                for (Object response : responses.values()) {
                    if (response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content
                            && content.keySet().stream().anyMatch(type -> String.valueOf(type).startsWith("text/csv"))) {
                        routes.add(path);
                        break;
                    }
                }
            }
        });
        return routes;
    }

    @Test
    void everyCsvExportWritesFormulasAsText() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // in Acme (the company admin's team), with a certificate so that every team export lists them
        Member insider = Fixtures.member(Fixtures.acme(), FORMULA, "-evil-" + tag + "@acme.example");
        Passes.fire(passed, Passes.pass(insider, "en", Instant.now(), false));
        // a company named like a formula, with one certified member, so that the coalition's breakdowns by company name it
        Company hostile = Fixtures.company("formula-" + tag, FORMULA, null, null, Region.EUROPE);
        Member outsider = Fixtures.member(hostile, "Plain Name " + tag, "plain-" + tag + "@formula.example");
        Passes.fire(passed, Passes.pass(outsider, "en", Instant.now(), false));

        List<String> routes = csvRoutes();
        assertThat(new TreeSet<>(routes)).as("CSV exports found in the OpenAPI document, each with a request in EXPORTS")
                .isEqualTo(new TreeSet<>(EXPORTS.keySet()));
        Map<String, String> tokens = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            Export export = EXPORTS.get(route);
            String token = tokens.computeIfAbsent(export.user(), user -> OIDC.getAccessToken(user, user));
            byte[] bytes = given().auth().oauth2(token).accept("text/csv").get(route + export.query()).then().statusCode(200)
                    .contentType("text/csv").extract().asByteArray();
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<Csv.Line> lines;
            try {
                lines = Csv.read(bytes);
            } catch (Csv.Unreadable e) {
                problems.add(route + ": not readable as CSV: " + e.getMessage());
                continue;
            }
            Set<String> cells = new TreeSet<>();
            for (Csv.Line line : lines) {
                for (String cell : line.cells()) {
                    cells.add(cell);
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
                        problems.add(route + " line " + line.number() + ": cell a spreadsheet would run: " + cell);
                    }
                }
            }
            if (export.showsHostileNames()) {
                if (!cells.contains("'" + FORMULA) || !text.contains(NEUTRALISED_BYTES)) {
                    problems.add(route + ": the formula-like name is not there as neutralised text");
                }
                if (route.startsWith("/team/") && !cells.contains("'-evil-" + tag + "@acme.example")) {
                    problems.add(route + ": the email starting with '-' is not neutralised");
                }
            }
        }
        assertThat(problems).isEmpty();
        System.out.println("CSV routes checked: " + routes.size());
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
