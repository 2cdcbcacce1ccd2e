package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;

/**
 * Editorial rule: what a learner sees before answering must not say which answer is right. Option, region and
 * phrase ids reach the browser; an image's alt text, file name and SVG title/description are shown with the
 * question. Each check gives the errors' messages; the reader that knows the file and line reports them.
 */
public final class AnswerGiveAways {

    static final Set<String> GIVE_AWAY_WORDS = Set.of("correct", "incorrect", "wrong", "answer", "decoy",
            "target", "flag", "redflag", "true", "false", "distractor");

    private AnswerGiveAways() {
    }

    /** The error for an option, region or phrase id with a word such as "correct" or "decoy" in it. */
    public static Optional<String> inId(String id) {
        for (String word : id.split("-")) {
            if (GIVE_AWAY_WORDS.contains(word)) {
                return Optional.of("id '" + id + "' gives the answer away; expected an id that names what the choice says");
            }
        }
        return Optional.empty();
    }

    /**
     * The errors for an image whose alt text, file name or SVG {@code <title>}/{@code <desc>} ({@code embeddedText})
     * names a correct option, in any of the option's languages.
     */
    public static List<String> inImage(Image image, String embeddedText, List<Item.Option> options, Set<String> correct) {
        List<String> found = new ArrayList<>();
        String fileName = normalize(image.path().substring(image.path().lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", ""));
        String embedded = normalize(embeddedText);
        for (Item.Option option : options) {
            if (!correct.contains(option.id())) {
                continue;
            }
            for (Map.Entry<String, String> label : option.text().byLanguage().entrySet()) {
                String needle = normalize(label.getValue());
                if (needle.isBlank()) {
                    continue;
                }
                String alt = image.alt().byLanguage().get(label.getKey());
                if (alt != null && contains(normalize(alt), needle)) {
                    found.add("the alt text in '" + label.getKey() + "' of '" + image.path() + "' names the answer '"
                            + label.getValue() + "'; expected a neutral description that does not give the answer away");
                }
                if (contains(fileName, needle)) {
                    found.add("the file name '" + image.path() + "' names the answer '" + label.getValue()
                            + "'; expected a name that does not give the answer away");
                }
                if (contains(embedded, needle)) {
                    found.add("the SVG <title>/<desc> of '" + image.path() + "' names the answer '"
                            + label.getValue() + "'; expected a neutral title and description");
                }
            }
        }
        return found;
    }

    private static boolean contains(String haystack, String needle) {
        return (" " + haystack + " ").contains(" " + needle + " ");
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
