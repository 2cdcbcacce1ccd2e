package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.owlet.catalog.validation.Glossary;
import org.owlet.catalog.validation.Problems;
import org.owlet.web.Languages;

/**
 * Reads {@code courses/glossary.yaml} (optional: without it nothing is checked) and checks every learner-facing text
 * against it: the texts of each course's {@code course.yaml} and {@code items/*.yaml}, its lessons, the platform
 * profiles of {@code policies.yaml} and the alt texts and descriptions of {@code assets/manifest.yaml}. A text is a
 * map whose keys are all language tags; each language's text is checked against that language's glossary.
 */
final class GlossaryReader {

    private final CatalogFiles files;

    private GlossaryReader(CatalogFiles files) {
        this.files = files;
    }

    /** Reads the glossary and warns about every text that strays from it; nothing if there is no glossary. */
    static void check(CatalogFiles files, List<Path> courseFiles) {
        GlossaryReader reader = new GlossaryReader(files);
        Glossary glossary = reader.read();
        if (glossary == null || glossary.languages().isEmpty()) {
            return;
        }
        for (Path courseFile : courseFiles) {
            Path dir = courseFile.getParent();
            reader.checkYaml(glossary, courseFile, files.display(courseFile));
            for (Path file : list(dir.resolve("items"), ".yaml")) {
                reader.checkYaml(glossary, file, files.display(file));
            }
            for (Path file : list(dir.resolve("lessons"), ".md")) {
                String name = file.getFileName().toString();
                String[] parts = name.substring(0, name.length() - 3).split("\\.");
                String language = parts[parts.length - 1];
                glossary.check(files.display(file), 0, "text", language, CatalogFiles.readText(file), files.problems);
            }
        }
        Path policies = files.coursesDir.resolve("policies.yaml");
        if (Files.isRegularFile(policies)) {
            reader.checkYaml(glossary, policies, files.display(policies));
        }
        Path manifest = files.assetsDir.resolve("manifest.yaml");
        if (Files.isRegularFile(manifest)) {
            reader.checkYaml(glossary, manifest, files.assetsLabel + "/manifest.yaml");
        }
    }

    private Glossary read() {
        Path file = files.coursesDir.resolve("glossary.yaml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String name = files.display(file);
        Fields root = files.parse(file, name);
        if (root == null) {
            return null;
        }
        Map<String, Glossary.Language> languages = new LinkedHashMap<>();
        Node node = root.node("languages", true, "a map from language tag to its terms and register");
        if (node instanceof Node.MapNode map) {
            for (Node.Entry entry : map.entries().values()) {
                String tag = entry.key();
                if (!Languages.isKnown(tag)) {
                    files.problems.error(name, entry.line(), "languages." + tag, "unknown language '" + tag
                            + "'; expected one of: " + String.join(", ", Languages.TAGS));
                    continue;
                }
                Fields language = Fields.of(entry.value(), name, "languages." + tag, files.problems);
                if (language != null) {
                    languages.put(tag, language(tag, language));
                }
            }
        } else if (node != null) {
            root.error("languages", "expected a map from language tag to its terms and register, found " + node.kind());
        }
        root.rejectUnknownKeys();
        return new Glossary(name, Map.copyOf(languages));
    }

    private Glossary.Language language(String tag, Fields language) {
        List<Glossary.Term> terms = new ArrayList<>();
        Map<String, String> seen = new HashMap<>(); // every listed word (lower case) → where it is listed
        for (Fields term : language.maps("terms", true, "a list of fixed terms with id, use and avoid")) {
            String id = term.string("id", true, "the term's id, the same in every language, e.g. remove");
            String use = term.string("use", true, "the word to write, e.g. the interface's word for a decision");
            List<String> avoid = term.strings("avoid", false, "the alternatives that must not be written instead");
            term.string("note", false, "a note for authors");
            term.rejectUnknownKeys();
            if (id == null || use == null) {
                continue;
            }
            term.checkId("id", id);
            if (terms.stream().anyMatch(t -> t.id().equals(id))) {
                term.error("id", "duplicate term '" + id + "' in '" + tag + "'; expected each term once per language");
                continue;
            }
            listed(term, "use", use, "term " + id, seen);
            for (String word : avoid) {
                if (word.equalsIgnoreCase(use)) {
                    term.error("avoid", "'" + word + "' is the term itself; expected only alternatives to '" + use + "'");
                } else {
                    listed(term, "avoid", word, "term " + id, seen);
                }
            }
            terms.add(new Glossary.Term(id, use, avoid.stream().filter(w -> !w.equalsIgnoreCase(use)).toList()));
        }
        Glossary.Register register = null;
        Node registerNode = language.node("register", false, "the register: name and otherMarkers");
        if (registerNode != null) {
            Fields fields = Fields.of(registerNode, language.file, language.path("register"), files.problems);
            if (fields != null) {
                String name = fields.string("name", true, "the register every text keeps, e.g. usted");
                List<String> markers = fields.strings("otherMarkers", true, "words only the other register uses");
                fields.rejectUnknownKeys();
                for (String marker : markers) {
                    listed(fields, "otherMarkers", marker, "the register", seen);
                }
                if (name != null) {
                    register = new Glossary.Register(name, markers);
                }
            }
        }
        language.rejectUnknownKeys();
        return new Glossary.Language(tag, List.copyOf(terms), register);
    }

    /** Reports a word listed twice in one language (as a term, an alternative or a marker). */
    private static void listed(Fields fields, String key, String word, String where, Map<String, String> seen) {
        String previous = seen.putIfAbsent(word.toLowerCase(Locale.ROOT), where);
        if (previous != null) {
            fields.error(key, "'" + word + "' is already listed for " + previous + "; expected each word once per language");
        }
    }

    /** Checks every text map of a YAML file. */
    private void checkYaml(Glossary glossary, Path file, String name) {
        Node root = YamlTree.parse(CatalogFiles.readText(file), name, new Problems());
        if (root != null) {
            walk(glossary, root, "", name);
        }
    }

    private void walk(Glossary glossary, Node node, String path, String name) {
        if (node instanceof Node.MapNode map) {
            boolean text = !map.entries().isEmpty() && map.entries().values().stream()
                    .allMatch(e -> Languages.isKnown(e.key()) && e.value() instanceof Node.ScalarNode s && s.isText());
            for (Node.Entry entry : map.entries().values()) {
                String field = path.isEmpty() ? entry.key() : path + "." + entry.key();
                if (text) {
                    glossary.check(name, entry.line(), field, entry.key(), ((Node.ScalarNode) entry.value()).value(),
                            files.problems);
                } else {
                    walk(glossary, entry.value(), field, name);
                }
            }
        } else if (node instanceof Node.ListNode list) {
            int index = 0;
            for (Node item : list.items()) {
                walk(glossary, item, path + "[" + Fields.idOf(item, index++) + "]", name);
            }
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
