package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.assets.ImageVariants;
import org.owlet.catalog.assets.SvgCheck;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.model.Tags;
import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.NearDuplicates;
import org.owlet.catalog.validation.Problems;

/**
 * Reads {@code courses/} (sources.yaml and one folder per course) and {@code assets/} (manifest.yaml and
 * the images), checks everything the format promises and builds the model. Plain Java, no CDI: the app,
 * the tests and the authors' command all use it. The format is documented in {@code courses/README.md}.
 */
public final class CatalogReader {

    static final Set<String> GIVE_AWAY_WORDS = Set.of("correct", "incorrect", "wrong", "answer", "decoy",
            "target", "flag", "redflag", "true", "false", "distractor");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+-]+");

    private final Path coursesDir;
    private final Path assetsDir;
    private final String coursesLabel;
    private final String assetsLabel;
    private final Problems problems = new Problems();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, ManifestEntry> manifest = new LinkedHashMap<>();
    private final Set<String> reportedImageLanguages = new HashSet<>();

    private CatalogReader(Path coursesDir, Path assetsDir) {
        this.coursesDir = coursesDir;
        this.assetsDir = assetsDir;
        this.coursesLabel = label(coursesDir);
        this.assetsLabel = label(assetsDir);
    }

    /** Reads and checks the whole catalog: courses (with {@code sources.yaml}) and assets (with {@code manifest.yaml}). */
    public static LoadedCatalog read(Path coursesDir, Path assetsDir) {
        return new CatalogReader(coursesDir, assetsDir).readAll();
    }

    private static String label(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    private LoadedCatalog readAll() {
        List<Path> courseFiles = courseFiles();
        if (!courseFiles.isEmpty() || Files.isRegularFile(coursesDir.resolve("sources.yaml"))) {
            readSources();
        }
        if (Files.isDirectory(assetsDir)) {
            readManifest(); // without an assets folder there are no images: a course that shows one is told so
        }
        List<Course> courses = new ArrayList<>();
        for (Path courseFile : courseFiles) {
            int mark = problems.mark();
            Course course = readCourse(courseFile);
            if (course != null && !problems.errorsSince(mark)) {
                courses.add(course.withContentHash(CourseJson.hash(course)));
            }
        }
        NearDuplicates.check(courses, (course, item) -> itemLocations.get(course.id() + "/" + item.id()), problems);
        Map<String, AssetFile> assets = new LinkedHashMap<>();
        manifest.values().stream().filter(ManifestEntry::usable).forEach(e -> assets.put(e.path(), e.file()));
        return new LoadedCatalog(List.copyOf(courses), Map.copyOf(sources), assets, problems.all());
    }

    private List<Path> courseFiles() {
        if (!Files.isDirectory(coursesDir)) {
            problems.error(coursesLabel, 0, "", "folder not found; expected the course folder at " + coursesDir);
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(coursesDir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("course.yaml")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String display(Path file) {
        return coursesLabel + "/" + coursesDir.relativize(file).toString().replace('\\', '/');
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- sources.yaml ------------------------------------------------------------------------------

    private void readSources() {
        Path file = coursesDir.resolve("sources.yaml");
        String name = display(file);
        if (!Files.isRegularFile(file)) {
            problems.error(name, 0, "", "file not found; expected the list of public sources");
            return;
        }
        Node rootNode = YamlTree.parse(readText(file), name, problems);
        Fields root = rootNode == null ? null : Fields.of(rootNode, name, "", problems);
        if (root == null) {
            return;
        }
        for (Fields entry : root.maps("sources", true, "a list of sources with id, title, author, year, url")) {
            String id = entry.string("id", true, "an id such as usfws-ivory-id-guide");
            String title = entry.string("title", true, "the title of the source");
            String author = entry.string("author", false, "the author or organisation");
            Integer year = entry.integer("year", false, "the year of publication");
            String url = entry.string("url", true, "the public address (https://...) of the source");
            entry.string("note", false, "a note for authors");
            entry.rejectUnknownKeys();
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                entry.error("url", "expected an address starting with https://, found '" + url + "'");
            }
            if (id != null) {
                checkId(entry, "id", id);
                if (sources.containsKey(id)) {
                    entry.error("id", "duplicate source id '" + id + "'");
                } else {
                    sources.put(id, new Source(id, title, author, year, url));
                }
            }
        }
        root.rejectUnknownKeys();
    }

    // ---- assets/manifest.yaml ----------------------------------------------------------------------

    private void readManifest() {
        Path file = assetsDir.resolve("manifest.yaml");
        String name = assetsLabel + "/manifest.yaml";
        if (!Files.isRegularFile(file)) {
            problems.error(name, 0, "", "file not found; expected one entry per image with its licence and alt text");
            return;
        }
        Node rootNode = YamlTree.parse(readText(file), name, problems);
        Fields root = rootNode == null ? null : Fields.of(rootNode, name, "", problems);
        if (root == null) {
            return;
        }
        for (Fields entry : root.maps("assets", true, "a list of images with file, source, author, licence, credit, alt, description")) {
            int mark = problems.mark();
            String path = entry.string("file", true, "the image's path under " + assetsLabel + "/");
            String source = entry.string("source", true, "\"original\" or the address the image came from");
            String author = entry.string("author", true, "who made the image");
            String licence = entry.string("licence", true, "an SPDX licence id such as CC-BY-4.0");
            String credit = entry.string("credit", true, "the credit line shown with the image");
            Text alt = entry.text("alt", true, List.of(), "");
            Text description = entry.text("description", true, List.of(), "");
            // authors' note of what the image shows (the answer): for reviewers only, never sent to learners
            entry.string("shows", false, "a note for authors saying what the image depicts");
            entry.rejectUnknownKeys();
            if (licence != null && !LICENCE.matcher(licence).matches()) {
                entry.error("licence", "expected an SPDX licence id such as CC-BY-4.0, found '" + licence + "'");
            }
            if (path == null) {
                continue;
            }
            AssetFile asset = readAsset(entry, path);
            if (manifest.containsKey(path)) {
                entry.error("file", "duplicate entry for '" + path + "'; it is already listed on line "
                        + manifest.get(path).line());
                continue;
            }
            manifest.put(path, new ManifestEntry(path, source, author, licence, credit, alt, description, name,
                    entry.line(), asset, asset != null && !problems.errorsSince(mark)));
        }
        root.rejectUnknownKeys();
        for (String unlisted : unlistedAssets()) {
            problems.error(name, 0, "assets", "'" + unlisted + "' has no entry; expected one entry per image with its"
                    + " source, licence, credit and alt text");
        }
    }

    private AssetFile readAsset(Fields entry, String path) {
        Path root = assetsDir.toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (path.startsWith("/") || path.contains("\\") || !file.startsWith(root) || path.contains("..")) {
            entry.error("file", "'" + path + "' is outside " + assetsLabel + "/; expected a path under " + assetsLabel + "/");
            return null;
        }
        String mediaType = AssetFile.mediaTypeOf(path);
        if (mediaType == null) {
            entry.error("file", "'" + path + "' is not an image Owlet serves; expected .svg, .png, .jpg, .jpeg or .webp");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            entry.error("file", "'" + path + "' does not exist under " + assetsLabel + "/");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            entry.error("file", "cannot read '" + path + "': " + e.getMessage());
            return null;
        }
        String hash = sha256(bytes).substring(0, 16);
        double width = 0;
        double height = 0;
        String embedded = "";
        if (mediaType.equals("image/svg+xml")) {
            SvgCheck.Result svg = SvgCheck.check(bytes);
            for (String problem : svg.problems()) {
                entry.error("file", "'" + path + "': " + problem);
            }
            width = svg.width();
            height = svg.height();
            embedded = svg.embeddedText();
        } else if (!mediaType.equals("image/webp")) {
            int[] size = ImageVariants.size(bytes);
            if (size == null) {
                entry.error("file", "'" + path + "' cannot be read as " + mediaType);
                return null;
            }
            width = size[0];
            height = size[1];
        }
        return new AssetFile(path, hash, mediaType, width, height, embedded, bytes);
    }

    private List<String> unlistedAssets() {
        if (!Files.isDirectory(assetsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(assetsDir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> assetsDir.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> AssetFile.mediaTypeOf(p) != null && !manifest.containsKey(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where each item was written, for messages that compare items (near duplicates). */
    private final Map<String, String> itemLocations = new HashMap<>();

    // ---- course.yaml -------------------------------------------------------------------------------

    private final class CourseContext {
        final String id;
        final List<String> languages;
        final String languagesAre;
        final Map<String, Item> items = new LinkedHashMap<>();
        final Map<String, String> itemWhere = new HashMap<>();

        CourseContext(String id, List<String> languages) {
            this.id = id;
            this.languages = languages;
            this.languagesAre = "the course is offered in " + String.join(", ", languages);
        }
    }

    private Course readCourse(Path courseFile) {
        String name = display(courseFile);
        Node courseNode = YamlTree.parse(readText(courseFile), name, problems);
        Fields course = courseNode == null ? null : Fields.of(courseNode, name, "", problems);
        if (course == null) {
            return null;
        }
        String id = course.string("id", true, "the course id, e.g. ivory-basics");
        if (id != null) {
            checkId(course, "id", id);
        }
        String version = course.string("version", true, "the version authors give this course, e.g. \"1.0\"");
        List<String> languages = course.strings("languages", true, "the language tags the course is offered in, e.g. [en, fr]");
        for (String language : languages) {
            if (!Languages.isKnown(language)) {
                course.error("languages", "unknown language '" + language + "'; expected one of: "
                        + String.join(", ", Languages.TAGS));
            }
        }
        languages = languages.stream().filter(Languages::isKnown).distinct().toList();
        if (languages.isEmpty()) {
            course.rejectUnknownKeys();
            return null;
        }
        CourseContext context = new CourseContext(id, languages);
        Text title = course.text("title", true, languages, context.languagesAre);
        Text summary = course.text("summary", true, languages, context.languagesAre);
        int validity = 0;
        int renewal = 0;
        Node certificateNode = course.node("certificate", true, "validityMonths and renewalWindowDays");
        if (certificateNode != null) {
            Fields certificate = Fields.of(certificateNode, name, "certificate", problems);
            if (certificate != null) {
                validity = certificate.integer("validityMonths", true,
                        "the months a certificate stays valid, from 1 to 120", 1, 120, 0);
                renewal = certificate.integer("renewalWindowDays", true,
                        "the days before expiry when renewal opens, from 0 to 365", 0, 365, 0);
                certificate.rejectUnknownKeys();
            }
        }
        readItems(courseFile.getParent(), context);
        List<Module> modules = readModules(course, courseFile.getParent(), context);
        course.rejectUnknownKeys();
        if (id == null || version == null) {
            return null;
        }
        Map<String, Source> used = new LinkedHashMap<>();
        for (Item item : context.items.values()) {
            item.common().sources().forEach(s -> used.put(s, sources.get(s)));
        }
        for (Module module : modules) {
            if (module instanceof Module.Lesson lesson) {
                lesson.sources().forEach(s -> used.put(s, sources.get(s)));
            }
        }
        used.values().removeIf(java.util.Objects::isNull);
        for (Map.Entry<String, Item> item : context.items.entrySet()) {
            itemLocations.put(id + "/" + item.getKey(), context.itemWhere.get(item.getKey()));
        }
        return new Course(id, version, "", languages, title, summary, validity, renewal, modules,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context.items)), used);
    }

    private List<Module> readModules(Fields course, Path courseDir, CourseContext context) {
        List<Module> modules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> usedItems = new HashSet<>();
        List<Fields> entries = course.maps("modules", true, "the ordered list of modules (lesson, drill, quiz, final)");
        for (Fields module : entries) {
            String id = module.string("id", true, "a module id, unique in the course");
            String kind = module.string("kind", true, "lesson, drill, quiz or final");
            Text title = module.text("title", true, context.languages, context.languagesAre);
            if (id != null) {
                checkId(module, "id", id);
                if (seen.containsKey(id)) {
                    module.error("id", "duplicate module id '" + id + "'; it is already used on line " + seen.get(id));
                }
                seen.put(id, module.line("id"));
            }
            if (kind == null) {
                module.rejectUnknownKeys();
                continue;
            }
            switch (kind) {
                case "lesson" -> {
                    List<String> lessonSources = sourceIds(module);
                    modules.add(readLesson(module, courseDir, context, id, title, lessonSources));
                }
                case "drill" -> {
                    List<String> deck = itemIds(module, "deck", context, usedItems);
                    checkDeckBalance(module, deck, context);
                    modules.add(new Module.Drill(id, title, deck));
                }
                case "quiz" -> {
                    List<String> pool = itemIds(module, "pool", context, usedItems);
                    int draw = module.integer("draw", true, "how many items each attempt draws, at least 1", 1, 1000, 1);
                    checkDraw(module, draw, pool);
                    modules.add(new Module.Quiz(id, title, pool, draw));
                }
                case "final" -> {
                    List<String> pool = itemIds(module, "pool", context, usedItems);
                    int draw = module.integer("draw", true, "how many items each attempt draws, at least 1", 1, 1000, 1);
                    checkDraw(module, draw, pool);
                    int passMark = module.integer("passMark", true, "a percentage from 1 to 100", 1, 100, 100);
                    int attempts = module.integer("maxAttempts", true, "the number of attempts allowed, from 1 to 100", 1, 100, 1);
                    int coolDown = module.integer("coolDownHours", true,
                            "the hours between two attempts, from 0 to 8760", 0, 8760, 0);
                    Module.Gate gate = readGate(module);
                    modules.add(new Module.FinalAssessment(id, title, pool, draw, passMark, attempts, coolDown, gate));
                }
                default -> module.error("kind", "unknown module kind '" + kind + "'; expected lesson, drill, quiz or final");
            }
            module.rejectUnknownKeys();
        }
        long finals = modules.stream().filter(Module.FinalAssessment.class::isInstance).count();
        if (finals != 1 && !entries.isEmpty()) {
            course.error("modules", "found " + finals + " modules of kind final; expected exactly one final assessment");
        }
        // the gate may only name lessons and quizzes of this course
        Map<String, String> kinds = new HashMap<>();
        modules.forEach(m -> kinds.put(m.id(), m.kind()));
        for (Module module : modules) {
            if (module instanceof Module.FinalAssessment f) {
                Fields where = entries.stream().filter(e -> f.id() != null && e.line("id") == seen.get(f.id())).findFirst()
                        .orElse(course);
                checkGate(where, "lessonsRead", f.gate().lessonsRead(), "lesson", kinds);
                checkGate(where, "quizzesAttempted", f.gate().quizzesAttempted(), "quiz", kinds);
            }
        }
        for (Map.Entry<String, Item> item : context.items.entrySet()) {
            if (!usedItems.contains(item.getKey())) {
                String[] where = context.itemWhere.get(item.getKey()).split(":");
                problems.warning(where[0], Integer.parseInt(where[1]), "items[" + item.getKey() + "]",
                        "item is not used by any module");
            }
        }
        checkListingBalance(course, context);
        return modules;
    }

    /** Share of legal look-alikes below which a drill deck or a course's listings teach suspicion, not discrimination. */
    static final int MIN_LOOKALIKE_PERCENT = 40;

    /** Decks and listings are checked for balance from this many cards (a two-card demo deck is not a drill). */
    static final int MIN_BALANCED = 4;

    /**
     * Warns when a drill deck does not say what its cards show, or when legal look-alikes are much rarer than
     * protected products: learners must practise telling them apart, not suspecting everything.
     */
    private void checkDeckBalance(Fields module, List<String> deck, CourseContext context) {
        if (deck.size() < MIN_BALANCED) {
            return;
        }
        List<String> untagged = new ArrayList<>();
        int lookalikes = 0;
        for (String cardId : deck) {
            Item card = context.items.get(cardId);
            if (card == null) {
                continue;
            }
            List<String> subject = card.common().tags().subject();
            if (subject.isEmpty()) {
                untagged.add(cardId);
            } else if (subject.contains(Tags.LOOKALIKE)) {
                lookalikes++;
            }
        }
        if (!untagged.isEmpty()) {
            module.warning("deck", "cards " + untagged + " do not say what they show; expected tags.subject: protected or"
                    + " lookalike on every card, so the deck's balance can be checked");
        } else if (lookalikes * 100 < deck.size() * MIN_LOOKALIKE_PERCENT) {
            module.warning("deck", lookalikes + " of " + deck.size() + " cards show a legal look-alike; expected at least "
                    + MIN_LOOKALIKE_PERCENT + " %, so learners practise telling look-alikes from protected products");
        }
    }

    /** Listings that should stay up must be about as common as those that come down. */
    private void checkListingBalance(Fields course, CourseContext context) {
        long listings = context.items.values().stream().filter(Item.ListingTriage.class::isInstance).count();
        long allowed = context.items.values().stream()
                .filter(i -> i instanceof Item.ListingTriage t && t.key().decision() == AnswerKey.Decision.ALLOW).count();
        if (listings >= MIN_BALANCED && allowed * 100 < listings * MIN_LOOKALIKE_PERCENT) {
            course.warning("modules", allowed + " of " + listings + " listing-triage items are to be allowed; expected at least "
                    + MIN_LOOKALIKE_PERCENT + " %, so learners practise keeping legal listings up, not only taking listings down");
        }
    }

    private Module.Gate readGate(Fields module) {
        Node node = module.node("gate", true, "what must be done before the final assessment opens: lessonsRead and quizzesAttempted (\"all\" or module ids)");
        if (node == null) {
            return new Module.Gate(List.of(), List.of());
        }
        Fields gate = Fields.of(node, module.file, module.path("gate"), problems);
        if (gate == null) {
            return new Module.Gate(List.of(), List.of());
        }
        List<String> lessons = gate.strings("lessonsRead", true, "\"all\" or a list of lesson ids");
        List<String> quizzes = gate.strings("quizzesAttempted", true, "\"all\" or a list of quiz ids");
        gate.rejectUnknownKeys();
        return new Module.Gate(lessons, quizzes);
    }

    private void checkGate(Fields module, String key, List<String> ids, String kind, Map<String, String> kinds) {
        if (ids.equals(List.of("all"))) {
            ids.clear();
            kinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).sorted()
                    .forEach(ids::add);
            return;
        }
        for (String id : ids) {
            if (!kind.equals(kinds.get(id))) {
                problems.error(module.file, module.line("gate"), module.path("gate." + key), "'" + id + "' is not a "
                        + kind + " of this course; expected \"all\" or ids of " + kind + " modules");
            }
        }
    }

    private void checkDraw(Fields module, int draw, List<String> pool) {
        if (!pool.isEmpty() && draw > pool.size()) {
            module.error("draw", "draws " + draw + " items from a pool of " + pool.size() + "; expected at most "
                    + pool.size() + ", or more items in the pool");
        }
    }

    private List<String> itemIds(Fields module, String key, CourseContext context, Set<String> used) {
        List<String> ids = module.strings(key, true, "a list of item ids");
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!context.items.containsKey(id)) {
                module.error(key, "unknown item '" + id + "'; expected an item id from the course's items/ files");
            } else if (!seen.add(id)) {
                module.error(key, "item '" + id + "' is listed twice");
            }
            used.add(id);
        }
        return new ArrayList<>(ids);
    }

    private List<String> sourceIds(Fields fields) {
        List<String> ids = fields.strings("sources", true, "the ids of the public sources it rests on, from sources.yaml");
        for (String id : ids) {
            if (!sources.containsKey(id)) {
                fields.error("sources", "unknown source '" + id + "'; expected an id from sources.yaml");
            }
        }
        return ids;
    }

    private Module.Lesson readLesson(Fields module, Path courseDir, CourseContext context, String id, Text title,
            List<String> lessonSources) {
        Map<String, String> markdown = new LinkedHashMap<>();
        Map<String, String> html = new LinkedHashMap<>();
        Map<String, Image> images = new LinkedHashMap<>();
        if (id != null) {
            for (String language : context.languages) {
                Path file = courseDir.resolve("lessons").resolve(id + "." + language + ".md");
                if (!Files.isRegularFile(file)) {
                    module.error("id", "missing translation for '" + language + "'; expected the file "
                            + display(file));
                    continue;
                }
                String text = readText(file);
                LessonMarkdown.Rendered rendered = LessonMarkdown.render(text, language, display(file), problems,
                        path -> manifest.get(path), sources);
                markdown.put(language, text);
                html.put(language, rendered.html());
                for (Image image : rendered.images()) {
                    images.put(image.path(), image);
                    checkImageTexts(manifest.get(image.path()), context);
                }
            }
        }
        return new Module.Lesson(id, title, new Text(markdown), new Text(html), List.copyOf(images.values()), lessonSources);
    }

    // ---- items/*.yaml ------------------------------------------------------------------------------

    private void readItems(Path courseDir, CourseContext context) {
        Path itemsDir = courseDir.resolve("items");
        if (!Files.isDirectory(itemsDir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(itemsDir)) {
            files = list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = display(file);
            Node rootNode = YamlTree.parse(readText(file), name, problems);
        Fields root = rootNode == null ? null : Fields.of(rootNode, name, "", problems);
            if (root == null) {
                continue;
            }
            for (Fields fields : root.maps("items", true, "a list of items")) {
                Item item = readItem(fields, context);
                if (item != null) {
                    String where = name + ":" + fields.line();
                    if (context.items.containsKey(item.id())) {
                        fields.error("id", "duplicate item id '" + item.id() + "'; it is already used in "
                                + context.itemWhere.get(item.id()));
                    } else {
                        context.items.put(item.id(), item);
                        context.itemWhere.put(item.id(), where);
                    }
                }
            }
            root.rejectUnknownKeys();
        }
    }

    private Item readItem(Fields item, CourseContext context) {
        String id = item.string("id", true, "an item id, unique in the course");
        if (id != null) {
            checkId(item, "id", id);
        }
        String type = item.string("type", true, "image-choice, hotspot, listing-triage, coded-term, single-choice, multi-choice or true-false");
        List<String> languages = context.languages;
        String are = context.languagesAre;
        Item result = null;
        if (type != null) {
            switch (type) {
                case "image-choice" -> {
                    Image image = image(item, "image", context);
                    Text question = item.text("question", true, languages, are);
                    List<Item.Option> options = options(item, context);
                    Set<String> correct = correct(item, options, 1, options.size());
                    result = new Item.ImageChoice(null, image, question, options, new AnswerKey.Choice(correct));
                    if (image != null) {
                        checkGiveAway(item, image, options, correct, context);
                    }
                }
                case "hotspot" -> {
                    Image image = image(item, "image", context);
                    Text question = item.text("question", true, languages, are);
                    List<Item.Region> regions = regions(item, image, context);
                    Set<String> targets = new LinkedHashSet<>(item.strings("correct", true, "the ids of the target regions"));
                    Set<String> regionIds = regions.stream().map(Item.Region::id).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
                    checkRefs(item, "correct", targets, regionIds, "region");
                    if (!targets.isEmpty() && regionIds.containsAll(targets) && targets.size() >= regionIds.size()) {
                        item.error("correct", "every region is a target; expected at least one labelled decoy region for the keyboard alternative");
                    }
                    result = new Item.Hotspot(null, image, question, regions, new AnswerKey.Regions(targets));
                }
                case "listing-triage" -> result = listingTriage(item, context);
                case "coded-term" -> {
                    String term = item.string("term", true, "the term as it appears in listings");
                    String termLanguage = item.string("termLanguage", true, "the language tag of the term, e.g. zh or de");
                    Text question = item.text("question", true, languages, are);
                    List<Item.Option> options = options(item, context);
                    Set<String> correct = correct(item, options, 1, options.size());
                    result = new Item.CodedTerm(null, term, termLanguage, question, options, new AnswerKey.Choice(correct));
                }
                case "single-choice", "multi-choice" -> {
                    Text question = item.text("question", true, languages, are);
                    List<Item.Option> options = options(item, context);
                    boolean single = type.equals("single-choice");
                    Set<String> correct = correct(item, options, 1, single ? 1 : options.size());
                    result = single ? new Item.SingleChoice(null, question, options, new AnswerKey.Choice(correct))
                            : new Item.MultiChoice(null, question, options, new AnswerKey.Choice(correct));
                }
                case "true-false" -> {
                    Text statement = item.text("statement", true, languages, are);
                    Boolean answer = item.bool("answer", true, "true or false");
                    result = new Item.TrueFalse(null, statement, new AnswerKey.Truth(Boolean.TRUE.equals(answer)));
                }
                default -> item.error("type", "unknown item type '" + type + "'; expected image-choice, hotspot, "
                        + "listing-triage, coded-term, single-choice, multi-choice or true-false");
            }
        }
        Text explanation = item.text("explanation", true, languages, are);
        Text cue = item.text("cue", false, item.has("cue") ? languages : List.of(), are);
        List<String> itemSources = sourceIds(item);
        Tags tags = tags(item);
        item.rejectUnknownKeys();
        if (result == null || id == null) {
            return null;
        }
        return withCommon(result, new Item.Common(id, explanation, cue, itemSources, tags));
    }

    private static Item withCommon(Item item, Item.Common common) {
        if (item instanceof Item.ImageChoice i) {
            return new Item.ImageChoice(common, i.image(), i.question(), i.options(), i.key());
        } else if (item instanceof Item.Hotspot i) {
            return new Item.Hotspot(common, i.image(), i.question(), i.regions(), i.key());
        } else if (item instanceof Item.ListingTriage i) {
            return new Item.ListingTriage(common, i.question(), i.listing(), i.phrases(), i.key());
        } else if (item instanceof Item.CodedTerm i) {
            return new Item.CodedTerm(common, i.term(), i.termLanguage(), i.question(), i.options(), i.key());
        } else if (item instanceof Item.SingleChoice i) {
            return new Item.SingleChoice(common, i.question(), i.options(), i.key());
        } else if (item instanceof Item.MultiChoice i) {
            return new Item.MultiChoice(common, i.question(), i.options(), i.key());
        }
        Item.TrueFalse i = (Item.TrueFalse) item;
        return new Item.TrueFalse(common, i.statement(), i.key());
    }

    private Tags tags(Fields item) {
        Node node = item.node("tags", true, "species, product, cites, skill and subject tags");
        if (node == null) {
            return Tags.NONE;
        }
        Fields tags = Fields.of(node, item.file, item.path("tags"), problems);
        if (tags == null) {
            return Tags.NONE;
        }
        List<String> species = tags.strings("species", false, "species tags, e.g. african-elephant");
        List<String> product = tags.strings("product", false, "product tags, e.g. ivory");
        List<String> cites = tags.strings("cites", false, "CITES appendices: I, II, III or none");
        List<String> skill = tags.strings("skill", false, "skill tags, e.g. identify, triage, coded-language");
        List<String> subject = tags.strings("subject", false,
                "what the item shows: protected (the protected product or species) or lookalike (a legal look-alike)");
        tags.rejectUnknownKeys();
        if (subject.size() > 1 || subject.stream().anyMatch(s -> !List.of(Tags.PROTECTED, Tags.LOOKALIKE).contains(s))) {
            tags.error("subject", "expected one of: protected, lookalike; found " + subject);
        }
        for (String appendix : cites) {
            if (!List.of("I", "II", "III", "none").contains(appendix)) {
                tags.error("cites", "unknown CITES appendix '" + appendix + "'; expected I, II, III or none");
            }
        }
        return new Tags(species, product, cites, skill, subject);
    }

    private List<Item.Option> options(Fields item, CourseContext context) {
        List<Item.Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Fields> entries = item.maps("options", true, "2 to 5 options, each with an id and a text per language");
        for (Fields option : entries) {
            String id = option.string("id", true, "an option id, unique in the item");
            Text text = option.text("text", true, context.languages, context.languagesAre);
            option.rejectUnknownKeys();
            if (id == null) {
                continue;
            }
            checkId(option, "id", id);
            checkNeutralId(option, id);
            if (!ids.add(id)) {
                option.error("id", "duplicate option id '" + id + "'");
                continue;
            }
            options.add(new Item.Option(id, text));
        }
        if (!entries.isEmpty() && (entries.size() < 2 || entries.size() > 5)) {
            item.error("options", "found " + entries.size() + " options; expected 2 to 5");
        }
        return options;
    }

    private Set<String> correct(Fields item, List<Item.Option> options, int min, int max) {
        Set<String> correct = new LinkedHashSet<>(item.strings("correct", true, "the id(s) of the correct option(s)"));
        Set<String> ids = new LinkedHashSet<>();
        options.forEach(o -> ids.add(o.id()));
        checkRefs(item, "correct", correct, ids, "option");
        if (!correct.isEmpty() && (correct.size() < min || correct.size() > max)) {
            item.error("correct", min == max ? "found " + correct.size() + " correct options; expected exactly " + min
                    : "found " + correct.size() + " correct options; expected " + min + " to " + max);
        }
        return correct;
    }

    private void checkRefs(Fields item, String key, Set<String> refs, Set<String> known, String what) {
        for (String ref : refs) {
            if (!known.isEmpty() && !known.contains(ref)) {
                item.error(key, "unknown " + what + " '" + ref + "'; expected one of: " + String.join(", ", known));
            }
        }
    }

    private void checkId(Fields fields, String key, String id) {
        if (!ID.matcher(id).matches()) {
            fields.error(key, "'" + id + "' is not a valid id; expected lower-case letters, digits and hyphens");
        }
    }

    /** Option, region and phrase ids reach the browser: they must not say which one is right. */
    private void checkNeutralId(Fields fields, String id) {
        for (String word : id.split("-")) {
            if (GIVE_AWAY_WORDS.contains(word)) {
                fields.error("id", "id '" + id + "' gives the answer away; expected an id that names what the choice says");
                return;
            }
        }
    }

    // ---- images ------------------------------------------------------------------------------------

    private Image image(Fields item, String key, CourseContext context) {
        String path = item.string(key, true, "the image's path under " + assetsLabel + "/");
        return path == null ? null : imageAt(item, key, path, context);
    }

    private Image imageAt(Fields fields, String key, String path, CourseContext context) {
        ManifestEntry entry = manifest.get(path);
        if (entry == null) {
            fields.error(key, "unknown image '" + path + "'; expected a file listed in " + assetsLabel + "/manifest.yaml");
            return null;
        }
        if (!entry.usable()) {
            fields.error(key, "image '" + path + "' cannot be used: its entry in " + assetsLabel
                    + "/manifest.yaml has errors");
            return null;
        }
        checkImageTexts(entry, context);
        return entry.image();
    }

    /** Each language of a course that shows an image needs the image's alt text and description in it. */
    private void checkImageTexts(ManifestEntry entry, CourseContext context) {
        for (String language : context.languages) {
            if (!reportedImageLanguages.add(entry.path() + "|" + language)) {
                continue;
            }
            if (entry.alt().byLanguage().get(language) == null) {
                problems.error(entry.manifestFile(), entry.line(), "assets[" + entry.path() + "].alt",
                        "missing alt text in '" + language + "'; the image is used by course '" + context.id
                                + "', offered in " + String.join(", ", context.languages));
            }
            if (entry.description().byLanguage().get(language) == null) {
                problems.error(entry.manifestFile(), entry.line(), "assets[" + entry.path() + "].description",
                        "missing description in '" + language + "'; the image is used by course '" + context.id
                                + "', offered in " + String.join(", ", context.languages));
            }
        }
    }

    /** The alt text, file name and SVG title/desc are shown before the answer: none may name a correct option. */
    private void checkGiveAway(Fields item, Image image, List<Item.Option> options, Set<String> correct, CourseContext context) {
        ManifestEntry entry = manifest.get(image.path());
        String fileName = normalize(image.path().substring(image.path().lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", ""));
        String embedded = normalize(entry.file().embeddedText());
        for (Item.Option option : options) {
            if (!correct.contains(option.id())) {
                continue;
            }
            for (Map.Entry<String, String> label : option.text().byLanguage().entrySet()) {
                String needle = normalize(label.getValue());
                if (needle.isBlank()) {
                    continue;
                }
                String alt = entry.alt().byLanguage().get(label.getKey());
                if (alt != null && contains(normalize(alt), needle)) {
                    item.error("image", "the alt text in '" + label.getKey() + "' of '" + image.path() + "' names the answer '"
                            + label.getValue() + "'; expected a neutral description that does not give the answer away");
                }
                if (contains(fileName, needle)) {
                    item.error("image", "the file name '" + image.path() + "' names the answer '" + label.getValue()
                            + "'; expected a name that does not give the answer away");
                }
                if (contains(embedded, needle)) {
                    item.error("image", "the SVG <title>/<desc> of '" + image.path() + "' names the answer '"
                            + label.getValue() + "'; expected a neutral title and description");
                }
            }
        }
    }

    private static boolean contains(String haystack, String needle) {
        return (" " + haystack + " ").contains(" " + needle + " ");
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    // ---- hotspot regions ---------------------------------------------------------------------------

    private List<Item.Region> regions(Fields item, Image image, CourseContext context) {
        List<Item.Region> regions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Fields region : item.maps("regions", true, "the target and decoy regions, each with id, label and polygon")) {
            String id = region.string("id", true, "a region id, unique in the item");
            Text label = region.text("label", true, context.languages, context.languagesAre);
            List<Item.Point> polygon = polygon(region, image);
            region.rejectUnknownKeys();
            if (id == null) {
                continue;
            }
            checkId(region, "id", id);
            checkNeutralId(region, id);
            if (!ids.add(id)) {
                region.error("id", "duplicate region id '" + id + "'");
                continue;
            }
            regions.add(new Item.Region(id, label, polygon));
        }
        return regions;
    }

    private List<Item.Point> polygon(Fields region, Image image) {
        Node node = region.node("polygon", true, "at least 3 points [x, y] in image coordinates");
        List<Item.Point> points = new ArrayList<>();
        if (node == null) {
            return points;
        }
        String expected = "at least 3 points [x, y] in image coordinates";
        if (!(node instanceof Node.ListNode list)) {
            region.error("polygon", "expected " + expected + ", found " + node.kind());
            return points;
        }
        for (Node pointNode : list.items()) {
            Item.Point point = point(pointNode);
            if (point == null) {
                problems.error(region.file, pointNode.line(), region.path("polygon"), "expected a point [x, y], found "
                        + pointNode.kind());
                continue;
            }
            points.add(point);
            if (image != null && image.width() > 0
                    && (point.x() < 0 || point.y() < 0 || point.x() > image.width() || point.y() > image.height())) {
                problems.error(region.file, pointNode.line(), region.path("polygon"), "point [" + num(point.x()) + ", "
                        + num(point.y()) + "] lies outside the image '" + image.path() + "'; expected 0 ≤ x ≤ "
                        + num(image.width()) + " and 0 ≤ y ≤ " + num(image.height()));
            }
        }
        if (image != null && image.width() <= 0) {
            region.error("polygon", "the size of '" + image.path() + "' is unknown; hotspots need an SVG, PNG or JPEG image");
        }
        if (points.size() < 3) {
            region.error("polygon", "found " + points.size() + " points; expected " + expected);
        }
        return points;
    }

    private static Item.Point point(Node node) {
        if (node instanceof Node.ListNode pair && pair.items().size() == 2
                && pair.items().get(0) instanceof Node.ScalarNode x && pair.items().get(1) instanceof Node.ScalarNode y
                && !x.isText() && !y.isText()) {
            try {
                return new Item.Point(Double.parseDouble(x.value()), Double.parseDouble(y.value()));
            } catch (NumberFormatException | NullPointerException e) {
                return null;
            }
        }
        return null;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    // ---- listing triage ----------------------------------------------------------------------------

    private Item listingTriage(Fields item, CourseContext context) {
        List<String> languages = context.languages;
        String are = context.languagesAre;
        Text question = item.text("question", true, languages, are);
        List<Item.Phrase> phrases = new ArrayList<>();
        Set<String> phraseIds = new LinkedHashSet<>();
        for (Fields phrase : item.maps("phrases", true, "the phrases a learner may mark, each with id and text per language")) {
            String id = phrase.string("id", true, "a phrase id, unique in the item");
            Text text = phrase.text("text", true, languages, are);
            phrase.rejectUnknownKeys();
            if (id == null) {
                continue;
            }
            checkId(phrase, "id", id);
            checkNeutralId(phrase, id);
            if (!phraseIds.add(id)) {
                phrase.error("id", "duplicate phrase id '" + id + "'");
                continue;
            }
            phrases.add(new Item.Phrase(id, text));
        }
        Set<String> redFlags = new LinkedHashSet<>(item.strings("redFlags", false, "the ids of the phrases that are red flags"));
        checkRefs(item, "redFlags", redFlags, phraseIds, "phrase");
        if (!phraseIds.isEmpty() && redFlags.containsAll(phraseIds)) {
            item.error("phrases", "every phrase is a red flag; expected at least one harmless phrase (a decoy)");
        }
        String decisionText = item.string("decision", true, "allow, remove or escalate");
        AnswerKey.Decision decision = null;
        if (decisionText != null) {
            try {
                decision = AnswerKey.Decision.valueOf(decisionText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                item.error("decision", "expected allow, remove or escalate, found '" + decisionText + "'");
            }
        }
        Item.Listing listing = null;
        Node node = item.node("listing", true, "the listing: title, body, price, currency, location, images, market, policy");
        Fields fields = node == null ? null : Fields.of(node, item.file, item.path("listing"), problems);
        if (fields != null) {
            Text title = fields.text("title", true, languages, are);
            Text body = fields.text("body", true, languages, are);
            BigDecimal price = null;
            Node priceNode = fields.node("price", true, "the asking price as a number, e.g. 350 or 12.50");
            if (priceNode instanceof Node.ScalarNode p && !p.isText()) {
                try {
                    price = new BigDecimal(p.value());
                } catch (NumberFormatException e) {
                    fields.error("price", "expected the asking price as a number, found " + p.kind());
                }
            } else if (priceNode != null) {
                fields.error("price", "expected the asking price as a number, found " + priceNode.kind());
            }
            String currency = fields.string("currency", true, "an ISO 4217 currency code such as GBP");
            if (currency != null) {
                try {
                    Currency.getInstance(currency);
                } catch (IllegalArgumentException e) {
                    fields.error("currency", "unknown currency '" + currency + "'; expected an ISO 4217 code such as GBP, EUR, USD, CNY, VND");
                }
            }
            Text location = fields.text("location", true, languages, are);
            List<Image> images = new ArrayList<>();
            for (String path : fields.strings("images", false, "image paths under " + assetsLabel + "/")) {
                Image image = imageAt(fields, "images", path, context);
                if (image != null) {
                    images.add(image);
                }
            }
            String market = fields.string("market", true, "the platform's market or jurisdiction, e.g. GB, EU, US, CN");
            Text policy = fields.text("policy", true, languages, are);
            fields.rejectUnknownKeys();
            checkPlaceholders(fields, title, body, phraseIds, languages);
            listing = new Item.Listing(title, body, price, currency, location, List.copyOf(images), market, policy);
        }
        List<String> decoys = phraseIds.stream().filter(p -> !redFlags.contains(p)).toList();
        if (listing == null || decision == null) {
            return null;
        }
        return new Item.ListingTriage(null, question, listing, phrases, new AnswerKey.Triage(decision, redFlags, decoys));
    }

    private void checkPlaceholders(Fields listing, Text title, Text body, Set<String> phraseIds, List<String> languages) {
        for (String language : languages) {
            String text = title.in(language, language) + "\n" + body.in(language, language);
            if (title.byLanguage().get(language) == null || body.byLanguage().get(language) == null) {
                continue;
            }
            Map<String, Integer> count = new HashMap<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String id = m.group(1);
                if (!phraseIds.contains(id)) {
                    listing.error("body", "unknown phrase {" + id + "} in '" + language + "'; expected one of: "
                            + String.join(", ", phraseIds));
                }
                count.merge(id, 1, Integer::sum);
            }
            for (String id : phraseIds) {
                int n = count.getOrDefault(id, 0);
                if (n != 1) {
                    listing.error("body", "phrase {" + id + "} appears " + n + " times in the '" + language
                            + "' title and body; expected exactly once");
                }
            }
        }
    }

    // ---- hashing -----------------------------------------------------------------------------------

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
