package org.owlet.catalog.model;

import java.util.Locale;

/**
 * An image used by an item or lesson: its path under {@code assets/}, the hash of its bytes (which is
 * also its URL), its size in image coordinates (pixels, or the SVG's viewBox) and its manifest texts.
 */
public record Image(String path, String hash, String mediaType, double width, double height,
        Text alt, Text description, String credit, String licence) {

    /** The content-hashed URL of the original file, cacheable for ever. */
    public String url() {
        return "/assets/" + hash + "." + extension();
    }

    public String extension() {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    public boolean isVector() {
        return "image/svg+xml".equals(mediaType);
    }
}
