package org.owlet.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The review pages' text exists in every language Owlet offers, with the same keys as English. */
class CatalogMessagesTest {

    private static Properties load(String lang) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("i18n/catalog_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = { "fr", "es", "pt", "zh_CN", "vi", "id", "nl" })
    void everyKeyIsTranslated(String lang) throws IOException {
        Properties english = load("en");
        Properties translated = load(lang);

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        translated.forEach((key, value) -> assertThat(value.toString()).as(lang + " " + key).isNotBlank());
    }
}
