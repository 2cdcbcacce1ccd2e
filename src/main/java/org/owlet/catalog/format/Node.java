package org.owlet.catalog.format;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A YAML document as a tree that remembers where each value was written, so that every problem can
 * name its line. Built by {@link YamlTree} from Jackson's streaming YAML parser.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    /** A short word for messages: "a map", "a list", "a text". */
    String kind();

    record ScalarNode(String value, boolean isNull, boolean isText, int line) implements Node {
        @Override
        public String kind() {
            return isNull ? "nothing" : "'" + value + "'";
        }
    }

    record ListNode(List<Node> items, int line) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    record Entry(String key, int line, Node value) {
    }

    record MapNode(LinkedHashMap<String, Entry> entries, int line) implements Node {
        @Override
        public String kind() {
            return "a map";
        }
    }
}
