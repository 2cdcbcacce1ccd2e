package org.owlet.catalog.assets;

import java.util.Locale;

/**
 * The bytes of one image under {@code assets/}, addressed by the hash of its content.
 *
 * @param path path under {@code assets/}, with forward slashes
 * @param hash the first 16 hex digits of the SHA-256 of the bytes
 * @param width width in image coordinates (pixels, or the SVG's viewBox); 0 when unknown (WebP)
 * @param height height in image coordinates; 0 when unknown
 * @param embeddedText the SVG's {@code <title>} and {@code <desc>} texts, for the give-away check
 */
public record AssetFile(String path, String hash, String mediaType, double width, double height, String embeddedText,
        byte[] bytes) {

    public static String mediaTypeOf(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (name.endsWith(".png")) {
            return "image/png";
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }

    public boolean isRaster() {
        return mediaType.equals("image/png") || mediaType.equals("image/jpeg");
    }

    public String extension() {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
