package org.owlet.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.organization.Member;
import org.owlet.testing.StatementCounter;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The team pages cost the same number of SQL statements for a team of 10 and of 55 (the database counts, filters,
 * sorts and pages; no statement per member), and the figures, the list's keyset pages and the CSV still add up when
 * the team outgrows one page.
 */
@QuarkusTest
@Tag("db")
@TestSecurity(user = "uma@umbrella.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "uma-subject"), @Claim(key = "name", value = "Uma Umbrella"),
        @Claim(key = "email", value = "uma@umbrella.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"umbrella\"]", type = ClaimType.JSON_ARRAY) })
class TeamScaleTest {

    /** Members added to the mix of 10: five kinds, nine of each. */
    static final int EXTRA = 45;

    @Inject
    @PersistenceUnitExtension
    StatementCounter counter;

    @Test
    void statementsDoNotGrowWithTheTeamAndPagesAddUp() {
        TeamMix.company();
        given().get("/team/members").then().statusCode(200);
        Member admin = QuarkusTransaction.requiringNew().call(() -> Member.findBySubject("uma-subject").orElseThrow());
        TeamMix mix = TeamMix.build(admin);
        Map<String, Integer> small = statements(mix.otto.id);

        Instant now = Instant.now();
        String tag = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < EXTRA; i++) {
            int kind = i % 5;
            Instant since = kind == 4 ? now.minus(Duration.ofDays(1)) : now.minus(Duration.ofDays(60));
            Member m = TeamMix.member(mix.company, String.format("Scale %02d %s", i, tag), "scale" + i + "." + tag + "@umbrella.example",
                    "en", since);
            switch (kind) {
                case 1 -> TeamMix.enrol(m, null, null);
                case 2 -> TeamMix.enrol(m, now.minus(Duration.ofDays(3)), "en");
                case 3 -> {
                    TeamMix.enrol(m, now.minus(Duration.ofDays(5)), "en");
                    TeamMix.certificate(m, now.minus(Duration.ofDays(5)), mix.today.plusDays(100));
                }
                default -> {
                    // 0: not enrolled, overdue by the company's assignment; 4: joined yesterday, not yet due
                }
            }
        }
        Map<String, Integer> large = statements(mix.otto.id);
        System.out.printf("team pages, SQL statements per request with 10 members: %s, with %d: %s%n", small, 10 + EXTRA, large);
        assertThat(large).as("statements per page with %d members against 10", 10 + EXTRA).isEqualTo(small);
        // the company, its "everyone" assignments, then one statement (the list, the CSV) or two (the dashboard's figures and
        // its 24 months); a member's own page reads their progress per course, as many statements for any team
        large.entrySet().stream().filter(e -> !e.getKey().startsWith("/team/progress/"))
                .forEach(e -> assertThat(e.getValue()).as("statements for %s", e.getKey()).isLessThanOrEqualTo(5));

        // the figures: the mix's own, and per kind of the 45 (the company's assignment is overdue for all but kinds 3 and 4)
        Document dashboard = Jsoup.parse(given().get("/team").then().statusCode(200).extract().asString());
        Map<String, Integer> expected = Map.of("members", 55, "enrolled", 7 + 27, "in_progress", 2 + 9, "completed", 5 + 18,
                "certified", 4 + 9, "expiring30", 1, "expiring60", 2, "expiring90", 2, "overdue", 5 + 27);
        expected.forEach((key, value) -> assertThat(dashboard.selectFirst("#figure-" + key).text()).as(key).isEqualTo(value.toString()));
        assertThat(dashboard.select("#reminders-table tbody tr")).hasSize(TeamDashboardResource.REMINDERS_SHOWN);
        assertThat(dashboard.select("#reminders-more").text()).contains(String.valueOf(5 + 1 + 27 - TeamDashboardResource.REMINDERS_SHOWN));

        // the list in pages of 50 by name: every member once, in order
        Document first = Jsoup.parse(given().get("/team/progress").then().statusCode(200).extract().asString());
        List<String> ids = new ArrayList<>(first.select("#members tbody tr").eachAttr("data-member"));
        assertThat(ids).hasSize(50);
        assertThat(first.select("#total").text()).contains("55");
        String next = first.select("#next-page").attr("href");
        assertThat(next).startsWith("/team/progress?after=");
        Document second = Jsoup.parse(given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString());
        ids.addAll(second.select("#members tbody tr").eachAttr("data-member"));
        assertThat(second.select("#next-page")).isEmpty();
        assertThat(ids).hasSize(55).doesNotHaveDuplicates();
        List<String> names = new ArrayList<>(first.select("#members tbody th a").eachText());
        names.addAll(second.select("#members tbody th a").eachText());
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        // filtered and paged the same way: the overdue ones, sorted by due date, then the CSV of the same filter
        Document overdue = Jsoup.parse(given().queryParam("overdue", "1").queryParam("sort", "due").get("/team/progress").then()
                .statusCode(200).extract().asString());
        assertThat(overdue.select("#members tbody tr")).hasSize(32);
        assertThat(overdue.select("#members tbody th a").eachText().get(0)).isEqualTo(mix.otto.displayName); // due 5 days ago
        List<String> csv = given().queryParam("overdue", "1").get("/team/progress.csv").then().statusCode(200).extract().asString()
                .lines().toList();
        assertThat(csv).hasSize(1 + 32);
    }

    /** SQL statements per request of each team page, with the caller's member known already. */
    private Map<String, Integer> statements(long memberId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : List.of("/team", "/team/progress", "/team/progress?status=certified&sort=expires", "/team/progress.csv",
                "/team/progress/" + memberId)) {
            given().get(path).then().statusCode(200); // warm: the caller's member is resolved once
            counter.reset();
            given().header(StatementCounter.HEADER, "1").get(path).then().statusCode(200);
            counts.put(path, counter.take().statements().size());
        }
        return counts;
    }
}
