package org.owlet.certification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR symbols that a common reader can find. ZXing's encoder picks the mask with the lowest penalty score, but with
 * about 1 text in 100 the symbol leaves a shape that ZXing's own detector takes for a finder pattern, and it does not
 * read at some sizes, however cleanly it is drawn (zbar reads them; every mask has such texts). Each symbol is
 * therefore read back before it is used, as printed at 96, 150 and 300 dpi (anti-aliased, each pixel as grey as the
 * share of it the dark modules cover); when it does not read at one of them, the first of the other masks that reads
 * at all three is taken. Every mask is a valid encoding of the same text.
 */
final class QrSymbols {

    /** Module widths in pixels the symbol is read back at: {@link CertificatePdf}'s 3 pt at 96, 150 and 300 dpi. */
    private static final double[] PIXELS_PER_MODULE = { 4, 6.25, 12.5 };
    /** Modules of quiet zone around the symbol when it is read back. */
    private static final int QUIET = 4;
    private static final int MASKS = 8;

    private QrSymbols() {
    }

    /** The modules of {@code text} at error correction level M, without a quiet zone (the caller leaves one). */
    static BitMatrix encode(String text) {
        BitMatrix chosen = encode(text, null);
        if (reads(chosen, text)) {
            return chosen;
        }
        for (int mask = 0; mask < MASKS; mask++) {
            BitMatrix other = encode(text, mask);
            if (reads(other, text)) {
                return other;
            }
        }
        return chosen;
    }

    private static BitMatrix encode(String text, Integer mask) {
        Map<EncodeHintType, Object> hints = new HashMap<>(
                Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + text + " as a QR code", e);
        }
    }

    private static boolean reads(BitMatrix matrix, String text) {
        for (double scale : PIXELS_PER_MODULE) {
            if (!readsAs(matrix, text, scale)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when ZXing's reader finds and decodes the symbol as {@code text}, drawn black on white with its quiet zone,
     * {@code scale} pixels per module.
     */
    static boolean readsAs(BitMatrix matrix, String text, double scale) {
        int modules = matrix.getWidth() + 2 * QUIET;
        int side = (int) Math.ceil(modules * scale);
        // which modules each pixel row (and column: the same numbers) overlaps, and by how much: computed once, not per pixel
        int[] first = new int[side];
        double[][] share = new double[side][];
        for (int p = 0; p < side; p++) {
            first[p] = (int) (p / scale);
            int last = Math.min(modules - 1, (int) ((p + 1) / scale));
            share[p] = new double[Math.max(0, last - first[p] + 1)];
            for (int m = first[p]; m <= last; m++) {
                share[p][m - first[p]] = overlap(p, m, scale);
            }
        }
        // each module's darkness once (quiet zone included), then, per pixel row, how dark each module column is across
        // the rows that pixel row overlaps: a pixel is then the weighted sum over the columns it overlaps (separable)
        double[][] modulesDark = new double[modules][modules];
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                modulesDark[row][col] = isDark(matrix, col - QUIET, row - QUIET) ? 1 : 0;
            }
        }
        byte[] pixels = new byte[side * side]; // grey levels: what ZXing's RGB source made of grey pixels, without the RGB
        double[] columnDark = new double[modules];
        for (int y = 0; y < side; y++) {
            Arrays.fill(columnDark, 0);
            for (int r = 0; r < share[y].length; r++) {
                double[] row = modulesDark[first[y] + r];
                double weight = share[y][r];
                for (int col = 0; col < modules; col++) {
                    columnDark[col] += weight * row[col];
                }
            }
            for (int x = 0; x < side; x++) {
                double dark = 0;
                for (int c = 0; c < share[x].length; c++) {
                    dark += share[x][c] * columnDark[first[x] + c];
                }
                pixels[y * side + x] = (byte) Math.round(255 * (1 - dark));
            }
        }
        try {
            BinaryBitmap image = new BinaryBitmap(
                    new HybridBinarizer(new PlanarYUVLuminanceSource(pixels, side, side, 0, 0, side, side, false)));
            return text.equals(new QRCodeReader().decode(image).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    private static boolean isDark(BitMatrix matrix, int col, int row) {
        return col >= 0 && row >= 0 && col < matrix.getWidth() && row < matrix.getHeight() && matrix.get(col, row);
    }

    /** How much of pixel {@code pixel} lies in module {@code module}, both along one axis. */
    private static double overlap(int pixel, int module, double scale) {
        return Math.max(0, Math.min(pixel + 1, (module + 1) * scale) - Math.max(pixel, module * scale));
    }
}
