package org.owlet.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.owlet.testing.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@Tag("db")
@TestSecurity(user = "carl@acme.example", roles = { "learner", "company-admin" })
@OidcSecurity(claims = { @Claim(key = "sub", value = "carl-subject"), @Claim(key = "name", value = "Carl Acme"),
        @Claim(key = "email", value = "carl@acme.example"),
        @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN),
        @Claim(key = "organization", value = "[\"acme\"]", type = ClaimType.JSON_ARRAY) })
class TeamResourceTest {

    Member acmeMember;
    Member globexMember;
    String tag;

    @BeforeEach
    void seed() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        acmeMember = Fixtures.member(Fixtures.acme(), "Amira Acme " + tag, "amira." + tag + "@acme.example");
        globexMember = Fixtures.member(Fixtures.globex(), "Gabor Globex " + tag, "gabor." + tag + "@globex.example");
    }

    @Test
    void theAdminSeesOnlyTheirOwnCompany() {
        Document page = Jsoup.parse(given().get("/team/members").then().statusCode(200).extract().asString());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Team at Acme Marketplace");
        String table = page.select("table").text();
        assertThat(table).contains("Amira Acme " + tag, "Carl Acme");
        assertThat(page.html()).doesNotContain("Gabor Globex", "gabor." + tag);
    }

    @Test
    void searchFiltersByNameOrEmail() {
        Fixtures.member(Fixtures.acme(), "Zed Other " + tag, "zed." + tag + "@acme.example");
        Document page = Jsoup
                .parse(given().queryParam("q", "AMIRA." + tag).get("/team/members").then().statusCode(200).extract().asString());
        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody tr").text()).contains("Amira Acme " + tag);
    }

    @Test
    void theCsvExportListsTheTeam() {
        String csv = given().get("/team/members.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst()).hasValue("\uFEFFname,email,member_since,company_since,last_seen");
        assertThat(csv).contains("Amira Acme " + tag, "amira." + tag + "@acme.example").doesNotContain("Gabor");
    }

    @Test
    void removingAndReAddingAMember() {
        given().redirects().follow(false).post("/team/members/" + acmeMember.id + "/remove").then().statusCode(303);
        assertThat(Fixtures.reload(acmeMember).company).isNull();
        Document page = Jsoup.parse(given().get("/team/members").then().statusCode(200).extract().asString());
        assertThat(page.select("table").text()).doesNotContain("Amira Acme " + tag);
        assertThat(page.select("h2 + p + ul").text()).contains("Amira Acme " + tag);
        given().redirects().follow(false).post("/team/members/" + acmeMember.id + "/readd").then().statusCode(303);
        Member back = Fixtures.reload(acmeMember);
        assertThat(back.company.slug).isEqualTo("acme");
        assertThat(back.companySource).isEqualTo(Member.CompanySource.ADMIN);
    }

    @Test
    void anotherCompanysMembersCannotBeTouched() {
        given().redirects().follow(false).post("/team/members/" + globexMember.id + "/remove").then().statusCode(404);
        given().post("/api/v1/team/members/" + globexMember.id + "/remove").then().statusCode(404);
        given().post("/api/v1/team/members/" + globexMember.id + "/readd").then().statusCode(404);
        assertThat(Fixtures.reload(globexMember).company.slug).isEqualTo("globex");
    }

    @Test
    void anAdminCannotRemoveThemself() {
        given().get("/team/members").then().statusCode(200);
        long self = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Member.findBySubject("carl-subject").orElseThrow().id);
        given().post("/api/v1/team/members/" + self + "/remove").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("You cannot remove yourself from your company."));
        Document page = Jsoup.parse(given().get("/team/members").then().statusCode(200).extract().asString());
        assertThat(page.select("form[action=/team/members/" + self + "/remove]")).isEmpty();
        assertThat(page.select("p").text()).containsPattern("\\d+ members");
    }

    @Test
    void removingAsksOnASecondPageThenSaysWhatHappenedWithAnUndo() {
        Document list = Jsoup.parse(given().get("/team/members").then().statusCode(200).extract().asString());
        assertThat(list.select("form[action=/team/members/" + acmeMember.id + "/remove]")).as("no removing from the list").isEmpty();
        assertThat(list.select("a[href=/team/members/" + acmeMember.id + "/remove]")).hasSize(1);

        Document confirm = Jsoup.parse(given().get("/team/members/" + acmeMember.id + "/remove").then().statusCode(200).extract()
                .asString());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Remove Amira Acme " + tag + " from the company?");
        assertThat(confirm.select("dl.facts").text()).contains("amira." + tag + "@acme.example");
        assertThat(confirm.select("main p").text()).contains("Acme Marketplace", "re-add");
        assertThat(confirm.select("main form[method=post][action=/team/members/" + acmeMember.id + "/remove] button")).hasSize(1);
        assertThat(Fixtures.reload(acmeMember).company).as("looking is not removing").isNotNull();
        given().get("/team/members/" + globexMember.id + "/remove").then().statusCode(404);

        given().redirects().follow(false).post("/team/members/" + acmeMember.id + "/remove").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/team/members?removed=" + acmeMember.id));
        Document after = Jsoup.parse(given().get("/team/members?removed=" + acmeMember.id).then().statusCode(200).extract()
                .asString());
        assertThat(after.select(".notice[role=status] p").text()).isEqualTo("Amira Acme " + tag + " was removed from the company.");
        assertThat(after.select(".notice form[method=post][action=/team/members/" + acmeMember.id + "/readd] button").text())
                .startsWith("Undo");

        given().redirects().follow(false).post("/team/members/" + acmeMember.id + "/readd").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/team/members?readded=" + acmeMember.id));
        Document back = Jsoup.parse(given().get("/team/members?readded=" + acmeMember.id).then().statusCode(200).extract()
                .asString());
        assertThat(back.select(".notice[role=status]").text()).isEqualTo("Amira Acme " + tag + " is back in the company.");
        assertThat(Jsoup.parse(given().get("/team/members?removed=" + globexMember.id).then().statusCode(200).extract().asString())
                .select(".notice")).as("no message about another company's member").isEmpty();
    }
}
