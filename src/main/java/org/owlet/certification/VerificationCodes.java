package org.owlet.certification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * Verification codes: 16 characters of Crockford's base32 (80 random bits from {@link SecureRandom}), so they
 * can be neither guessed nor enumerated. Stored and looked up by SHA-256; read case-insensitively, with or
 * without the dashes that group them, and with the look-alikes O/I/L taken as 0/1/1.
 */
public final class VerificationCodes {

    static final int LENGTH = 16;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    /** A code drawn from {@code random}; tests pass a seeded one to get the same codes every run. */
    static String generate(Random random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** The canonical form of what someone typed or followed: upper case, no separators, look-alikes mapped. */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            out.append(switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            });
            if (out.length() > 64) {
                break;
            }
        }
        return out.toString();
    }

    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ABCD-EFGH-JKMN-PQRS. */
    public static String display(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }
}
