package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A learner's journey in a real browser (Debian's Chromium, headless): sign-in through Dev Services for
 * OIDC, enrolment, the lesson, a drill card, a switch to French mid-course, the quiz and the final
 * assessment, answered from the answer keys, up to the pass; then home and My progress. Each kind of page
 * is saved as a screenshot under {@code target/screenshots/} for people to look at.
 * <p>
 * Run with {@code ./mvnw -B -o verify -Pbrowser}; the default run leaves it out (tag {@code browser}).
 * Nothing is downloaded: the browser and the driver are the Debian packages {@code chromium} and
 * {@code chromium-driver}, set explicitly so that Selenium Manager never runs.
 */
@QuarkusTest
@Tag("browser")
class LearnerJourneyBrowserTest {

    static final String COURSE = "sample";
    static final String LEARNER = "ana@acme.example";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    @Inject
    CatalogService catalog;

    WebDriver driver;
    Path profile;
    int shot;

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("owlet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        shot = 0;
    }

    @AfterEach
    void quitBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
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
        WebElement notice = driver.findElement(By.cssSelector("main p.notice"));
        assertThat(notice.getDomAttribute("class")).doesNotContain("warn");
        assertThat(notice.getText()).contains("80");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        screenshot("final-result");

        // the course page shows it is done
        open("/learn/" + COURSE);
        assertThat(driver.findElements(By.cssSelector("main p.notice"))).hasSize(1);
        screenshot("course-completed-fr");

        // home and My progress
        open("/home");
        assertThat(lang()).isEqualTo("fr");
        screenshot("home");
        open("/home/progress");
        assertThat(lang()).isEqualTo("fr");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cours d'exemple");
        assertThat(driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(2); // quiz and final
        screenshot("progress");
    }

    // ------------------------------------------------------------------ steps

    /** Signs in as the learner through the Dev Services for OIDC login page (its "predefined user" buttons). */
    private void signIn() {
        driver.get(url("/login?return=%2Fhome"));
        WebElement user = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[name='predefined-" + LEARNER + "']")));
        user.click();
        new WebDriverWait(driver, WAIT).until(d -> {
            URI here = URI.create(d.getCurrentUrl());
            return here.getPort() == base.getPort() && "/home".equals(here.getPath());
        });
        waitForPage();
        assertThat(driver.findElement(By.cssSelector(".account .who")).getText()).isNotBlank();
    }

    /** Answers the question on the page from the course's answer key, and submits it. */
    private void answerCorrectly() {
        WebElement form = driver.findElement(By.cssSelector("form.card-form"));
        String itemId = form.findElement(By.cssSelector("input[name=item]")).getDomAttribute("value");
        Course course = catalog.course(COURSE).orElseThrow();
        AnswerKey key = course.item(itemId).orElseThrow(() -> new AssertionError("no item " + itemId)).key();
        if (key instanceof AnswerKey.Choice choice) {
            choice.correct().forEach(id -> check(form, "option", id));
        } else if (key instanceof AnswerKey.Regions regions) {
            check(form, "region", regions.targets().iterator().next());
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
        WebElement input = form.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!input.isSelected()) {
            input.click();
        }
        assertThat(input.isSelected()).as(name + "=" + value).isTrue();
    }

    // ------------------------------------------------------------------ browser helpers

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void open(String path) {
        driver.get(url(path));
        waitForPage();
    }

    /** Clicks something that loads a new page and waits until that page is there. */
    private void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(html));
        waitForPage();
    }

    /**
     * Whether an element of the previous page is gone. Selenium's {@code stalenessOf} only recognises a stale-element
     * error; newer Chromium reports the same condition as "Node with given id does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void waitForPage() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState")));
        assertThat(driver.findElements(By.cssSelector("main"))).as("an Owlet page at " + driver.getCurrentUrl())
                .isNotEmpty();
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Saves the whole page (the window is stretched to the page's height for the shot) as NN-name.png. */
    private void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        int chrome = window.getHeight() - ((Number) ((JavascriptExecutor) driver).executeScript(
                "return window.innerHeight")).intValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(),
                Math.min(height.intValue() + chrome, 6000))));
        try {
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
