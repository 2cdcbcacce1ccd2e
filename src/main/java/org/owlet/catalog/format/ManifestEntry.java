package org.owlet.catalog.format;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Text;

/**
 * One entry of {@code assets/manifest.yaml} with the file it describes; {@code usable} is false if either has errors.
 * {@code kind} is what the picture may be used for: {@value #SPECIMEN}, {@value #LISTING} or {@value #DIAGRAM}.
 */
public record ManifestEntry(String path, String kind, String source, String author, String licence, String credit, Text alt,
        Text description, String manifestFile, int line, AssetFile file, boolean usable) {

    /** A photo-like view with no printed measurement, label, arrow, highlight or mark that states or points at the answer. */
    public static final String SPECIMEN = "specimen";
    /** A listing as a seller posts it or a phone screen shows it, text included. */
    public static final String LISTING = "listing";
    /** A teaching drawing with labels, values, arrows or highlights: lessons only. */
    public static final String DIAGRAM = "diagram";
    public static final java.util.List<String> KINDS = java.util.List.of(SPECIMEN, LISTING, DIAGRAM);

    public Image image() {
        return new Image(path, file.hash(), file.mediaType(), file.width(), file.height(), alt, description, credit, licence);
    }
}
