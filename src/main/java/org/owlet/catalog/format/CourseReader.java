package org.owlet.catalog.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.owlet.catalog.model.Course;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Module;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.AssessmentIntegrity;
import org.owlet.catalog.validation.LookalikeBalance;
import org.owlet.web.Languages;

/**
 * Reads one course folder: {@code course.yaml} (id, version, languages, texts, certificate, modules with the
 * final assessment's gate), its lessons ({@code lessons/<module>.<language>.md}) and, through {@link ItemReader},
 * its items.
 */
final class CourseReader {

    private final CatalogFiles files;
    private final Map<String, Source> sources;
    private final Images images;
    private final ItemReader items;
    /** Where each item was written ("file:line" by "course/item"), for messages that compare items (near duplicates). */
    private final Map<String, String> itemLocations = new HashMap<>();

    /** Where this course's problems start: the editorial rules of assessment integrity run on a course without errors. */
    private int courseMark;

    CourseReader(CatalogFiles files, Map<String, Source> sources, Images images, PoliciesReader policies) {
        this.files = files;
        this.sources = sources;
        this.images = images;
        this.items = new ItemReader(files, sources, images, policies);
    }

    /** "file:line" where an item of a course that was read was written. */
    String itemLocation(Course course, Item item) {
        return itemLocations.get(course.id() + "/" + item.id());
    }

    /** The course, or {@code null} if it cannot be built; problems are reported either way (a course with errors is still returned). */
    Course read(Path courseFile) {
        courseMark = files.problems.mark();
        String name = files.display(courseFile);
        Fields course = files.parse(courseFile, name);
        if (course == null) {
            return null;
        }
        String id = course.string("id", true, "the course id, e.g. ivory-basics");
        if (id != null) {
            course.checkId("id", id);
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
            Fields certificate = Fields.of(certificateNode, name, "certificate", files.problems);
            if (certificate != null) {
                validity = certificate.integer("validityMonths", true,
                        "the months a certificate stays valid, from 1 to 120", 1, 120, 0);
                renewal = certificate.integer("renewalWindowDays", true,
                        "the days before expiry when renewal opens, from 0 to 365", 0, 365, 0);
                certificate.rejectUnknownKeys();
            }
        }
        items.readItems(courseFile.getParent(), context);
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
        used.values().removeIf(Objects::isNull);
        for (Map.Entry<String, Item> item : context.items.entrySet()) {
            itemLocations.put(id + "/" + item.getKey(), context.itemWhere.get(item.getKey()));
        }
        return new Course(id, version, "", languages, title, summary, validity, renewal, modules,
                Collections.unmodifiableMap(new LinkedHashMap<>(context.items)), used);
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
                module.checkId("id", id);
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
                    List<String> lessonSources = SourcesReader.ids(module, sources);
                    modules.add(readLesson(module, courseDir, context, id, title, lessonSources));
                }
                case "drill" -> {
                    List<String> deck = itemIds(module, "deck", context, usedItems);
                    LookalikeBalance.ofDeck(deck, context.items).ifPresent(message -> module.warning("deck", message));
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
                if (!files.problems.errorsSince(courseMark)) {
                    AssessmentIntegrity.heldOut(f, modules).ifPresent(message -> where.error("pool", message));
                    AssessmentIntegrity.poolSize(f).ifPresent(message -> where.error("draw", message));
                }
            }
        }
        for (Map.Entry<String, Item> item : context.items.entrySet()) {
            if (!usedItems.contains(item.getKey())) {
                String[] where = context.itemWhere.get(item.getKey()).split(":");
                files.problems.warning(where[0], Integer.parseInt(where[1]), "items[" + item.getKey() + "]",
                        "item is not used by any module");
            }
        }
        if (files.problems.errorsSince(courseMark)) {
            return modules; // the editorial rules below judge a course that is otherwise valid
        }
        AssessmentIntegrity.balance(context.items.values()).forEach(message -> course.error("modules", message));
        checkPictures(modules, context);
        for (Map.Entry<String, Item> item : context.items.entrySet()) {
            AssessmentIntegrity.longOption(item.getValue()).ifPresent(message -> {
                String[] where = context.itemWhere.get(item.getKey()).split(":");
                files.problems.warning(where[0], Integer.parseInt(where[1]), "items[" + item.getKey() + "].correct", message);
            });
        }
        return modules;
    }

    /**
     * Pictures that cannot print their answer: an item in a drill, quiz or final shows a specimen (a listing-triage item
     * may show a listing); a final item's picture is not the one a lesson or a practice item of the course shows.
     */
    private void checkPictures(List<Module> modules, CourseContext context) {
        Map<String, String> practised = new LinkedHashMap<>();
        for (Module module : modules) {
            if (!(module instanceof Module.Drill || module instanceof Module.Quiz || module instanceof Module.FinalAssessment)) {
                continue;
            }
            for (String itemId : module.itemIds()) {
                Item item = context.items.get(itemId);
                for (CourseContext.ImageUse use : context.itemImages.getOrDefault(itemId, List.of())) {
                    ManifestEntry entry = images.entry(use.path());
                    String kind = entry.kind();
                    boolean listing = item instanceof Item.ListingTriage && ManifestEntry.LISTING.equals(kind);
                    if (!ManifestEntry.SPECIMEN.equals(kind) && !listing) {
                        files.problems.error(use.file(), use.line(), use.field(), "image '" + use.path() + "' is a " + kind
                                + " picture (" + entry.manifestFile() + ":" + entry.line() + ") and item '" + itemId + "' is in "
                                + module.kind() + " '" + module.id() + "'; expected a specimen picture, with no printed"
                                + " measurement, label, arrow or highlight that states or points at the answer"
                                + (item instanceof Item.ListingTriage ? " (or a listing picture)" : "")
                                + ": keep the " + kind + " for a lesson and give the item a specimen copy without the marks");
                    }
                    if (!(module instanceof Module.FinalAssessment)) {
                        practised.merge(use.path(), itemId, (a, b) -> a.equals(b) ? a : a + ", " + b);
                    }
                }
            }
        }
        Map<String, String> taught = new LinkedHashMap<>();
        for (Module module : modules) {
            if (module instanceof Module.Lesson lesson) {
                lesson.images().forEach(image -> taught.merge(image.path(), lesson.id(), (a, b) -> a + ", " + b));
            }
        }
        for (Module module : modules) {
            if (!(module instanceof Module.FinalAssessment exam)) {
                continue;
            }
            for (String itemId : exam.pool()) {
                for (CourseContext.ImageUse use : context.itemImages.getOrDefault(itemId, List.of())) {
                    List<String> where = new ArrayList<>();
                    if (taught.containsKey(use.path())) {
                        where.add("lesson " + taught.get(use.path()));
                    }
                    if (practised.containsKey(use.path())) {
                        where.add("practice item " + practised.get(use.path()));
                    }
                    if (!where.isEmpty()) {
                        files.problems.note(use.file(), use.line(), use.field(), "image '" + use.path() + "' of final item '"
                                + itemId + "' is also shown by " + String.join(" and ", where) + "; expected a different"
                                + " specimen drawing of the same cue (another piece, carving or angle), so the final asks"
                                + " for the product, not for a picture the learner remembers");
                    }
                }
            }
        }
    }

    private Module.Gate readGate(Fields module) {
        Node node = module.node("gate", true,
                "what must be done before the final assessment opens: lessonsRead and quizzesAttempted (\"all\" or module ids)");
        if (node == null) {
            return new Module.Gate(List.of(), List.of());
        }
        Fields gate = Fields.of(node, module.file, module.path("gate"), files.problems);
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
                files.problems.error(module.file, module.line("gate"), module.path("gate." + key), "'" + id + "' is not a "
                        + kind + " of this course; expected \"all\" or ids of " + kind + " modules");
            }
        }
    }

    private static void checkDraw(Fields module, int draw, List<String> pool) {
        if (!pool.isEmpty() && draw > pool.size()) {
            module.error("draw", "draws " + draw + " items from a pool of " + pool.size() + "; expected at most "
                    + pool.size() + ", or more items in the pool");
        }
    }

    private static List<String> itemIds(Fields module, String key, CourseContext context, Set<String> used) {
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

    private Module.Lesson readLesson(Fields module, Path courseDir, CourseContext context, String id, Text title,
            List<String> lessonSources) {
        Map<String, String> markdown = new LinkedHashMap<>();
        Map<String, String> html = new LinkedHashMap<>();
        Map<String, Image> shown = new LinkedHashMap<>();
        if (id != null) {
            for (String language : context.languages) {
                Path file = courseDir.resolve("lessons").resolve(id + "." + language + ".md");
                if (!Files.isRegularFile(file)) {
                    module.error("id", "missing translation for '" + language + "'; expected the file "
                            + files.display(file));
                    continue;
                }
                String text = CatalogFiles.readText(file);
                LessonMarkdown.Rendered rendered = LessonMarkdown.render(text, language, files.display(file), files.problems,
                        images::entry, sources);
                markdown.put(language, text);
                html.put(language, rendered.html());
                for (Image image : rendered.images()) {
                    shown.put(image.path(), image);
                    images.checkTexts(images.entry(image.path()), context);
                }
            }
        }
        return new Module.Lesson(id, title, new Text(markdown), new Text(html), List.copyOf(shown.values()), lessonSources);
    }
}
