package org.owlet.catalog.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owlet.catalog.model.AnswerKey;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Item;
import org.owlet.catalog.model.Policy;
import org.owlet.catalog.model.Text;
import org.owlet.catalog.validation.AnswerGiveAways;

/**
 * Reads the fields of a listing-triage item: the phrases a learner may mark (each written once as
 * {@code {phrase-id}} in the listing's title and body), the red flags among them, the decision and the listing.
 */
final class ListingTriageReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    private final CatalogFiles files;
    private final Images images;
    private final PoliciesReader policies;

    ListingTriageReader(CatalogFiles files, Images images, PoliciesReader policies) {
        this.files = files;
        this.images = images;
        this.policies = policies;
    }

    /** The item without its common fields, or {@code null} if its listing or decision is missing or wrong (reported). */
    Item read(Fields item, CourseContext context) {
        List<String> languages = context.languages;
        String are = context.languagesAre;
        Text question = ItemReader.contextOnly(item, "listing-triage", languages, are);
        List<Item.Phrase> phrases = new ArrayList<>();
        Set<String> phraseIds = new LinkedHashSet<>();
        for (Fields phrase : item.maps("phrases", true, "the phrases a learner may mark, each with id and text per language")) {
            String id = phrase.string("id", true, "a phrase id, unique in the item");
            Text text = phrase.text("text", true, languages, are);
            phrase.rejectUnknownKeys();
            if (id == null) {
                continue;
            }
            phrase.checkId("id", id);
            AnswerGiveAways.inId(id).ifPresent(message -> phrase.error("id", message));
            if (!phraseIds.add(id)) {
                phrase.error("id", "duplicate phrase id '" + id + "'");
                continue;
            }
            phrases.add(new Item.Phrase(id, text));
        }
        Set<String> redFlags = new LinkedHashSet<>(item.strings("redFlags", false, "the ids of the phrases that are red flags"));
        ItemReader.checkRefs(item, "redFlags", redFlags, phraseIds, "phrase");
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
        Node node = item.node("listing", true,
                "the listing: title, body, price, currency, location, images, market, policy (a profile id)");
        Fields fields = node == null ? null : Fields.of(node, item.file, item.path("listing"), files.problems);
        if (fields != null) {
            listing = listing(fields, phraseIds, context);
        }
        List<String> decoys = phraseIds.stream().filter(p -> !redFlags.contains(p)).toList();
        if (listing == null || decision == null) {
            return null;
        }
        if (listing.policy() != null) {
            policies.used(listing.policy(), context.id, decision);
        }
        return new Item.ListingTriage(null, question, listing, phrases, new AnswerKey.Triage(decision, redFlags, decoys));
    }

    private Item.Listing listing(Fields fields, Set<String> phraseIds, CourseContext context) {
        List<String> languages = context.languages;
        String are = context.languagesAre;
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
        List<Image> shown = new ArrayList<>();
        for (String path : fields.strings("images", false, "image paths under " + files.assetsLabel + "/")) {
            Image image = images.imageAt(fields, "images", path, context);
            if (image != null) {
                shown.add(image);
            }
        }
        String market = fields.string("market", true, "the platform's market or jurisdiction, e.g. GB, EU, US, CN");
        Policy policy = policies.resolve(fields, context);
        fields.rejectUnknownKeys();
        checkPlaceholders(fields, title, body, phraseIds, languages);
        // a listing without a usable policy is reported and its course does not load; the item stays for the other checks
        return new Item.Listing(title, body, price, currency, location, List.copyOf(shown), market, policy);
    }

    /** Each phrase appears exactly once, as {@code {id}}, in the listing's title and body in every language. */
    private static void checkPlaceholders(Fields listing, Text title, Text body, Set<String> phraseIds, List<String> languages) {
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
}
