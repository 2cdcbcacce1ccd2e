package org.owlet.catalog.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Source;
import org.owlet.catalog.model.Tags;
import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.AnswerGiveAways;

/**
 * Reads a course's {@code items/*.yaml}: every item type with its answer key, and the fields all items share
 * (explanation, cue, sources, tags). Listing-triage items are read by {@link ListingTriageReader}.
 */
final class ItemReader {

    private final CatalogFiles files;
    private final Map<String, Source> sources;
    private final Images images;
    private final ListingTriageReader listings;

    ItemReader(CatalogFiles files, Map<String, Source> sources, Images images, PoliciesReader policies) {
        this.files = files;
        this.sources = sources;
        this.images = images;
        this.listings = new ListingTriageReader(files, images, policies);
    }

    /** Adds the items of every file in {@code items/} (in file-name order) to the context, reporting duplicate ids. */
    void readItems(Path courseDir, CourseContext context) {
        Path itemsDir = courseDir.resolve("items");
        if (!Files.isDirectory(itemsDir)) {
            return;
        }
        List<Path> itemFiles;
        try (Stream<Path> list = Files.list(itemsDir)) {
            itemFiles = list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : itemFiles) {
            String name = files.display(file);
            Fields root = files.parse(file, name);
            if (root == null) {
                continue;
            }
            for (Fields fields : root.maps("items", true, "a list of items")) {
                context.pendingImages.clear();
                Item item = readItem(fields, context);
                if (item != null) {
                    String where = name + ":" + fields.line();
                    if (context.items.containsKey(item.id())) {
                        fields.error("id", "duplicate item id '" + item.id() + "'; it is already used in "
                                + context.itemWhere.get(item.id()));
                    } else {
                        context.items.put(item.id(), item);
                        context.itemWhere.put(item.id(), where);
                        context.itemImages.put(item.id(), List.copyOf(context.pendingImages));
                    }
                }
            }
            root.rejectUnknownKeys();
        }
    }

    private Item readItem(Fields item, CourseContext context) {
        String id = item.string("id", true, "an item id, unique in the course");
        if (id != null) {
            item.checkId("id", id);
        }
        String type = item.string("type", true,
                "image-choice, hotspot, listing-triage, coded-term, single-choice, multi-choice or true-false");
        List<String> languages = context.languages;
        String are = context.languagesAre;
        Item result = null;
        if (type != null) {
            switch (type) {
                case "image-choice" -> {
                    Image image = images.image(item, "image", context);
                    Text question = item.text("question", true, languages, are);
                    List<Item.Option> options = options(item, context);
                    Set<String> correct = correct(item, options, 1, options.size());
                    result = new Item.ImageChoice(null, image, question, options, new AnswerKey.Choice(correct));
                    if (image != null) {
                        AssetFile file = images.entry(image.path()).file();
                        AnswerGiveAways.inImage(image, file.embeddedText(), options, correct)
                                .forEach(message -> item.error("image", message));
                    }
                }
                case "hotspot" -> {
                    Image image = images.image(item, "image", context);
                    Text question = item.text("question", true, languages, are);
                    List<Item.Region> regions = regions(item, image, context);
                    Set<String> targets = new LinkedHashSet<>(item.strings("correct", true, "the ids of the target regions"));
                    Set<String> regionIds = regions.stream().map(Item.Region::id).collect(Collectors.toCollection(LinkedHashSet::new));
                    checkRefs(item, "correct", targets, regionIds, "region");
                    if (!targets.isEmpty() && regionIds.containsAll(targets) && targets.size() >= regionIds.size()) {
                        item.error("correct",
                                "every region is a target; expected at least one labelled decoy region for the keyboard alternative");
                    }
                    result = new Item.Hotspot(null, image, question, regions, new AnswerKey.Regions(targets));
                }
                case "listing-triage" -> result = listings.read(item, context);
                case "coded-term" -> {
                    String term = item.string("term", true, "the term as it appears in listings");
                    String termLanguage = item.string("termLanguage", true, "the language tag of the term, e.g. zh or de");
                    Text note = contextOnly(item, "coded-term", languages, are);
                    List<Item.Option> options = options(item, context);
                    Set<String> correct = correct(item, options, 1, options.size());
                    result = new Item.CodedTerm(null, term, termLanguage, note, options, new AnswerKey.Choice(correct));
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
        List<String> itemSources = SourcesReader.ids(item, sources);
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
            return new Item.ListingTriage(common, i.context(), i.listing(), i.phrases(), i.key());
        } else if (item instanceof Item.CodedTerm i) {
            return new Item.CodedTerm(common, i.term(), i.termLanguage(), i.context(), i.options(), i.key());
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
        Fields tags = Fields.of(node, item.file, item.path("tags"), files.problems);
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

    /**
     * Listing-triage and coded-term items take their question from the interface, the same for every item of the type
     * ("What does this term most likely stand for in a listing?"), so its wording cannot hint at the answer; an item may
     * add {@code context}, never a question of its own.
     */
    static Text contextOnly(Fields item, String type, List<String> languages, String are) {
        if (item.has("question")) {
            item.node("question", false, "");
            item.error("question", type + " items take their question from the interface, the same for every item, so its"
                    + " wording cannot hint at the answer; remove it, or write what the learner needs to know as context");
        }
        return item.text("context", false, languages, are);
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
            option.checkId("id", id);
            AnswerGiveAways.inId(id).ifPresent(message -> option.error("id", message));
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

    private static Set<String> correct(Fields item, List<Item.Option> options, int min, int max) {
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

    /** Reports each of {@code refs} (under {@code key}) that is not one of the item's {@code known} options, regions or phrases. */
    static void checkRefs(Fields item, String key, Set<String> refs, Set<String> known, String what) {
        for (String ref : refs) {
            if (!known.isEmpty() && !known.contains(ref)) {
                item.error(key, "unknown " + what + " '" + ref + "'; expected one of: " + String.join(", ", known));
            }
        }
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
            region.checkId("id", id);
            AnswerGiveAways.inId(id).ifPresent(message -> region.error("id", message));
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
                files.problems.error(region.file, pointNode.line(), region.path("polygon"), "expected a point [x, y], found "
                        + pointNode.kind());
                continue;
            }
            points.add(point);
            if (image != null && image.width() > 0
                    && (point.x() < 0 || point.y() < 0 || point.x() > image.width() || point.y() > image.height())) {
                files.problems.error(region.file, pointNode.line(), region.path("polygon"), "point [" + num(point.x()) + ", "
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
}
