package org.owlet.catalog.format;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.owlet.catalog.model.Item;

/** What is known of the course being read: its id, its languages, and the items read so far with where each was written. */
final class CourseContext {

    final String id;
    final List<String> languages;
    /** The end of a "missing translation" message: "the course is offered in en, fr". */
    final String languagesAre;
    final Map<String, Item> items = new LinkedHashMap<>();
    /** "file:line" of each item, by item id. */
    final Map<String, String> itemWhere = new HashMap<>();

    CourseContext(String id, List<String> languages) {
        this.id = id;
        this.languages = languages;
        this.languagesAre = "the course is offered in " + String.join(", ", languages);
    }
}
