package org.owlet.certification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR symbols that a common reader can find. ZXing's encoder picks the mask with the lowest penalty score, but with
 * some texts that mask leaves a shape in the data that ZXing's own detector takes for a finder pattern, and the
 * symbol does not read (about 1 in 100 verification links, whatever the size or resolution it is printed at; zbar
 * reads them). Each symbol is therefore read back once, clean, before it is used; when it does not read, the first
 * of the other masks that does is taken. Every mask is a valid encoding of the same text.
 */
final class QrSymbols {

    /** Pixels per module and modules of quiet zone of the clean image the symbol is read back from. */
    private static final int PIXELS = 4;
    private static final int QUIET = 4;
    private static final int MASKS = 8;

    private QrSymbols() {
    }

    /** The modules of {@code text} at error correction level M, without a quiet zone (the caller leaves one). */
    static BitMatrix encode(String text) {
        BitMatrix chosen = encode(text, null);
        if (readsAs(chosen, text)) {
            return chosen;
        }
        for (int mask = 0; mask < MASKS; mask++) {
            BitMatrix other = encode(text, mask);
            if (readsAs(other, text)) {
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

    /** True when ZXing's reader finds and decodes the symbol, drawn black on white with its quiet zone, as {@code text}. */
    static boolean readsAs(BitMatrix matrix, String text) {
        int side = (matrix.getWidth() + 2 * QUIET) * PIXELS;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int col = x / PIXELS - QUIET;
                int row = y / PIXELS - QUIET;
                if (col >= 0 && row >= 0 && col < matrix.getWidth() && row < matrix.getHeight() && matrix.get(col, row)) {
                    pixels[y * side + x] = 0xFF000000;
                }
            }
        }
        try {
            BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
            return text.equals(new QRCodeReader().decode(image).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
