package org.owlet.catalog.view;

import java.util.ArrayList;
import java.util.List;

import org.owlet.catalog.assets.ImageVariants;
import org.owlet.catalog.model.Image;

/**
 * An image as a page shows it before the answer: content-hashed URL, resized variants for raster images
 * ({@code srcset}), size, the neutral alt text and the credit line. The full description is feedback.
 */
public record ImageView(String url, String srcset, double width, double height, String alt, String credit) {

    /** Widths of the resized copies served for raster images (phone, desktop), when narrower than the original. */
    public static final List<Integer> VARIANT_WIDTHS = ImageVariants.WIDTHS;

    /** The width in whole pixels, for {@code <img width>} (HTML wants an integer, not "800.0"). */
    public long pixelWidth() {
        return Math.round(width);
    }

    /** The height in whole pixels, for {@code <img height>}. */
    public long pixelHeight() {
        return Math.round(height);
    }

    public static ImageView of(Image image, String language) {
        return new ImageView(image.url(), srcset(image), image.width(), image.height(), image.alt().in(language),
                image.credit());
    }

    /** The URL of the copy {@code width} pixels wide. */
    public static String variantUrl(Image image, int width) {
        return "/assets/" + image.hash() + "-w" + width + "." + image.extension();
    }

    static String srcset(Image image) {
        if (image.isVector() || image.width() <= 0 || "image/webp".equals(image.mediaType())) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        for (int width : VARIANT_WIDTHS) {
            if (width < image.width()) {
                entries.add(variantUrl(image, width) + " " + width + "w");
            }
        }
        entries.add(image.url() + " " + (int) image.width() + "w");
        return String.join(", ", entries);
    }
}
