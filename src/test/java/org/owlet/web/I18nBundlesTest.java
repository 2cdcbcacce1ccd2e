package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the UI text honest: every bundle has every key in every locale (and no stray keys), and no
 * template carries user-visible text of its own.
 */
class I18nBundlesTest {

    private static final Path I18N = Path.of("i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> LOCALES = Languages.ALL.stream().map(l -> l.tag().replace('-', '_')).toList();

    /**
     * quarkus.qute.template-path-exclude keeps message templates from being looked up as files at start: it must match
     * every message bundle's template ids (bundle_locale_key and bundle_key) and no template file.
     */
    @Test
    void messageTemplatesAreExcludedFromTheFileLookupAndNoTemplateFileIs() throws IOException {
        Properties application = load(Path.of("src/main/resources/application.properties"));
        Pattern exclude = Pattern.compile(application.getProperty("quarkus.qute.template-path-exclude"));
        Set<String> bundles = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .forEach(n -> bundles.add(n.substring(0, n.indexOf('_'))));
        }
        assertThat(bundles).isNotEmpty();
        for (String bundle : bundles) {
            for (String locale : List.of("en", "zh-CN", "pt")) {
                assertThat(exclude.matcher(bundle + "_" + locale + "_layout_signed_in_as").matches())
                        .as("message template of bundle %s (%s) excluded from the file lookup", bundle, locale).isTrue();
            }
            assertThat(exclude.matcher(bundle + "_error_500_text").matches()).isTrue();
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<String> templates = files.filter(Files::isRegularFile)
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/')).toList();
            assertThat(templates).isNotEmpty().contains("layout.html");
            for (String template : templates) {
                String id = template.contains(".") ? template.substring(0, template.lastIndexOf('.')) : template;
                assertThat(exclude.matcher(template).matches() || exclude.matcher(id).matches())
                        .as("template file %s must not be excluded", template).isFalse();
            }
        }
        assertThat(exclude.matcher(".hidden.html").matches()).as("Quarkus's default: hidden files").isTrue();
    }

    @Test
    void everyBundleHasEveryKeyInEveryLocale() throws IOException {
        Map<String, Map<String, Set<String>>> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                String name = file.getFileName().toString().replace(".properties", "");
                int split = name.indexOf('_');
                assertThat(split).as("bundle file %s must be named <bundle>_<locale>.properties", file).isPositive();
                String bundle = name.substring(0, split);
                String locale = name.substring(split + 1);
                assertThat(LOCALES).as("locale of %s", file).contains(locale);
                keys.computeIfAbsent(bundle, b -> new TreeMap<>()).put(locale, load(file).stringPropertyNames());
            }
        }
        assertThat(keys).as("bundles in i18n/").isNotEmpty();
        List<String> problems = new ArrayList<>();
        keys.forEach((bundle, byLocale) -> {
            Set<String> english = byLocale.getOrDefault("en", Set.of());
            for (String locale : LOCALES) {
                Set<String> present = byLocale.get(locale);
                if (present == null) {
                    problems.add("i18n/" + bundle + "_" + locale + ".properties is missing");
                    continue;
                }
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(present);
                Set<String> extra = new TreeSet<>(present);
                extra.removeAll(english);
                missing.forEach(k -> problems.add("i18n/" + bundle + "_" + locale + ".properties lacks " + k));
                extra.forEach(k -> problems.add("i18n/" + bundle + "_" + locale + ".properties has " + k + ", unknown in English"));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void translationsAreNotLeftEmpty() throws IOException {
        List<String> empty = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties properties = load(file);
                properties.stringPropertyNames().stream()
                        .filter(k -> properties.getProperty(k).isBlank())
                        .forEach(k -> empty.add(file + ": " + k));
            }
        }
        assertThat(empty).isEmpty();
    }

    /**
     * One word for one thing: Vietnamese calls a certificate "chứng chỉ" everywhere; "chứng nhận" is only the verb
     * ("certifies", "được chứng nhận": certified).
     */
    @Test
    void vietnameseHasOneWordForCertificate() throws IOException {
        List<String> mixed = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_vi.properties")).toList()) {
                Properties properties = load(file);
                properties.stringPropertyNames().stream().sorted()
                        .filter(k -> properties.getProperty(k).replace("được chứng nhận", "").toLowerCase(java.util.Locale.ROOT)
                                .contains("chứng nhận") && !k.equals("pdf_certifies"))
                        .forEach(k -> mixed.add(file.getFileName() + ": " + k + "=" + properties.getProperty(k)));
            }
        }
        assertThat(mixed).isEmpty();
    }

    /** Text between tags and in text-bearing attributes must come from a message bundle expression. */
    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                literals.addAll(literalTextIn(file, Files.readString(file)));
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void literalCheckFindsText() {
        assertThat(literalTextIn(Path.of("t.html"), "<p>Hello {name}</p><img alt=\"A picture\">")).hasSize(2);
        assertThat(literalTextIn(Path.of("t.html"), "<p>{web:hello(name)} — {count}</p><img alt=\"{x}\">")).isEmpty();
    }

    private static final Pattern QUTE = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(alt|title|aria-label|placeholder|value|content)=\"([^\"]*)\"");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

    static List<String> literalTextIn(Path file, String template) {
        List<String> found = new ArrayList<>();
        String stripped = template.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("(?s)\\{!.*?!\\}", "");
        String withoutExpressions = stripped;
        for (int i = 0; i < 3; i++) {
            withoutExpressions = QUTE.matcher(withoutExpressions).replaceAll("");
        }
        Matcher attributes = ATTRIBUTE.matcher(withoutExpressions);
        while (attributes.find()) {
            if (attributes.group(1).equals("content") || attributes.group(1).equals("value")) {
                continue;
            }
            if (LETTERS.matcher(attributes.group(2)).find()) {
                found.add(file + ": " + attributes.group(0));
            }
        }
        String text = withoutExpressions.replaceAll("(?s)<[^>]*>", "\n");
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (LETTERS.matcher(trimmed).find()) {
                found.add(file + ": " + trimmed);
            }
        }
        return found;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
