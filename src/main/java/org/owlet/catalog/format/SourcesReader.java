package org.owlet.catalog.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.owlet.catalog.model.Source;

/** Reads {@code courses/sources.yaml}, the public sources every item and lesson cites, and checks references to them. */
final class SourcesReader {

    private SourcesReader() {
    }

    /** The sources by id, in file order; a missing or broken file gives none (and its problems). */
    static Map<String, Source> read(CatalogFiles files) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Path file = files.coursesDir.resolve("sources.yaml");
        String name = files.display(file);
        if (!Files.isRegularFile(file)) {
            files.problems.error(name, 0, "", "file not found; expected the list of public sources");
            return sources;
        }
        Fields root = files.parse(file, name);
        if (root == null) {
            return sources;
        }
        for (Fields entry : root.maps("sources", true, "a list of sources with id, title, author, year, url")) {
            String id = entry.string("id", true, "an id such as usfws-ivory-id-guide");
            String title = entry.string("title", true, "the title of the source");
            String author = entry.string("author", false, "the author or organisation");
            Integer year = entry.integer("year", false, "the year of publication");
            String url = entry.string("url", true, "the public address (https://...) of the source");
            String language = entry.string("language", false, "the language of the title (BCP 47, e.g. en, zh-CN); en if absent");
            entry.string("note", false, "a note for authors");
            entry.rejectUnknownKeys();
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                entry.error("url", "expected an address starting with https://, found '" + url + "'");
            }
            if (id != null) {
                entry.checkId("id", id);
                if (sources.containsKey(id)) {
                    entry.error("id", "duplicate source id '" + id + "'");
                } else {
                    sources.put(id, new Source(id, title, author, year, url, language == null ? "en" : language));
                }
            }
        }
        root.rejectUnknownKeys();
        return sources;
    }

    /** The {@code sources} of a lesson or item, each reported unless it is in {@code sources}. */
    static List<String> ids(Fields fields, Map<String, Source> sources) {
        List<String> ids = fields.strings("sources", true, "the ids of the public sources it rests on, from sources.yaml");
        for (String id : ids) {
            if (!sources.containsKey(id)) {
                fields.error("sources", "unknown source '" + id + "'; expected an id from sources.yaml");
            }
        }
        return ids;
    }
}
