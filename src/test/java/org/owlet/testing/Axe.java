package org.owlet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core in the page under test: the build fetches the npm package (see {@code pom.xml}, execution {@code axe-core})
 * into {@code target/axe-core/}; each scan injects it with {@code executeScript} and runs it with its default rules
 * (WCAG 2.0–2.2 A/AA and best practices), as the accessibility audit of issue 16 did.
 */
public final class Axe {

    static final Path SCRIPT = Path.of("target", "axe-core", "package", "axe.min.js");

    /** One rule broken on one page, with the elements it names. */
    public record Violation(String rule, String impact, String help, List<String> nodes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is fetched by the build into " + SCRIPT
                        + " (./mvnw generate-test-resources)", e);
            }
        }
        return source;
    }

    /** Runs axe-core on the page the driver shows and returns its violations. */
    public static List<Violation> scan(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source());
        Object raw = js.executeAsyncScript(
                """
                        var done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                          done(JSON.stringify(r.violations.map(function (v) {
                            return { rule: v.id, impact: v.impact, help: v.help,
                              nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) };
                          })));
                        }).catch(function (e) { done('ERROR ' + e); });
                        """);
        String text = String.valueOf(raw);
        if (text.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> nodes = new ArrayList<>();
                v.get("nodes").forEach(n -> nodes.add(n.asText()));
                violations.add(new Violation(v.get("rule").asText(), v.get("impact").asText(), v.get("help").asText(), nodes));
            }
            return violations;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable axe-core result: " + text, e);
        }
    }
}
