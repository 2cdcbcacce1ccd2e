package org.owlet.catalog.format;

import java.util.ArrayList;
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

    /** Where an item names an image: the image's path, and the file, line and field of the name. */
    record ImageUse(String path, String file, int line, String field) {
    }

    /** The images named by the item being read. */
    final List<ImageUse> pendingImages = new ArrayList<>();
    /** The images each item names, by item id. */
    final Map<String, List<ImageUse>> itemImages = new HashMap<>();

    CourseContext(String id, List<String> languages) {
        this.id = id;
        this.languages = languages;
        this.languagesAre = "the course is offered in " + String.join(", ", languages);
    }
}
