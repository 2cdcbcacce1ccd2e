package org.owlet.catalog.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.Problems;
import org.owlet.web.Languages;

/**
 * Reads the fields of one YAML map, reporting each problem with file, line and field path, and at the
 * end every key that was never read (a typo) with the closest known key.
 */
final class Fields {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    final Node.MapNode map;
    final String file;
    final String path;
    final Problems problems;
    private final Set<String> read = new HashSet<>();

    private Fields(Node.MapNode map, String file, String path, Problems problems) {
        this.map = map;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    /** The node as a map of fields, or {@code null} (with a problem) if it is something else. */
    static Fields of(Node node, String file, String path, Problems problems) {
        if (node instanceof Node.MapNode map) {
            return new Fields(map, file, path, problems);
        }
        problems.error(file, node == null ? 0 : node.line(), path,
                "expected a map of fields, found " + (node == null ? "nothing" : node.kind()));
        return null;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return map.line();
    }

    int line(String key) {
        Node.Entry entry = map.entries().get(key);
        return entry == null ? map.line() : entry.line();
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The value of {@code key}, marking it read; {@code null} if absent (reported when required). */
    Node node(String key, boolean required, String expected) {
        read.add(key);
        Node.Entry entry = map.entries().get(key);
        if (entry == null || (entry.value() instanceof Node.ScalarNode s && s.isNull())) {
            if (required) {
                problems.error(file, entry == null ? map.line() : entry.line(), path(key), "missing; expected " + expected);
            }
            return null;
        }
        return entry.value();
    }

    void error(String key, String message) {
        problems.error(file, line(key), path(key), message);
    }

    void warning(String key, String message) {
        problems.warning(file, line(key), path(key), message);
    }

    String string(String key, boolean required, String expected) {
        Node node = node(key, required, expected);
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ScalarNode scalar && !scalar.value().isBlank()) {
            return scalar.value().trim();
        }
        if (node instanceof Node.ScalarNode && required) {
            error(key, "missing; expected " + expected);
            return null;
        }
        error(key, "expected " + expected + ", found " + node.kind());
        return null;
    }

    Integer integer(String key, boolean required, String expected) {
        Node node = node(key, required, expected);
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ScalarNode scalar && !scalar.isText()) {
            try {
                return Integer.valueOf(scalar.value());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(key, "expected " + expected + ", found " + node.kind());
        return null;
    }

    /** An integer that must lie in [min, max]; {@code fallback} when absent and not required. */
    int integer(String key, boolean required, String expected, int min, int max, int fallback) {
        Integer value = integer(key, required, expected);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            error(key, "expected " + expected + ", found " + value);
            return fallback;
        }
        return value;
    }

    Boolean bool(String key, boolean required, String expected) {
        Node node = node(key, required, expected);
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ScalarNode scalar && !scalar.isText()
                && (scalar.value().equals("true") || scalar.value().equals("false"))) {
            return Boolean.valueOf(scalar.value());
        }
        error(key, "expected " + expected + ", found " + node.kind());
        return null;
    }

    /** A list of texts; a single text is taken as a list of one. */
    List<String> strings(String key, boolean required, String expected) {
        Node node = node(key, required, expected);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        List<Node> items = node instanceof Node.ListNode list ? list.items() : List.of(node);
        for (Node item : items) {
            if (item instanceof Node.ScalarNode scalar && !scalar.isNull() && !scalar.value().isBlank()) {
                values.add(scalar.value().trim());
            } else {
                problems.error(file, item.line(), path(key), "expected " + expected + ", found " + item.kind());
            }
        }
        if (values.isEmpty() && required && items.isEmpty()) {
            error(key, "missing; expected " + expected);
        }
        return values;
    }

    /** A list whose entries are maps, each read with its own {@link Fields}; path segments use the entry's id. */
    List<Fields> maps(String key, boolean required, String expected) {
        Node node = node(key, required, expected);
        List<Fields> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof Node.ListNode list)) {
            error(key, "expected " + expected + ", found " + node.kind());
            return result;
        }
        int index = 0;
        for (Node item : list.items()) {
            String segment = path(key) + "[" + idOf(item, index++) + "]";
            Fields fields = of(item, file, segment, problems);
            if (fields != null) {
                result.add(fields);
            }
        }
        if (result.isEmpty() && required && list.items().isEmpty()) {
            error(key, "missing; expected " + expected);
        }
        return result;
    }

    /** The segment a list entry gets in a field path: its id (or file), else its index. */
    static String idOf(Node node, int index) {
        if (node instanceof Node.MapNode map) {
            Node.Entry id = map.entries().get("id");
            if (id == null) {
                id = map.entries().get("file");
            }
            if (id != null && id.value() instanceof Node.ScalarNode s && !s.isNull()) {
                return s.value();
            }
        }
        return String.valueOf(index);
    }

    /**
     * A text per language: a map from language tag to text. Every language in {@code languages} must be
     * there and not blank; other tags must be languages Owlet knows.
     */
    Text text(String key, boolean required, Collection<String> languages, String languagesAre) {
        Node node = node(key, required, "a text per language, like {en: \"...\", fr: \"...\"}");
        if (node == null) {
            return Text.NONE;
        }
        if (!(node instanceof Node.MapNode texts)) {
            error(key, "expected a text per language, like {en: \"...\", fr: \"...\"}, found " + node.kind());
            return Text.NONE;
        }
        Text text = textOf(texts, file, path(key), problems);
        Map<String, String> values = text.byLanguage();
        for (String language : languages) {
            if (!values.containsKey(language)) {
                error(key, "missing translation for '" + language + "'; " + languagesAre);
            }
        }
        return text;
    }

    /** The texts of a map from language tag to text, reporting unknown tags and values that are not texts. */
    static Text textOf(Node.MapNode texts, String file, String path, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Node.Entry entry : texts.entries().values()) {
            if (!Languages.isKnown(entry.key())) {
                problems.error(file, entry.line(), path + "." + entry.key(),
                        "unknown language '" + entry.key() + "'; expected one of: " + String.join(", ", Languages.TAGS));
            } else if (entry.value() instanceof Node.ScalarNode s && !s.isNull() && !s.value().isBlank()) {
                values.put(entry.key(), s.value().strip());
            } else if (!(entry.value() instanceof Node.ScalarNode)) {
                problems.error(file, entry.line(), path + "." + entry.key(),
                        "expected a text, found " + entry.value().kind());
            }
        }
        return new Text(values);
    }

    /** Reports {@code id} (the value of {@code key}) unless it is lower-case letters, digits and hyphens. */
    void checkId(String key, String id) {
        if (!ID.matcher(id).matches()) {
            error(key, "'" + id + "' is not a valid id; expected lower-case letters, digits and hyphens");
        }
    }

    /** Reports every key of this map that was never read. */
    void rejectUnknownKeys() {
        for (Node.Entry entry : map.entries().values()) {
            if (!read.contains(entry.key())) {
                String suggestion = closest(entry.key(), read);
                problems.error(file, entry.line(), path(entry.key()), "unknown key '" + entry.key() + "'; "
                        + (suggestion != null ? "did you mean '" + suggestion + "'?"
                                : "expected one of: " + String.join(", ", read.stream().sorted().toList())));
            }
        }
    }

    private static String closest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, key.length() / 3)) ? best : null;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
