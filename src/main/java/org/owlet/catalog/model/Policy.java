package org.owlet.catalog.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A platform's wildlife policy as its trust-and-safety team publishes it, written once in {@code courses/policies.yaml}
 * and named by every listing posted on that platform: its kind, its name ("Global marketplace") and its rules, each a
 * text per language. Shared by listings of different decisions, so reading it never gives a decision away.
 */
public record Policy(String id, Kind kind, Text name, List<Text> rules) {

    /** What sort of platform it is, as authors write it in {@code policies.yaml}. */
    public enum Kind {
        MARKETPLACE, SOCIAL_NETWORK, CLASSIFIEDS;

        /** The kind as authors write it: {@code marketplace}, {@code social-network}, {@code classifieds}. */
        public String written() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind written as {@code written}, or {@code null}. */
        public static Kind of(String written) {
            for (Kind kind : values()) {
                if (kind.written().equals(written)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public Policy {
        rules = List.copyOf(rules);
    }

    /**
     * Reads a stored course's policy: a profile as written by this version, or the text per language a listing carried
     * before profiles existed (kept as the one rule of a profile without id or name, so old attempts still show it).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Policy fromJson(JsonNode node) {
        if (node.has("rules") && node.get("rules").isArray()) {
            List<Text> rules = new ArrayList<>();
            node.get("rules").forEach(rule -> rules.add(text(rule)));
            Kind kind = node.hasNonNull("kind") ? Kind.valueOf(node.get("kind").asText()) : Kind.MARKETPLACE;
            return new Policy(node.path("id").asText(""), kind, text(node.path("name")), rules);
        }
        return new Policy("", Kind.MARKETPLACE, Text.NONE, List.of(text(node)));
    }

    private static Text text(JsonNode node) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> byLanguage.put(e.getKey(), e.getValue().asText()));
        return new Text(byLanguage);
    }
}
