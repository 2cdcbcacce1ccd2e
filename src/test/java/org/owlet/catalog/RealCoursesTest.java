package org.owlet.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;

/**
 * The application with the repository's own courses instead of the test sample: the catalog shows the five courses
 * in each of the eight languages with their own titles, and every lesson and item renders, for learners and for
 * reviewers, in every language.
 */
@QuarkusTest
@TestProfile(RealCoursesTest.RealCourses.class)
class RealCoursesTest {

    /** The courses and assets folders at the top of the repository, as a packaged Owlet reads them. */
    public static class RealCourses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("owlet.catalog.courses-dir", "courses", "owlet.catalog.assets-dir", "assets");
        }
    }

    static final List<String> LANGUAGES = TrainingProgrammeTest.LANGUAGES;

    @Inject
    CatalogService catalog;

    /**
     * Every page of a course used to rebuild the learner's view of the whole course (all its items) from the catalog;
     * the views are now made once per loaded course (or item) and language. Cached or not, they are the views the
     * course gives, in every language, and a course's views never serve another course version.
     */
    @Test
    void learnerViewsAreMadeOncePerCourseAndLanguageAndEqualFreshOnes() {
        for (Course course : catalog.courses()) {
            for (String language : LANGUAGES) {
                var view = catalog.learnerView(course, language);
                assertThat(catalog.learnerView(course, language)).as(course.id() + " " + language).isSameAs(view);
                assertThat(view).isEqualTo(org.owlet.catalog.view.LearnerViews.course(course, language));
                for (Item item : course.items().values()) {
                    var itemView = catalog.learnerView(course, item, language);
                    assertThat(catalog.learnerView(course, item, language)).isSameAs(itemView);
                    assertThat(itemView).isEqualTo(org.owlet.catalog.view.LearnerViews.item(item, course.languageFor(language)));
                    assertThat(catalog.feedback(course, item, language))
                            .isEqualTo(org.owlet.catalog.view.LearnerViews.feedback(course, item, language));
                }
            }
        }
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void theCatalogShowsTheFiveCoursesInEachLanguage() {
        assertThat(catalog.courses()).extracting(Course::id).containsExactlyInAnyOrder("ivory-horn-casque",
                "bigcats-pangolins-medicinal", "live-animals", "coded-language-triage", "marine-plant-products");
        for (String language : LANGUAGES) {
            Document page = Jsoup.parse(given().cookie("owlet_lang", language).get("/learn").then().statusCode(200)
                    .extract().asString());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo(language);
            for (Course course : catalog.courses()) {
                String title = course.title().in(language, "");
                assertThat(title).as(course.id() + " in " + language).isNotBlank();
                if (!language.equals("en")) {
                    assertThat(title).as(course.id() + " title translated into " + language)
                            .isNotEqualTo(course.title().in("en"));
                }
                assertThat(page.text()).as("catalog in " + language).contains(title);
            }
        }
    }

    @Test
    @TestSecurity(user = "cora@coalition.example", roles = "coalition-admin")
    void everyLessonAndItemRendersForReviewersWithEveryLanguage() {
        for (Course course : catalog.courses()) {
            for (Module module : course.modules()) {
                if (module instanceof Module.Lesson lesson) {
                    String text = Jsoup.parse(given().get("/review/courses/{c}/lessons/{l}", course.id(), lesson.id())
                            .then().statusCode(200).extract().asString()).text();
                    for (String language : LANGUAGES) {
                        assertThat(text).as(course.id() + "/" + lesson.id() + " " + language)
                                .contains(lesson.title().in(language, "?"));
                    }
                }
            }
            for (Item item : course.items().values()) {
                String html = given().get("/review/courses/{c}/items/{i}", course.id(), item.id()).then()
                        .statusCode(200).extract().asString();
                assertThat(Jsoup.parse(html).text()).as(course.id() + "/" + item.id())
                        .contains(item.common().explanation().in("en").substring(0, 20));
            }
        }
    }

    @Test
    @TestSecurity(user = "ana@acme.example", roles = "learner")
    void everyLessonRendersForLearnersInEveryLanguage() {
        for (Course course : catalog.courses()) {
            given().redirects().follow(false).post("/learn/{c}/enrol", course.id()).then().statusCode(303);
            for (Module module : course.modules()) {
                if (!(module instanceof Module.Lesson lesson)) {
                    continue;
                }
                for (String language : LANGUAGES) {
                    Document page = Jsoup.parse(given().cookie("owlet_lang", language)
                            .get("/learn/{c}/lessons/{l}", course.id(), lesson.id()).then().statusCode(200)
                            .extract().asString());
                    assertThat(page.select("main img")).as(course.id() + "/" + lesson.id() + " " + language)
                            .allSatisfy(img -> assertThat(img.attr("alt")).isNotBlank());
                    assertThat(page.select("main p").text().length()).as(course.id() + "/" + lesson.id() + " "
                            + language).isGreaterThan(300);
                }
            }
        }
    }
}
