package org.owlet.catalog.format;

import org.owlet.catalog.assets.AssetFile;
import org.owlet.catalog.model.Image;
import org.owlet.catalog.model.Text;

/** One entry of {@code assets/manifest.yaml} with the file it describes; {@code usable} is false if either has errors. */
public record ManifestEntry(String path, String source, String author, String licence, String credit, Text alt,
        Text description, String manifestFile, int line, AssetFile file, boolean usable) {

    public Image image() {
        return new Image(path, file.hash(), file.mediaType(), file.width(), file.height(), alt, description, credit, licence);
    }
}
