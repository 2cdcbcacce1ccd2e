package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.testing.Browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A learner's journey in a real browser (Debian's Chromium, headless): sign-in through Dev Services for
 * OIDC, enrolment, the lesson, a drill card, a switch to French mid-course, the quiz and the final
 * assessment, answered from the answer keys, up to the pass; then home and My progress. Each kind of page
 * is saved as a screenshot under {@code target/screenshots/learner-journey/} for people to look at.
 * <p>
 * Run with {@code ./mvnw -B -o verify -Pbrowser}; the default run leaves it out (tag {@code browser}).
 */
@QuarkusTest
@Tag("browser")
class LearnerJourneyBrowserTest {

    static final String COURSE = "sample";
    static final String LEARNER = "ana@acme.example";

    @TestHTTPResource("/")
    URL base;

    @Inject
    CatalogService catalog;

    Browser browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Browser(base, "learner-journey");
        driver = browser.driver();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void fromEnrolmentToAPassedFinalInTwoLanguages() {
        signIn();

        // catalog: enrol
        open("/learn");
        assertThat(lang()).isEqualTo("en");
        screenshot("catalog");
        clickAndWait(driver.findElement(By.cssSelector("form[action='/learn/" + COURSE + "/enrol'] button")));
        assertThat(path()).isEqualTo("/learn/" + COURSE);

        // course page
        assertThat(text("main h1")).isEqualTo("Sample course");
        screenshot("course");

        // lesson
        clickAndWait(driver.findElement(By.cssSelector("li#basics a")));
        assertThat(path()).isEqualTo("/learn/" + COURSE + "/lessons/basics");
        assertThat(text("article.lesson h1")).isEqualTo("Ivory basics");
        screenshot("lesson");
        WebElement read = driver.findElement(By.cssSelector("form[action$='/lessons/basics/read'] button"));
        assertThat(read.getText()).isEqualTo("Mark as read and continue");
        clickAndWait(read);
        assertThat(path()).isEqualTo("/learn/" + COURSE);

        // drill: one card in English
        clickAndWait(driver.findElement(By.cssSelector("li#cards a")));
        assertThat(path()).isEqualTo("/learn/" + COURSE + "/drills/cards");
        screenshot("drill-card");
        answerCorrectly();
        assertThat(driver.findElements(By.cssSelector("main a.button"))).isNotEmpty();
        screenshot("drill-feedback");
        clickAndWait(driver.findElement(By.cssSelector("main a.button"))); // next card
        assertThat(path()).isEqualTo("/learn/" + COURSE + "/drills/cards");

        // mid-course: switch to French on the drill page; the learner stays on the same page
        String before = path();
        clickAndWait(driver.findElement(By.cssSelector("nav.languages a[lang=fr]")));
        assertThat(path()).as("the language switch keeps the learner on the page").isEqualTo(before);
        assertThat(lang()).isEqualTo("fr");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        screenshot("drill-card-fr");
        answerCorrectly();
        screenshot("drill-feedback-fr");
        assertThat(lang()).isEqualTo("fr");

        // mid-course, the home page offers to continue where the learner left off
        open("/home");
        assertThat(driver.findElements(By.cssSelector("main a[href^='/learn/" + COURSE + "']"))).isNotEmpty();
        screenshot("home-mid-course");

        // quiz, in French
        open("/learn/" + COURSE);
        assertThat(text("main h1")).isEqualTo("Cours d'exemple");
        screenshot("course-fr");
        clickAndWait(driver.findElement(By.cssSelector("li#check form button.link")));
        assertThat(path()).startsWith("/learn/attempts/");
        String quiz = path();
        for (int n = 1; n <= 2; n++) {
            assertThat(text("main h1")).isEqualTo("Vérifiez vos acquis");
            if (n == 1) {
                screenshot("quiz-question");
            }
            answerCorrectly();
            if (n == 1) {
                screenshot("quiz-feedback");
            }
            clickAndWait(driver.findElement(By.cssSelector("main a.button"))); // next question
            assertThat(path()).isEqualTo(quiz);
        }
        assertThat(driver.findElements(By.cssSelector("form[action$='/submit']"))).hasSize(1);
        screenshot("quiz-review");
        clickAndWait(driver.findElement(By.cssSelector("form[action$='/submit'] button")));
        assertThat(path()).isEqualTo(quiz + "/result");
        assertThat(text(".score")).contains("100");
        screenshot("quiz-result");

        // final assessment: its questions one by one, no feedback in between
        int questions = catalog.course(COURSE).orElseThrow().finalAssessment().orElseThrow().draw();
        open("/learn/" + COURSE);
        clickAndWait(driver.findElement(By.cssSelector("li#final form button.link")));
        assertThat(path()).startsWith("/learn/attempts/");
        String fin = path();
        for (int n = 1; n <= questions; n++) {
            assertThat(text("main h1")).isEqualTo("Évaluation finale");
            assertThat(driver.findElements(By.cssSelector("main p.hint"))).isNotEmpty(); // "no feedback until the end"
            if (n == 1) {
                screenshot("final-question");
            }
            answerCorrectly();
            assertThat(path()).as("no feedback in a final: straight to the next question").isEqualTo(fin);
        }
        assertThat(driver.findElements(By.cssSelector("main ol li"))).hasSize(questions);
        screenshot("final-review");
        clickAndWait(driver.findElement(By.cssSelector("form[action$='/submit'] button")));
        assertThat(path()).isEqualTo(fin + "/result");
        assertThat(lang()).isEqualTo("fr");
        assertThat(text(".score")).contains("100");
        // a passed final is not a dead end: the result links to the certificate and back to the course
        WebElement notice = driver.findElement(By.cssSelector("main .notice.completed"));
        assertThat(notice.getText()).contains("80");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        screenshot("final-result");
        clickAndWait(notice.findElement(By.cssSelector("a[href='/me/certificates']")));
        assertThat(path()).isEqualTo("/me/certificates");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        screenshot("certificates-after-pass");
        open(fin + "/result");
        clickAndWait(driver.findElement(By.cssSelector("main .notice.completed a[href='/learn/" + COURSE + "']")));

        // the course page shows it completed, with the result and the certificate, and no attempts left
        assertThat(path()).isEqualTo("/learn/" + COURSE);
        assertThat(driver.findElements(By.cssSelector("main .notice.completed"))).hasSize(1);
        WebElement finalRow = driver.findElement(By.cssSelector("li#final"));
        assertThat(finalRow.findElement(By.cssSelector(".task-state")).getText()).isEqualTo("Terminé avec succès");
        assertThat(finalRow.getText()).doesNotContain("Tentatives restantes");
        assertThat(finalRow.findElements(By.cssSelector("a[href='" + fin + "/result']"))).hasSize(1);
        screenshot("course-completed-fr");

        // the catalog shows it completed, not "% done · Continue"
        open("/learn");
        WebElement card = driver.findElement(By.cssSelector("main .card"));
        assertThat(card.findElement(By.cssSelector(".completed")).getText()).contains("Terminé avec succès");
        assertThat(card.findElements(By.tagName("progress"))).isEmpty();
        screenshot("catalog-completed-fr");

        // home and My progress
        open("/home");
        assertThat(lang()).isEqualTo("fr");
        assertThat(driver.findElements(By.cssSelector("main .completed-courses a[href='/learn/" + COURSE + "']"))).hasSize(1);
        screenshot("home");
        open("/home/progress");
        assertThat(lang()).isEqualTo("fr");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        assertThat(driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(2); // quiz and final
        screenshot("progress");
    }

    // ------------------------------------------------------------------ steps

    private void signIn() {
        browser.signIn(LEARNER, "/home");
    }

    /** Answers the question on the page from the course's answer key, and submits it. */
    private void answerCorrectly() {
        String before = path();
        WebElement form = driver.findElement(By.cssSelector("form.card-form"));
        String itemId = form.findElement(By.cssSelector("input[name=item]")).getDomAttribute("value");
        Course course = catalog.course(COURSE).orElseThrow();
        AnswerKey key = course.item(itemId).orElseThrow(() -> new AssertionError("no item " + itemId)).key();
        if (key instanceof AnswerKey.Choice choice) {
            choice.correct().forEach(id -> check(form, "option", id));
        } else if (key instanceof AnswerKey.Regions regions) {
            // a click on the picture places a marker and does not send the form; choosing a region replaces it
            WebElement picture = form.findElement(By.cssSelector("img.hotspot-image"));
            picture.click();
            assertThat(path()).as("a click on the picture sends nothing").isEqualTo(before);
            assertThat(form.findElement(By.cssSelector(".marker")).isDisplayed()).isTrue();
            assertThat(form.findElement(By.cssSelector("input[name='pt.x']")).isEnabled()).isTrue();
            screenshot("hotspot-marker");
            // the keyboard: arrow keys on the focused picture move the marker
            String x = form.findElement(By.cssSelector("input[name='pt.x']")).getDomProperty("value");
            picture.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT, org.openqa.selenium.Keys.ARROW_RIGHT);
            assertThat(Integer.parseInt(form.findElement(By.cssSelector("input[name='pt.x']")).getDomProperty("value")))
                    .as("two steps right").isGreaterThan(Integer.parseInt(x));
            assertThat(path()).as("moving the marker sends nothing").isEqualTo(before);
            // and the region list answers without a pointer: space on the radio button
            WebElement region = form
                    .findElement(By.cssSelector("input[name='region'][value='" + regions.targets().iterator().next() + "']"));
            region.sendKeys(org.openqa.selenium.Keys.SPACE);
            assertThat(region.isSelected()).isTrue();
            assertThat(form.findElement(By.cssSelector("input[name='pt.x']")).isEnabled()).isFalse();
        } else if (key instanceof AnswerKey.Triage triage) {
            check(form, "decision", triage.decision().name().toLowerCase(java.util.Locale.ROOT));
            triage.redFlags().forEach(id -> check(form, "phrase", id));
        } else if (key instanceof AnswerKey.Truth truth) {
            check(form, "truth", Boolean.toString(truth.value()));
        } else {
            throw new AssertionError("unknown key " + key);
        }
        clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
    }

    private static void check(WebElement form, String name, String value) {
        Browser.check(form, name, value);
    }

    // ------------------------------------------------------------------ browser steps

    private void open(String path) {
        browser.open(path);
    }

    private void clickAndWait(WebElement element) {
        browser.clickAndWait(element);
    }

    private String path() {
        return browser.path();
    }

    private String lang() {
        return browser.lang();
    }

    private String text(String css) {
        return browser.text(css);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
