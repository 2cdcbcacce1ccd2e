package org.owlet.catalog.format;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.owlet.catalog.model.Image;

/**
 * The images courses may show: those listed in {@code assets/manifest.yaml}. A course that shows an image
 * needs its alt text and description in each of the course's languages (each gap is reported once).
 */
final class Images {

    private final CatalogFiles files;
    private final Map<String, ManifestEntry> manifest;
    private final Set<String> reportedImageLanguages = new HashSet<>();

    Images(CatalogFiles files, Map<String, ManifestEntry> manifest) {
        this.files = files;
        this.manifest = manifest;
    }

    /** The manifest entry for a path under {@code assets/}, or {@code null}. */
    ManifestEntry entry(String path) {
        return manifest.get(path);
    }

    /** The image named by {@code key}, or {@code null} if it is missing, unknown or unusable (reported). */
    Image image(Fields item, String key, CourseContext context) {
        String path = item.string(key, true, "the image's path under " + files.assetsLabel + "/");
        return path == null ? null : imageAt(item, key, path, context);
    }

    Image imageAt(Fields fields, String key, String path, CourseContext context) {
        ManifestEntry entry = manifest.get(path);
        if (entry == null) {
            fields.error(key, "unknown image '" + path + "'; expected a file listed in " + files.assetsLabel + "/manifest.yaml");
            return null;
        }
        if (!entry.usable()) {
            fields.error(key, "image '" + path + "' cannot be used: its entry in " + files.assetsLabel
                    + "/manifest.yaml has errors");
            return null;
        }
        checkTexts(entry, context);
        context.pendingImages.add(new CourseContext.ImageUse(path, fields.file, fields.line(key), fields.path(key)));
        return entry.image();
    }

    /** Each language of a course that shows an image needs the image's alt text and description in it. */
    void checkTexts(ManifestEntry entry, CourseContext context) {
        for (String language : context.languages) {
            if (!reportedImageLanguages.add(entry.path() + "|" + language)) {
                continue;
            }
            if (entry.alt().byLanguage().get(language) == null) {
                files.problems.error(entry.manifestFile(), entry.line(), "assets[" + entry.path() + "].alt",
                        "missing alt text in '" + language + "'; the image is used by course '" + context.id
                                + "', offered in " + String.join(", ", context.languages));
            }
            if (entry.description().byLanguage().get(language) == null) {
                files.problems.error(entry.manifestFile(), entry.line(), "assets[" + entry.path() + "].description",
                        "missing description in '" + language + "'; the image is used by course '" + context.id
                                + "', offered in " + String.join(", ", context.languages));
            }
        }
    }
}
