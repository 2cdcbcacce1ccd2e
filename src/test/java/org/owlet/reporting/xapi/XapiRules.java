package org.owlet.reporting.xapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The xAPI 1.0.3 rules a statement must meet (Data, section 2.4), those an LRS checks when it takes a statement: known
 * properties only; an id that is a UUID; an Agent actor with exactly one inverse functional identifier; a verb whose id
 * is an absolute IRI with a display language map; an Activity object with an absolute IRI id and a definition with a
 * name map and a type IRI; a result whose score.scaled lies in [-1, 1] and raw within [min, max] (min below max), with
 * boolean success and completion and an ISO 8601 duration; a context with a UUID registration, a language tag,
 * activities with IRI ids and a StatementRef; extension keys that are IRIs; an ISO 8601 timestamp with its zone; version
 * 1.0.x. Returns what is wrong, one line each; empty when the statement is valid.
 */
final class XapiRules {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
            "authority", "version", "attachments");
    private static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern ISO_DURATION = Pattern
            .compile("P(?!$)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?W)?(\\d+(\\.\\d+)?D)?"
                    + "(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?");

    private final List<String> problems = new ArrayList<>();

    private XapiRules() {
    }

    static List<String> check(JsonNode statement) {
        XapiRules rules = new XapiRules();
        rules.statement(statement);
        return rules.problems;
    }

    private void statement(JsonNode s) {
        if (!s.isObject()) {
            problems.add("statement: not an object");
            return;
        }
        only("statement", s, STATEMENT);
        if (!s.hasNonNull("id") || !uuid(s.get("id"))) {
            problems.add("id: not a UUID: " + s.get("id"));
        }
        if (!s.path("version").asText("").matches("1\\.0\\.\\d+")) {
            problems.add("version: not 1.0.x: " + s.get("version"));
        }
        actor(s.path("actor"));
        verb(s.path("verb"));
        activity("object", s.path("object"), true);
        if (s.has("result")) {
            result(s.get("result"));
        }
        if (s.has("context")) {
            context(s.get("context"));
        }
        if (!s.has("timestamp") || !timestamp(s.get("timestamp").asText(""))) {
            problems.add("timestamp: not ISO 8601 with a zone: " + s.get("timestamp"));
        }
    }

    private void actor(JsonNode actor) {
        if (!actor.isObject()) {
            problems.add("actor: missing");
            return;
        }
        if (actor.has("objectType") && !"Agent".equals(actor.get("objectType").asText())) {
            problems.add("actor.objectType: not Agent: " + actor.get("objectType"));
        }
        only("actor", actor, Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"));
        long ifis = IFIS.stream().filter(actor::has).count();
        if (ifis != 1) {
            problems.add("actor: " + ifis + " inverse functional identifiers, must be exactly one");
        }
        if (actor.has("mbox") && !actor.get("mbox").asText().matches("mailto:[^@\\s]+@[^@\\s]+")) {
            problems.add("actor.mbox: not a mailto IRI: " + actor.get("mbox"));
        }
        if (actor.has("account")) {
            JsonNode account = actor.get("account");
            only("actor.account", account, Set.of("homePage", "name"));
            if (!iri(account.path("homePage").asText(""))) {
                problems.add("actor.account.homePage: not an absolute IRI: " + account.get("homePage"));
            }
            if (account.path("name").asText("").isBlank()) {
                problems.add("actor.account.name: missing");
            }
        }
    }

    private void verb(JsonNode verb) {
        only("verb", verb, Set.of("id", "display"));
        if (!iri(verb.path("id").asText(""))) {
            problems.add("verb.id: not an absolute IRI: " + verb.get("id"));
        }
        languageMap("verb.display", verb.get("display"));
    }

    private void activity(String where, JsonNode activity, boolean withDefinition) {
        if (!activity.isObject()) {
            problems.add(where + ": missing");
            return;
        }
        only(where, activity, Set.of("objectType", "id", "definition"));
        if (activity.has("objectType") && !"Activity".equals(activity.get("objectType").asText())) {
            problems.add(where + ".objectType: not Activity: " + activity.get("objectType"));
        }
        if (!iri(activity.path("id").asText(""))) {
            problems.add(where + ".id: not an absolute IRI: " + activity.get("id"));
        }
        JsonNode definition = activity.get("definition");
        if (definition == null) {
            if (withDefinition) {
                problems.add(where + ".definition: missing");
            }
            return;
        }
        only(where + ".definition", definition, Set.of("name", "description", "type", "moreInfo", "extensions", "interactionType",
                "correctResponsesPattern", "choices", "scale", "source", "target", "steps"));
        languageMap(where + ".definition.name", definition.get("name"));
        if (definition.has("description")) {
            languageMap(where + ".definition.description", definition.get("description"));
        }
        if (!iri(definition.path("type").asText(""))) {
            problems.add(where + ".definition.type: not an absolute IRI: " + definition.get("type"));
        }
        extensions(where + ".definition.extensions", definition.get("extensions"));
    }

    private void result(JsonNode result) {
        only("result", result, Set.of("score", "success", "completion", "response", "duration", "extensions"));
        for (String flag : List.of("success", "completion")) {
            if (result.has(flag) && !result.get(flag).isBoolean()) {
                problems.add("result." + flag + ": not a boolean: " + result.get(flag));
            }
        }
        JsonNode score = result.get("score");
        if (score != null) {
            only("result.score", score, Set.of("scaled", "raw", "min", "max"));
            if (score.has("scaled") && (!score.get("scaled").isNumber() || Math.abs(score.get("scaled").asDouble()) > 1)) {
                problems.add("result.score.scaled: not a number in [-1, 1]: " + score.get("scaled"));
            }
            if (score.has("min") && score.has("max") && score.get("min").asDouble() >= score.get("max").asDouble()) {
                problems.add("result.score: min not below max");
            }
            if (score.has("raw")) {
                double raw = score.get("raw").asDouble();
                if (!score.get("raw").isNumber() || score.has("min") && raw < score.get("min").asDouble()
                        || score.has("max") && raw > score.get("max").asDouble()) {
                    problems.add("result.score.raw: not within [min, max]: " + score);
                }
            }
        }
        if (result.has("duration") && !ISO_DURATION.matcher(result.get("duration").asText()).matches()) {
            problems.add("result.duration: not an ISO 8601 duration: " + result.get("duration"));
        }
        extensions("result.extensions", result.get("extensions"));
    }

    private void context(JsonNode context) {
        only("context", context, Set.of("registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
                "statement", "extensions"));
        if (context.has("registration") && !uuid(context.get("registration"))) {
            problems.add("context.registration: not a UUID: " + context.get("registration"));
        }
        if (context.has("language") && !languageTag(context.get("language").asText(""))) {
            problems.add("context.language: not an RFC 5646 tag: " + context.get("language"));
        }
        JsonNode activities = context.get("contextActivities");
        if (activities != null) {
            only("context.contextActivities", activities, Set.of("parent", "grouping", "category", "other"));
            activities.fields().forEachRemaining(e -> {
                JsonNode list = e.getValue();
                for (JsonNode activity : list.isArray() ? list : List.of(list)) {
                    activity("context.contextActivities." + e.getKey(), activity, false);
                }
            });
        }
        JsonNode ref = context.get("statement");
        if (ref != null && (!"StatementRef".equals(ref.path("objectType").asText()) || !uuid(ref.path("id")))) {
            problems.add("context.statement: not a StatementRef with a UUID id: " + ref);
        }
        extensions("context.extensions", context.get("extensions"));
    }

    private void languageMap(String where, JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            problems.add(where + ": not a non-empty language map");
            return;
        }
        map.fields().forEachRemaining(e -> {
            if (!languageTag(e.getKey())) {
                problems.add(where + ": key not an RFC 5646 tag: " + e.getKey());
            }
            if (!e.getValue().isTextual()) {
                problems.add(where + "." + e.getKey() + ": not a string");
            }
        });
    }

    private void extensions(String where, JsonNode extensions) {
        if (extensions == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = extensions.fields(); it.hasNext();) {
            String key = it.next().getKey();
            if (!iri(key)) {
                problems.add(where + ": key not an absolute IRI: " + key);
            }
        }
    }

    private void only(String where, JsonNode node, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(where + ": unknown property " + name);
            }
        });
    }

    private static boolean uuid(JsonNode node) {
        String text = node.asText("");
        if (!UUID_TEXT.matcher(text).matches()) {
            return false;
        }
        return UUID.fromString(text).toString().equals(text);
    }

    static boolean iri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme() != null && !text.contains(" ");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean timestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean languageTag(String tag) {
        try {
            return !tag.isBlank() && new Locale.Builder().setLanguageTag(tag).build().toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
