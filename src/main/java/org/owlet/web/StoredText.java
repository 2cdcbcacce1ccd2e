package org.owlet.web;

/**
 * Whether submitted text can be stored and shown back exactly as it was typed. Bytes that are not UTF-8 reach Owlet as
 * U+FFFD (the decoder's replacement character) and a lone surrogate cannot be stored in UTF-8 at all, so either means
 * the text is not what the person sent; control characters (NUL, which PostgreSQL refuses, bell, escape...) are never
 * typed into a form. Line breaks and tabs are allowed in texts of several lines (reasons), not in one-line texts
 * (names, titles).
 */
public final class StoredText {

    private StoredText() {
    }

    /** A one-line text (a name, a title): no control characters at all. */
    public static boolean isReadableLine(String text) {
        return isReadable(text, false);
    }

    /** A text of several lines (a reason): tabs and line breaks allowed. */
    public static boolean isReadableText(String text) {
        return isReadable(text, true);
    }

    private static boolean isReadable(String text, boolean lines) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isISOControl(c) && !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }
}
