package org.owlet.testing;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests, with the steps they share: signing in through the Dev Services for
 * OIDC login page, opening pages, clicking something that loads a page, and full-page screenshots saved as
 * {@code target/screenshots/<journey>/NN-name.png}. Nothing is downloaded: the browser and the driver are the Debian
 * packages {@code chromium} and {@code chromium-driver}, set explicitly so that Selenium Manager never runs.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final URL base;
    private final Path profile;
    private final Path screenshots;
    private final WebDriver driver;
    private int shot;

    /** Starts Chromium (1280×900, English) and empties {@code target/screenshots/<journey>/}. */
    public Browser(URL base, String journey) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("owlet-chromium-");
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
        screenshots = Paths.get("target", "screenshots", journey);
        Files.createDirectories(screenshots);
        try (Stream<Path> old = Files.list(screenshots)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Signs in as {@code user} through the Dev Services for OIDC login page (its "predefined user" buttons). */
    public void signIn(String user, String landing) {
        driver.get(url("/login?return=" + landing.replace("/", "%2F")));
        WebElement button = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[name='predefined-" + user + "']")));
        button.click();
        new WebDriverWait(driver, WAIT).until(d -> {
            URI here = URI.create(d.getCurrentUrl());
            return here.getPort() == base.getPort() && landing.equals(here.getPath());
        });
        waitForPage();
        assertThat(driver.findElement(By.cssSelector(".account .who")).getText()).isNotBlank();
    }

    public String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    public void open(String path) {
        driver.get(url(path));
        waitForPage();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public java.util.List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks something that loads a new page and waits until that page is there. */
    public void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(html));
        waitForPage();
    }

    /** Sends keys to whatever has focus, as a keyboard user types them. */
    public void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Sends keys to whatever has focus (e.g. Enter on a link or button) and waits until the next page is there. */
    public void keysAndWait(CharSequence... keys) {
        WebElement html = driver.findElement(By.tagName("html"));
        keys(keys);
        new WebDriverWait(driver, WAIT).until(d -> isGone(html));
        waitForPage();
    }

    /** The element that has focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Ticks a radio button or checkbox of a form by name and value. */
    public static void check(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!input.isSelected()) {
            input.click();
        }
        assertThat(input.isSelected()).as(name + "=" + value).isTrue();
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

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String lang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Saves the whole page (the window is stretched to the page's height for the shot) as NN-name.png. */
    public void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        int chrome = window.getHeight() - ((Number) ((JavascriptExecutor) driver).executeScript(
                "return window.innerHeight")).intValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(),
                Math.min(height.intValue() + chrome, 6000))));
        try {
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
