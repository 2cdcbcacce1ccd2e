package org.owlet.catalog.model;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A text written once per language, keyed by BCP 47 tag ({@code en}, {@code zh-CN}). */
public record Text(Map<String, String> byLanguage) {

    public static final Text NONE = new Text(Map.of());

    @JsonCreator
    public Text {
        byLanguage = Map.copyOf(new TreeMap<>(byLanguage));
    }

    @JsonValue
    public Map<String, String> byLanguage() {
        return new TreeMap<>(byLanguage);
    }

    /** The text in {@code language}, else in {@code fallback}, else {@code ""}. */
    public String in(String language, String fallback) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get(fallback);
        }
        return text == null ? "" : text;
    }

    public String in(String language) {
        return in(language, "en");
    }

    /** The language {@link #in(String, String)} takes the text from: {@code language}, else {@code fallback}, else null. */
    public String languageIn(String language, String fallback) {
        return byLanguage.containsKey(language) ? language : byLanguage.containsKey(fallback) ? fallback : null;
    }

    /** The language {@link #in(String)} takes the text from. */
    public String languageIn(String language) {
        return languageIn(language, "en");
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
