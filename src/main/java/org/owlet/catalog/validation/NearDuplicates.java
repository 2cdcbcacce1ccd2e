package org.owlet.catalog.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;

/**
 * Warns about two items whose question, in the same language, differs by at most one word (and that show
 * the same image, or none): usually a copy that was meant to be changed, or the same question twice in a
 * pool. A warning, not an error: "Is this elephant ivory?" and "Is this mammoth ivory?" may both be right.
 */
public final class NearDuplicates {

    /** Stems shorter than this (in words) are too short to compare meaningfully. */
    static final int MIN_WORDS = 4;

    private NearDuplicates() {
    }

    private record Stem(Course course, Item item, String language, String[] words, String image) {
    }

    /** {@code where} gives "file:line" of an item, for the message. */
    public static void check(List<Course> courses, BiFunction<Course, Item, String> where, Problems problems) {
        List<Stem> stems = new ArrayList<>();
        for (Course course : courses) {
            for (Item item : course.items().values()) {
                String image = item.images().stream().map(Image::path).findFirst().orElse("");
                item.stem().byLanguage().forEach((language, text) -> stems.add(
                        new Stem(course, item, language, words(text, language), image)));
            }
        }
        // only stems in the same language showing the same image are compared, and only when their lengths differ by at
        // most one word (otherwise the distance is more than one): a few thousand comparisons instead of every pair.
        // The warnings come in the order of the plain double loop over all stems.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < stems.size(); i++) {
            Stem stem = stems.get(i);
            groups.computeIfAbsent(stem.language() + "\u0000" + stem.image(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    Stem a = stems.get(group.get(x));
                    Stem b = stems.get(group.get(y));
                    if (a.item() == b.item() || Math.max(a.words().length, b.words().length) < MIN_WORDS
                            || Math.abs(a.words().length - b.words().length) > 1) {
                        continue;
                    }
                    if (wordDistance(a.words(), b.words()) <= 1) {
                        pairs.add(new int[] { group.get(x), group.get(y) });
                    }
                }
            }
        }
        pairs.sort(Comparator.<int[]> comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        for (int[] pair : pairs) {
            Stem a = stems.get(pair[0]);
            Stem b = stems.get(pair[1]);
            String[] at = String.valueOf(where.apply(b.course(), b.item())).split(":");
            problems.warning(at[0], at.length > 1 ? Integer.parseInt(at[1]) : 0, "items[" + b.item().id() + "]",
                    "the '" + a.language() + "' question is nearly the same as item '" + a.item().id()
                            + "' (" + where.apply(a.course(), a.item()) + "); expected items that ask different things");
        }
    }

    static String[] words(String text, String language) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (normalized.isEmpty()) {
            return new String[0];
        }
        if (language.startsWith("zh")) {
            // no spaces between Chinese words: compare characters
            return normalized.replace(" ", "").codePoints().mapToObj(Character::toString).toArray(String[]::new);
        }
        return normalized.split(" ");
    }

    /** Edit distance counted in words (insert, delete or replace one word). */
    static int wordDistance(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1].equals(b[j - 1]) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
