package org.owlet.catalog.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Smaller copies of raster images for phones and desktops. SVG is served as drawn (it scales), WebP is
 * passed through as it is (the JDK cannot encode it).
 */
public final class ImageVariants {

    /** The widths served besides the original: a phone and a desktop column. */
    public static final List<Integer> WIDTHS = List.of(480, 1200);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ImageVariants() {
    }

    /** The size of a PNG or JPEG read from its header, or {@code null} if it cannot be read. */
    public static int[] size(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The widths at which a variant of this file exists: those in {@link #WIDTHS} narrower than the original. */
    public static List<Integer> widthsFor(AssetFile file) {
        if (!file.isRaster()) {
            return List.of();
        }
        return WIDTHS.stream().filter(w -> w < file.width()).toList();
    }

    /** The image scaled to {@code width} pixels wide, in the original's format. */
    public static byte[] resize(AssetFile file, int width) {
        try {
            BufferedImage original = ImageIO.read(new ByteArrayInputStream(file.bytes()));
            int height = Math.max(1, (int) Math.round(original.getHeight() * (double) width / original.getWidth()));
            boolean png = file.mediaType().equals("image/png");
            BufferedImage scaled = new BufferedImage(width, height, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(original, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled, png ? "png" : "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
