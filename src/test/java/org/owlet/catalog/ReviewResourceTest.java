package org.owlet.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The content review: one item in all its languages side by side, for coalition admins only. */
@QuarkusTest
class ReviewResourceTest {

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = { "learner", "coalition-admin" })
    void anItemIsShownInAllItsLanguagesWithImageKeyExplanationAndSources() {
        String html = given().header("Accept-Language", "en").get("/review/courses/sample/items/carving-material")
                .then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);

        assertThat(page.title()).startsWith("Item carving-material");
        assertThat(page.select("table.review thead th").eachText()).containsExactly("Field", "en", "fr");
        assertThat(page.select("table.review td[lang=en]").eachText()).contains("What is this carving most likely made of?",
                "Elephant ivory");
        assertThat(page.select("table.review td[lang=fr]").eachText()).contains(
                "En quoi cette sculpture est-elle très probablement faite ?", "Ivoire d'éléphant");
        assertThat(page.select("table.review th[scope=row]").eachText()).contains("Option elephant (correct)",
                "Option mammoth", "Explanation", "Cue");
        assertThat(page.select(".answer-key").text()).isEqualTo("elephant (Elephant ivory)");
        assertThat(page.select("figure img").attr("src")).matches("/assets/[0-9a-f]{16}\\.svg");
        assertThat(page.select("figure img").attr("alt")).isEqualTo("A round cut end of a carved object with fine crossing lines");
        assertThat(page.select("a[href=https://doi.org/10.1179/019713693806066384]").text())
                .startsWith("The history and significance of the Schreger pattern");
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = "coalition-admin")
    void aListingShowsItsTextWithPhrasesFilledInAndItsRedFlags() {
        Document page = Jsoup.parse(given().header("Accept-Language", "fr").get("/review/courses/sample/items/bangle-listing")
                .then().statusCode(200).extract().asString());

        assertThat(page.select("table.review td[lang=fr]").eachText()).contains("Ancien bracelet en os de bovin, fait main");
        assertThat(page.select("table.review th[scope=row]").eachText()).contains(
                "Expression bovine-bone (signal d'alerte)", "Expression handmade");
        assertThat(page.select(".answer-key").text()).startsWith("Retirer · bovine-bone, weight");
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = "coalition-admin")
    void aCodedTermShowsItsTermAndContextNotAQuestion() {
        Document page = Jsoup.parse(given().header("Accept-Language", "en").get("/review/courses/sample/items/code-white")
                .then().statusCode(200).extract().asString());

        assertThat(page.select("table.review th[scope=row]").eachText()).contains("Term", "Context", "Option ivory (correct)")
                .doesNotContain("Question");
        assertThat(page.select("table.review td[lang=zh-CN]").eachText()).containsExactly("白");
        assertThat(page.select("table.review td[lang=en]").eachText()).contains("Seen in Chinese-language listings of carvings.");
        assertThat(page.select("table.review td[lang=fr]").eachText()).contains("Vu dans des annonces de sculptures en chinois.");
        Document list = Jsoup.parse(given().header("Accept-Language", "en").get("/review/courses/sample").then().statusCode(200)
                .extract().asString());
        assertThat(list.select("tr:has(a[href$=/items/code-white]) td").eachText())
                .containsExactly("code-white", "coded-term", "白 · Seen in Chinese-language listings of carvings.");
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = "coalition-admin")
    void theCourseListAndALessonInBothLanguages() {
        given().get("/review").then().statusCode(200).body(containsString("/review/courses/sample"));
        given().get("/review/courses/sample").then().statusCode(200)
                .body(containsString("/review/courses/sample/items/find-lines"))
                .body(containsString("/review/courses/sample/lessons/basics"));
        Document lesson = Jsoup.parse(given().get("/review/courses/sample/lessons/basics").then().statusCode(200)
                .extract().asString());
        assertThat(lesson.select("section[lang=en] strong").text()).isEqualTo("Schreger lines");
        assertThat(lesson.select("section[lang=fr] strong").text()).isEqualTo("lignes de Schreger");
        given().get("/review/courses/sample/items/nope").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void learnersMayNotSeeAnswerKeys() {
        given().get("/review/courses/sample/items/carving-material").then().statusCode(403)
                .body(org.hamcrest.Matchers.not(containsString("Elephant ivory")));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        given().redirects().follow(false).get("/review").then().statusCode(303)
                .header("Location", containsString("/login?return=%2Freview"));
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = "coalition-admin")
    void aRandomSampleIsDrawnAcrossCoursesAndTheSameSeedGivesTheSameSample() {
        String location = given().redirects().follow(false).get("/review/sample?size=4").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).matches(".*/review/sample\\?seed=\\d+&size=4");

        Document first = Jsoup.parse(given().header("Accept-Language", "en").get("/review/sample?seed=7&size=4")
                .then().statusCode(200).extract().asString());
        Document again = Jsoup.parse(given().header("Accept-Language", "en").get("/review/sample?seed=7&size=4")
                .then().statusCode(200).extract().asString());
        Document other = Jsoup.parse(given().header("Accept-Language", "en").get("/review/sample?seed=8&size=4")
                .then().statusCode(200).extract().asString());

        List<String> items = first.select("ol.sample > li h2 a").eachText();
        assertThat(items).hasSize(4).doesNotHaveDuplicates();
        assertThat(again.select("ol.sample > li h2 a").eachText()).isEqualTo(items);
        assertThat(other.select("ol.sample > li h2 a").eachText()).isNotEqualTo(items);
        // each line carries what a reviewer checks: the explanation and links to its sources
        assertThat(first.select("ol.sample > li")).allSatisfy(li -> {
            assertThat(li.select("dd").eachText()).anyMatch(t -> t.length() > 20);
            assertThat(li.select("dd a[href^=http]")).isNotEmpty();
        });
        String carving = Jsoup.parse(given().header("Accept-Language", "en").get("/review/sample?seed=1&size=100")
                .then().statusCode(200).extract().asString()).select("ol.sample > li").stream()
                .filter(li -> li.select("h2 a").text().equals("carving-material")).findFirst().orElseThrow().text();
        assertThat(carving).contains("What is this carving most likely made of?", "elephant (Elephant ivory)",
                "The history and significance of the Schreger pattern");
    }
}
