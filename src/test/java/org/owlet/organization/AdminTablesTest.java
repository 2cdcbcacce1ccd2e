package org.owlet.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;
import org.owlet.testing.Tables;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The admin tables fit: each collapses to labelled cards on a phone, and the action buttons carry a short visible label
 * with the target's name for screen readers only.
 */
@QuarkusTest
@Tag("db")
class AdminTablesTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "carl-subject"), @Claim(key = "name", value = "Carl Acme"),
            @Claim(key = "email", value = "carl@acme.example"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
            @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
    void theTeamTablesCollapseToLabelledCards() {
        String tag = unique();
        Member amira = Fixtures.member(Fixtures.acme(), "Amira Acme " + tag, "amira." + tag + "@acme.example");
        Document members = Jsoup.parse(given().get("/team/members").then().statusCode(200).extract().asString());
        Tables.assertStacks(members, "main table");
        Element remove = members.selectFirst("tbody td.actions [href$=/members/" + amira.id + "/remove], "
                + "tbody td.actions form[action$=/members/" + amira.id + "/remove] button");
        assertThat(remove).isNotNull();
        assertThat(remove.ownText()).isEqualTo("Remove");
        assertThat(remove.select(".visually-hidden").text()).isEqualTo("Amira Acme " + tag);

        Document progress = Jsoup.parse(given().get("/team/progress").then().statusCode(200).extract().asString());
        Tables.assertStacks(progress, "table#members");
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    @OidcSecurity(claims = { @Claim(key = "sub", value = "cora-subject"), @Claim(key = "name", value = "Cora Coalition"),
            @Claim(key = "email", value = "cora@coalition.example") })
    void theCoalitionTablesCollapseToLabelledCards() {
        String slug = "tables-" + unique();
        Fixtures.company(slug, "Pangolin Protection League " + slug, "org-" + slug, slug + ".example", Region.ASIA);
        Document companies = Jsoup.parse(given().get("/admin/companies").then().statusCode(200).extract().asString());
        Tables.assertStacks(companies, "main table");
        Element deactivate = companies.selectFirst("tbody td.actions [href$=/admin/companies/" + slug + "/deactivate], "
                + "tbody td.actions form[action$=/admin/companies/" + slug + "/deactivate] button");
        assertThat(deactivate).isNotNull();
        assertThat(deactivate.ownText()).isEqualTo("Deactivate");
        assertThat(deactivate.select(".visually-hidden").text()).isEqualTo("Pangolin Protection League " + slug);
        assertThat(companies.select("thead th").last().text()).as("the actions column is named for screen readers")
                .isNotBlank();

        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry e = new AuditEntry();
            e.at = java.time.Instant.now();
            e.actorLabel = "Cora Coalition";
            e.action = "tables.checked";
            e.details = "{\"a-very-long-detail-without-any-spaces\":\"" + "x".repeat(300) + "\"}";
            e.persist();
        });
        Document audit = Jsoup.parse(given().get("/admin/audit").then().statusCode(200).extract().asString());
        Tables.assertStacks(audit, "main table");
        assertThat(audit.select("tbody td.details")).as("the details wrap instead of widening the table").isNotEmpty();
    }
}
