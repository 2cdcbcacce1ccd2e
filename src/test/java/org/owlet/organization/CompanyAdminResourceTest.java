package org.owlet.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Hibernate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@Tag("db")
@TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "cora-subject"), @Claim(key = "name", value = "Cora Coalition"),
        @Claim(key = "email", value = "cora@coalition.example") })
class CompanyAdminResourceTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCoalitionAdminCreatesACompanyThroughTheForm() {
        String slug = "company-" + unique();
        given().redirects().follow(false)
                .formParam("name", "Tortoise Trading Watch").formParam("slug", slug).formParam("region", "AFRICA")
                .formParam("country", "ke").formParam("orgAlias", "org-" + slug)
                .formParam("domains", "ttw-" + slug + ".example\n  Second-" + slug + ".example ")
                .formParam("joinedOn", "2024-05-02")
                .post("/admin/companies")
                .then().statusCode(303).header("Location", endsWith("/admin/companies"));
        Company created = QuarkusTransaction.requiringNew().call(() -> {
            Company c = Company.findBySlug(slug).orElseThrow();
            Hibernate.initialize(c.domains);
            return c;
        });
        assertThat(created.country).isEqualTo("KE");
        assertThat(created.region).isEqualTo(Region.AFRICA);
        assertThat(created.domainNames()).containsExactlyInAnyOrder("ttw-" + slug + ".example", "second-" + slug + ".example");
        Document list = Jsoup.parse(given().get("/admin/companies").then().statusCode(200).extract().asString());
        assertThat(list.select("tbody tr").text()).contains("Tortoise Trading Watch", "Africa", "KE");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'company.created' and company.slug = ?1 and actorLabel like 'Cora Coalition%'", slug))).isEqualTo(1);
    }

    @Test
    void invalidInputIsExplainedFieldByFieldAndKept() {
        Fixtures.acme();
        String html = given().header("Accept-Language", "en")
                .formParam("name", "").formParam("slug", "Bad Slug").formParam("region", "ATLANTIS")
                .formParam("country", "XX").formParam("orgAlias", "acme")
                .formParam("domains", "gmail.com not_a_domain acme.example").formParam("joinedOn", "yesterday")
                .post("/admin/companies")
                .then().statusCode(400).extract().asString();
        Document page = Jsoup.parse(html);
        List<String> summary = page.select(".error-summary li a").eachText();
        assertThat(summary).containsExactly(
                "Enter the company's name.",
                "Use lowercase letters, digits and single hyphens only (at most 64 characters).",
                "Choose one of the regions.",
                "Enter a two-letter ISO country code, such as NL.",
                "Another company already uses this organization alias.",
                "A public webmail domain cannot identify a company.",
                "This is not a valid email domain.",
                "This domain already belongs to another company.",
                "Enter the date as YYYY-MM-DD.");
        assertThat(page.select(".error-summary li a").eachAttr("href")).contains("#name", "#slug", "#domains");
        assertThat(page.selectFirst("input#slug").attr("value")).isEqualTo("Bad Slug");
        assertThat(page.selectFirst("textarea#domains").text()).isEqualTo("gmail.com not_a_domain acme.example");
    }

    @Test
    void editingAndDeactivatingKeepHistory() {
        String slug = "edit-" + unique();
        Company company = Fixtures.company(slug, "Before Name", null, slug + ".example", Region.EUROPE);
        Fixtures.member(company, "Staff " + slug, "staff@" + slug + ".example");
        given().redirects().follow(false)
                .formParam("name", "After Name").formParam("slug", slug).formParam("region", "EUROPE")
                .formParam("country", "BE").formParam("orgAlias", "").formParam("domains", slug + ".example")
                .formParam("joinedOn", "2020-01-01")
                .post("/admin/companies/" + slug).then().statusCode(303);
        given().redirects().follow(false).post("/admin/companies/" + slug + "/deactivate").then().statusCode(303);
        given().get("/api/v1/companies/" + slug).then().statusCode(200)
                .body("name", equalTo("After Name")).body("country", equalTo("BE"))
                .body("active", equalTo(false)).body("members", equalTo(1));
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list(
                "company.slug = ?1 order by id", slug).stream().map(e -> e.action).toList());
        assertThat(actions).containsExactly("company.edited", "company.deactivated");
        given().queryParam("company", slug).get("/admin/audit").then().statusCode(200)
                .body(containsString("company.deactivated"), containsString("company.edited"));
        given().queryParam("company", slug).queryParam("action", "company.dea").get("/admin/audit/entries.json")
                .then().statusCode(200).body("action", equalTo(List.of("company.deactivated")));
        // a page at a time, newest first, with a link to the older entries
        org.jsoup.nodes.Document first = org.jsoup.Jsoup
                .parse(given().queryParam("company", slug).queryParam("limit", 1).get("/admin/audit")
                        .then().statusCode(200).extract().asString());
        assertThat(first.select("tbody tr")).hasSize(1);
        assertThat(first.select("tbody").text()).contains("company.deactivated").doesNotContain("company.edited");
        String older = first.selectFirst("a#older").attr("href");
        assertThat(older).startsWith("/admin/audit?company=" + slug + "&limit=1&before=");
        org.jsoup.nodes.Document second = org.jsoup.Jsoup.parse(given().get(older).then().statusCode(200).extract().asString());
        assertThat(second.select("tbody").text()).contains("company.edited").doesNotContain("company.deactivated");
        assertThat(second.select("a#older")).isEmpty();
    }

    @Test
    void theApiCreatesListsAndValidates() {
        String slug = "api-" + unique();
        given().contentType("application/json")
                .body(Map.of("slug", slug, "name", "Api Co", "region", "SOUTH_AMERICA", "country", "BR",
                        "domains", List.of(slug + ".example"), "joinedOn", "2022-02-02"))
                .post("/api/v1/companies")
                .then().statusCode(201).header("Location", endsWith("/api/v1/companies/" + slug))
                .body("region", equalTo("SOUTH_AMERICA"));
        given().get("/api/v1/companies").then().statusCode(200).body("slug", hasItem(slug));
        given().contentType("application/json")
                .body(Map.of("slug", slug, "name", "Dup", "region", "ASIA", "country", "SG", "joinedOn", "2022-02-02"))
                .post("/api/v1/companies")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", equalTo("Another company already uses this short name."));
        given().get("/api/v1/companies/no-such-company").then().statusCode(404);
    }

    @Test
    void deactivatingAsksOnASecondPageThenSaysWhatHappenedWithAnUndo() {
        String slug = "confirm-" + unique();
        Fixtures.company(slug, "Okapi Observers " + slug, "org-" + slug, slug + ".example", Region.AFRICA);
        Document list = Jsoup.parse(given().get("/admin/companies").then().statusCode(200).extract().asString());
        assertThat(list.select("form[action=/admin/companies/" + slug + "/deactivate]")).as("no deactivating from the list")
                .isEmpty();
        assertThat(list.select("a[href=/admin/companies/" + slug + "/deactivate]")).hasSize(1);

        Document confirm = Jsoup.parse(given().get("/admin/companies/" + slug + "/deactivate").then().statusCode(200).extract()
                .asString());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Deactivate Okapi Observers " + slug + "?");
        assertThat(confirm.select("dl.facts").text()).contains("Africa", "org-" + slug);
        assertThat(confirm.select("main form[method=post][action=/admin/companies/" + slug + "/deactivate] button")).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug).orElseThrow().active))
                .as("looking is not deactivating").isTrue();
        given().get("/admin/companies/no-such-" + slug + "/deactivate").then().statusCode(404);

        given().redirects().follow(false).post("/admin/companies/" + slug + "/deactivate").then().statusCode(303)
                .header("Location", endsWith("/admin/companies?deactivated=" + slug));
        Document after = Jsoup.parse(given().get("/admin/companies?deactivated=" + slug).then().statusCode(200).extract().asString());
        assertThat(after.select(".notice[role=status] p").text()).isEqualTo("Okapi Observers " + slug + " was deactivated.");
        assertThat(after.select(".notice form[method=post][action=/admin/companies/" + slug + "/reactivate] button").text())
                .startsWith("Undo");

        given().redirects().follow(false).post("/admin/companies/" + slug + "/reactivate").then().statusCode(303)
                .header("Location", endsWith("/admin/companies?reactivated=" + slug));
        Document back = Jsoup.parse(given().get("/admin/companies?reactivated=" + slug).then().statusCode(200).extract().asString());
        assertThat(back.select(".notice[role=status]").text()).isEqualTo("Okapi Observers " + slug + " was reactivated.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Company.findBySlug(slug).orElseThrow().active)).isTrue();
    }
}
