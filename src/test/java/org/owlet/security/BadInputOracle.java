package org.owlet.security;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owlet.security.BadInputProbe.Answer;
import org.owlet.security.BadInputProbe.Probe;
import org.owlet.security.BadInputs.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an answer to bad input must be. Never a 5xx. A refusal (4xx) explains itself in the caller's language: under
 * /api a problem document whose title is one of Owlet's texts in that language; elsewhere a page in that language
 * ({@code <html lang>}) with Owlet's error page or the form's own errors, whose text is one of Owlet's texts in that
 * language. Never Quarkus' default error body, never a stack trace. A redirect stays on this site. HTML never carries
 * a payload with markup characters unescaped.
 */
final class BadInputOracle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEAKS = List.of("at org.", "at io.", "Exception", "RESTEASY", "Error id", "<pre>",
            "Internal Server Error", "java.lang");

    private final URI base;
    private final Map<String, List<Pattern>> texts = new HashMap<>();

    BadInputOracle(URI base) throws IOException {
        this.base = base;
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(Path.of("i18n"), "*.properties")) {
            for (Path bundle : bundles) {
                String name = bundle.getFileName().toString().replace(".properties", "");
                String language = name.substring(name.indexOf('_') + 1).replace('_', '-');
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                List<Pattern> patterns = texts.computeIfAbsent(language, l -> new ArrayList<>());
                for (String value : properties.stringPropertyNames().stream().map(properties::getProperty).toList()) {
                    patterns.add(pattern(value));
                }
            }
        }
    }

    /** A bundle text as a pattern: its {placeholders} match anything, its blanks any blanks. */
    private static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : normalise(text).split("\\{[^}]*\\}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        if (text.trim().endsWith("}")) {
            regex.append(".*");
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String normalise(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
    }

    List<String> check(Probe probe, Answer answer) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        String body = answer.text();
        if (status >= 500) {
            problems.add("a server error");
            return problems;
        }
        if (status >= 300 && status < 400 && answer.location() != null && !staysHere(answer.location())) {
            problems.add("redirects off the site to " + answer.location());
        }
        if (answer.contentType().startsWith("text/html")) {
            for (String payload : payloads(probe)) {
                if (payload.length() >= 8 && payload.matches("(?s).*[<>\"'].*") && body.contains(payload)) {
                    problems.add("the page carries the payload unescaped: " + BadInputProbe.abbreviate(payload));
                }
            }
        }
        if (status < 400) {
            return problems;
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                problems.add("the refusal shows \"" + leak + "\"");
            }
        }
        String language = probe.language();
        if (probe.route().isApi()) {
            if (isVerificationResult(probe, answer)) {
                return problems;
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                problems.add("an API refusal that is not a problem document: " + answer.contentType());
                return problems;
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                String title = problem.path("title").asText("");
                if (problem.path("detail").asText("").isBlank() || !isText(language, title)) {
                    problems.add("the problem's title \"" + title + "\" is not one of Owlet's texts in " + language);
                }
            } catch (IOException e) {
                problems.add("a problem document that is not JSON");
            }
            return problems;
        }
        if (!answer.contentType().startsWith("text/html")) {
            problems.add("a page refusal that is not a page: " + answer.contentType() + " " + BadInputProbe.abbreviate(body));
            return problems;
        }
        Document page = Jsoup.parse(body);
        Element html = page.selectFirst("html");
        if (html == null || !language.equals(html.attr("lang"))) {
            problems.add("the refusal page is not in " + language + ": lang=" + (html == null ? null : html.attr("lang")));
        }
        List<String> messages = page.select(".error-page h1, .error-page li, .error-summary li, .error-summary h2, .field-error, "
                + "[role=alert], main h1").eachText();
        if (messages.stream().noneMatch(m -> isText(language, m))) {
            problems.add("no message in " + language + " among " + messages);
        }
        return problems;
    }

    /**
     * The public verification API answers an unknown code with its own machine-readable result ({@code "status":
     * "not_found"}) and too many requests with {@code "error": "too_many_requests"}: documents for verifying software,
     * not messages for people, kept as the API documents them.
     */
    private static boolean isVerificationResult(Probe probe, Answer answer) {
        if (!probe.route().template().startsWith("/api/v1/certificates/") || !answer.contentType().startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode result = JSON.readTree(answer.body());
            return answer.status() == 404 && "not_found".equals(result.path("status").asText())
                    || answer.status() == 429 && "too_many_requests".equals(result.path("error").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean isText(String language, String shown) {
        String text = normalise(shown);
        return !text.isEmpty() && texts.getOrDefault(language, List.of()).stream().anyMatch(p -> p.matcher(text).matches());
    }

    /** Same host, or a path on it: never another host, never a protocol-relative or backslash path. */
    private boolean staysHere(String location) {
        if (location.startsWith("//") || location.startsWith("/\\") || location.contains("\r") || location.contains("\n")) {
            return false;
        }
        if (location.startsWith("/")) {
            return true;
        }
        try {
            URI target = URI.create(location);
            return base.getHost().equals(target.getHost()) && base.getPort() == target.getPort()
                    || location.contains("/q/oidc") || location.contains("/protocol/openid-connect");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> payloads(Probe probe) {
        List<String> texts = new ArrayList<>();
        for (Value value : probe.values().values()) {
            if (value instanceof Value.Text t) {
                texts.add(t.text());
            } else if (value instanceof Value.Repeated r) {
                texts.addAll(r.texts());
            }
        }
        return texts;
    }
}
