package org.owlet.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0, revocation only: one bit per certificate, 1 = revoked. A certificate's
 * {@link Certificate#statusIndex status index} places it in list {@code index / SIZE + 1} at bit {@code index % SIZE}.
 * The list is published as {@code encodedList}: the bitstring (bit 0 is the most significant bit of the first byte),
 * GZIP-compressed, base64url without padding, with the multibase prefix {@code u}.
 */
final class StatusList {

    /** Bits per list: the specification's minimum of 16 KiB, so that one certificate hides among many. */
    static final int SIZE = 131_072;

    private StatusList() {
    }

    /** The list (1, 2, …) a status index falls in. */
    static int listOf(long statusIndex) {
        return (int) (statusIndex / SIZE) + 1;
    }

    /** The bit of a status index within its list. */
    static int positionOf(long statusIndex) {
        return (int) (statusIndex % SIZE);
    }

    /** The first status index list {@code list} holds. */
    static long firstIndexOf(int list) {
        return (long) (list - 1) * SIZE;
    }

    /** The {@code encodedList} of a list whose set bits are {@code positions} (each 0 ≤ position < {@link #SIZE}). */
    static String encode(Collection<Integer> positions) {
        byte[] bits = new byte[SIZE / 8];
        for (int position : positions) {
            if (position < 0 || position >= SIZE) {
                throw new IllegalArgumentException("status position " + position + " is outside the list");
            }
            bits[position >>> 3] |= (byte) (0x80 >>> (position & 7));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }
}
