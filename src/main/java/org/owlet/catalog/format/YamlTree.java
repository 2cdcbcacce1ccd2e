package org.owlet.catalog.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.owlet.catalog.validation.Problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Parses YAML into {@link Node}s with line numbers; syntax errors and duplicate keys become problems. */
public final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** The document's root node, or {@code null} if the text is not valid YAML (a problem is recorded). */
    public static Node parse(String text, String file, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(file, 1, "", "the file is empty; expected a YAML map");
                return null;
            }
            return read(parser, first, file, problems);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
            problems.error(file, where == null ? 0 : where.getLineNr(), "", "not valid YAML: " + reason);
            return null;
        } catch (IOException e) {
            problems.error(file, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static Node read(JsonParser parser, JsonToken token, String file, Problems problems) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    Node value = read(parser, parser.nextToken(), file, problems);
                    if (entries.containsKey(key)) {
                        problems.error(file, keyLine, key, "duplicate key; it is already set on line " + entries.get(key).line());
                    } else {
                        entries.put(key, new Node.Entry(key, keyLine, value));
                    }
                }
                return new Node.MapNode(entries, line);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, next, file, problems));
                }
                return new Node.ListNode(items, line);
            }
            case VALUE_NULL:
                return new Node.ScalarNode(null, true, false, line);
            case VALUE_STRING:
                return new Node.ScalarNode(parser.getText(), false, true, line);
            default:
                return new Node.ScalarNode(parser.getText(), false, false, line);
        }
    }
}
