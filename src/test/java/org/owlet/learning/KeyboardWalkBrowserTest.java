package org.owlet.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.testing.Browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The learner's course with the keyboard only: after signing in and opening the course list, every step is a key
 * (Tab, Shift+Tab, Enter, Space, arrow keys) — enrolment, the lesson, both drill cards (one of them a hotspot item whose
 * marker moves with the arrow keys, answered with its region list), the quiz, and every question of the final up to
 * its result. After each answer focus is on the verdict, not past it. On the first choice question the number keys are
 * tried too: "1" with focus outside the question does nothing, the right option's number inside it picks it. Screenshots under
 * {@code target/screenshots/keyboard-walk/}.
 */
@QuarkusTest
@Tag("browser")
class KeyboardWalkBrowserTest {

    static final String COURSE = "sample";
    static final String LEARNER = "kim@individual.example";
    /** More Tab presses than any page has stops before the one looked for. */
    static final int MAX_TABS = 80;

    @TestHTTPResource("/")
    URL base;

    @Inject
    CatalogService catalog;

    Browser browser;
    int keys;
    boolean numberKeysProbed;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Browser(base, "keyboard-walk");
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLearnerGoesFromEnrolmentToTheFinalsResultWithKeysOnly() {
        browser.signIn(LEARNER, "/learn");
        // from here on, keys only
        tabTo("form[action='/learn/" + COURSE + "/enrol'] button");
        enter();
        assertThat(browser.path()).isEqualTo("/learn/" + COURSE);
        tabTo("li#basics a");
        enter();
        tabTo("form[action$='/lessons/basics/read'] button");
        enter();
        assertThat(browser.path()).isEqualTo("/learn/" + COURSE);

        // the drill: every card of the deck (one of them is the hotspot item)
        tabTo("li#cards a");
        enter();
        boolean sawHotspot = false;
        for (int card = 0; card < 2; card++) {
            assertThat(browser.path()).isEqualTo("/learn/" + COURSE + "/drills/cards");
            sawHotspot |= answer();
            assertThat(browser.path()).contains("/feedback/");
            assertVerdictHasFocus();
            browser.screenshot("drill-feedback-" + card);
            tabTo("main a.button");
            enter();
        }
        assertThat(sawHotspot).as("the deck's hotspot item was answered by keyboard").isTrue();

        // the quiz (the final's gate asks for it), then the final
        browser.open("/learn/" + COURSE); // back to the course page: the drill's "next" is another card or its end
        tabTo("li#check form button.link");
        enter();
        String quiz = browser.path();
        for (int n = 0; n < 2; n++) {
            answer();
            assertThat(browser.path()).startsWith(quiz + "/feedback/");
            assertVerdictHasFocus();
            tabTo("main a.button");
            enter();
        }
        tabTo("form[action$='/submit'] button");
        enter();
        assertThat(browser.path()).isEqualTo(quiz + "/result");

        browser.open("/learn/" + COURSE);
        tabTo("li#final form button.link");
        enter();
        String fin = browser.path();
        int questions = catalog.course(COURSE).orElseThrow().finalAssessment().orElseThrow().draw();
        for (int n = 0; n < questions; n++) {
            assertThat(browser.path()).isEqualTo(fin);
            answer();
        }
        browser.screenshot("final-review");
        tabTo("form[action$='/submit'] button");
        enter();
        assertThat(browser.path()).isEqualTo(fin + "/result");
        assertThat(browser.text(".score")).contains("100");
        browser.screenshot("final-result");
        // and back again with Shift+Tab: from the last button to the link to the certificates
        tabTo("main > p > a.button[href='/learn/" + COURSE + "']");
        shiftTabTo("main .notice.completed a[href='/me/certificates']");
        enter();
        assertThat(browser.path()).isEqualTo("/me/certificates");
        assertThat(numberKeysProbed).as("the number keys were tried on a choice question").isTrue();
        System.out.printf("keyboard walk: %d keys, drill + hotspot + quiz + final (%d questions) to the result%n", keys,
                questions);
    }

    // ------------------------------------------------------------------ keyboard steps

    /** Answers the question on the page from the answer key with keys only and sends it; true if it was a hotspot item. */
    private boolean answer() {
        WebElement form = browser.find("form.card-form");
        String itemId = form.findElement(By.cssSelector("input[name=item]")).getDomAttribute("value");
        AnswerKey key = catalog.course(COURSE).orElseThrow().item(itemId).orElseThrow().key();
        Map<String, Set<String>> wanted;
        if (key instanceof AnswerKey.Choice choice) {
            wanted = Map.of("option", Set.copyOf(choice.correct()));
        } else if (key instanceof AnswerKey.Regions regions) {
            wanted = Map.of("region", Set.of(regions.targets().iterator().next()));
        } else if (key instanceof AnswerKey.Triage triage) {
            wanted = Map.of("decision", Set.of(triage.decision().name().toLowerCase(Locale.ROOT)), "phrase",
                    Set.copyOf(triage.redFlags()));
        } else if (key instanceof AnswerKey.Truth truth) {
            wanted = Map.of("truth", Set.of(Boolean.toString(truth.value())));
        } else {
            throw new AssertionError("unknown key " + key);
        }
        List<WebElement> options = form.findElements(By.cssSelector("input[name=option][type=radio]"));
        boolean probe = !numberKeysProbed && options.size() > 1;
        if (probe) {
            // keys 1–9 pick an option only while focus is inside the question (WCAG 2.1.4): here focus is outside
            browser.keys("1");
            assertThat(options.stream().filter(WebElement::isSelected)).as("'1' with focus outside the question").isEmpty();
        }
        boolean hotspot = false;
        Set<String> groupsDone = new HashSet<>();
        for (int tab = 0; tab < MAX_TABS; tab++) {
            tab();
            WebElement here = browser.focused();
            if (matches(here, "form.card-form button[type=submit]")) {
                for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
                    for (String value : e.getValue()) {
                        assertThat(form.findElement(By.cssSelector("input[name='" + e.getKey() + "'][value='" + value + "']"))
                                .isSelected()).as(e.getKey() + "=" + value + " chosen by keyboard").isTrue();
                    }
                }
                enter();
                return hotspot;
            }
            if (matches(here, "img.hotspot-image")) {
                String before = form.findElement(By.cssSelector("input[name='pt.x']")).getDomProperty("value");
                press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN);
                assertThat(form.findElement(By.cssSelector(".marker")).isDisplayed()).as("the marker shows").isTrue();
                assertThat(form.findElement(By.cssSelector("input[name='pt.x']")).getDomProperty("value"))
                        .as("the arrow keys moved the marker").isNotEqualTo(before);
                browser.screenshot("hotspot-marker-by-keys");
                hotspot = true;
                continue;
            }
            String name = here.getDomAttribute("name");
            String type = here.getDomAttribute("type");
            if (name == null || !wanted.containsKey(name)) {
                continue;
            }
            if ("checkbox".equals(type) && wanted.get(name).contains(here.getDomAttribute("value")) && !here.isSelected()) {
                press(Keys.SPACE);
            } else if ("radio".equals(type) && groupsDone.add(name)) {
                String target = wanted.get(name).iterator().next();
                List<WebElement> group = form.findElements(By.cssSelector("input[name='" + name + "']"));
                int size = group.size();
                if (probe && name.equals("option")) {
                    // inside the question the number key of the right option picks it
                    int n = group.stream().map(o -> o.getDomAttribute("value")).toList().indexOf(target) + 1;
                    browser.keys(Integer.toString(n));
                    assertThat(group.get(n - 1).isSelected()).as("'" + n + "' inside the question").isTrue();
                    numberKeysProbed = true;
                }
                if (target.equals(browser.focused().getDomAttribute("value"))) {
                    press(Keys.SPACE);
                }
                for (int step = 0; step <= size && !target.equals(browser.focused().getDomAttribute("value")); step++) {
                    press(Keys.ARROW_DOWN);
                }
                assertThat(browser.focused().getDomAttribute("value")).as("arrow keys reach " + name + "=" + target)
                        .isEqualTo(target);
            }
        }
        throw new AssertionError("no submit button within " + MAX_TABS + " Tab presses on " + browser.path());
    }

    private void assertVerdictHasFocus() {
        assertThat(matches(browser.focused(), "main h1.verdict")).as("focus on the verdict after the answer").isTrue();
    }

    private void tabTo(String css) {
        for (int tab = 0; tab < MAX_TABS; tab++) {
            tab();
            if (matches(browser.focused(), css)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css + " on " + browser.path());
    }

    private void shiftTabTo(String css) {
        for (int tab = 0; tab < MAX_TABS; tab++) {
            press(Keys.chord(Keys.SHIFT, Keys.TAB));
            if (matches(browser.focused(), css)) {
                return;
            }
        }
        throw new AssertionError("Shift+Tab never reached " + css + " on " + browser.path());
    }

    private boolean matches(WebElement element, String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return arguments[0].matches(arguments[1])", element, css));
    }

    private void tab() {
        press(Keys.TAB);
    }

    private void press(CharSequence... sequence) {
        keys += sequence.length;
        browser.keys(sequence);
    }

    private void enter() {
        keys++;
        browser.keysAndWait(Keys.ENTER);
    }
}
