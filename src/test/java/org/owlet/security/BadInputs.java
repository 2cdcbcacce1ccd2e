package org.owlet.security;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The bad inputs the {@link BadInputTest} sends: each kind the hardening issue names, drawn from one seeded
 * {@link SplittableRandom} so a run is repeated exactly by its seed. Values are text the browser or client would send
 * (the caller encodes them), except {@link Value.Raw}, which goes on the wire as it is (malformed percent-escapes, raw
 * JSON of the wrong type, bytes that are not UTF-8).
 */
final class BadInputs {

    /** What an input tries. */
    enum Kind {
        OVERSIZED, MALFORMED_UTF8, HTML_JS, SQL, NUMBER, WRONG_TYPE, MISSING, OTHER_TENANT, ODD_URL, UNICODE, REPEATED, BLANK
    }

    /** One field's value in a probe. */
    sealed interface Value {
        /** Text, encoded by the caller as the field's place requires. */
        record Text(String text) implements Value {
        }

        /** Sent exactly as it is: pre-encoded for URLs and forms, raw JSON for JSON bodies, raw bytes for files. */
        record Raw(String wire, byte[] bytes) implements Value {
            Raw(String wire) {
                this(wire, null);
            }
        }

        /** The field is left out. */
        record Omitted() implements Value {
        }

        /** The field given more than once. */
        record Repeated(List<String> texts) implements Value {
        }
    }

    /** A megabyte: the size the issue asks for; bigger than every limit Owlet sets on a field or a body. */
    static final int ONE_MB = 1024 * 1024;

    /** Query strings and paths stay under the request-line limit (4096 bytes) so that the application answers. */
    static final int URL_ROOM = 1500;

    static final List<String> HTML_JS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>", "</textarea><script>alert(1)</script>", "javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>", "{inject:foo}{#for x in y}{x}{/for}", "${7*7}#{7*7}{{7*7}}",
            "<iframe src=//evil.example></iframe>", "<!--", "]]><![CDATA[", "&lt;b&gt;&amp;", "<b onmouseover='x'>bold</b>",
            "\" autofocus onfocus=\"alert(1)", "<style>*{display:none}</style>", "=HYPERLINK(\"http://evil.example\",\"x\")",
            "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0");

    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE member; --", "\" OR \"\"=\"", "1' AND 1=1 --", "%",
            "_", "%_%", "\\", "\\'", "1; SELECT * FROM certificate", "' UNION SELECT code FROM certificate --", "')) OR 1=1--",
            "admin'--", "\u0027 OR 1=1", "*/", "/*", "0x27", "' || pg_sleep(1) || '", "NULL", "null");

    static final List<String> NUMBERS = List.of("-1", "0", "-0", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "99999999999999999999999999", "2147483648", "-2147483649", "1e309", "-1e309", "NaN",
            "Infinity", "1.5", "0x10", " 1", "1 ", "+1", "1_000", "٣", "１", "00000000000000000001");

    static final List<String> ODD_URLS = List.of("/%20/x", "//evil.example", "/\\evil", "https://evil.example/",
            "http:evil.example", "/\t/x", "javascript:alert(1)", "/%0d%0aSet-Cookie:%20x=1", "/../../etc/passwd",
            "%2F%2Fevil.example", "/%2e%2e/%2e%2e/", "///evil.example", "\\\\evil.example", "/ /x", "/x y", "/?", "/#x",
            "/home?x=<script>", "data:text/html,<script>alert(1)</script>", " /home", "/%", "/%zz", "/\u0000");

    static final List<String> UNICODE = List.of("Zoë Ångström", "李小龙", "Nguyễn Thị Minh Khai", "محمد", "\u202Eevil\u202C",
            "a\u200Bb", "e\u0301\u0301\u0301", "😀🦉🐘", "\uD83D", "\uDE00x", "\uFFFF", "\uFEFFbom", "tab\there", "line\nbreak",
            "nul\u0000byte", "bell\u0007", "\u00A0nbsp\u00A0", "\r\n\r\n", "ǅ", "İstanbul", "ß".repeat(50));

    static final List<String> MALFORMED_UTF8 = List.of("%C3%28", "%A0%A1", "%E2%28%A1", "%E2%82%28", "%F0%28%8C%BC",
            "%F8%A1%A1%A1%A1", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "ok%C3", "%80%80%80");

    static final List<String> WRONG_JSON = List.of("[\"a\",\"b\"]", "{\"x\":1}", "42", "-1", "true", "null", "1e999",
            "[[[[[[[[[[]]]]]]]]]]", "\"\\ud800\"", "{}");

    private final SplittableRandom random;

    BadInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The kinds that fit a field, in the proportions the run uses. */
    Kind kindFor(boolean numeric, boolean hasOtherTenant, boolean returnUrl) {
        int roll = random.nextInt(100);
        if (returnUrl && roll < 40) {
            return Kind.ODD_URL;
        }
        if (hasOtherTenant && roll >= 40 && roll < 60) {
            return Kind.OTHER_TENANT;
        }
        if (numeric && roll >= 60 && roll < 80) {
            return Kind.NUMBER;
        }
        return pick(List.of(Kind.OVERSIZED, Kind.MALFORMED_UTF8, Kind.HTML_JS, Kind.HTML_JS, Kind.SQL, Kind.SQL, Kind.NUMBER,
                Kind.WRONG_TYPE, Kind.MISSING, Kind.ODD_URL, Kind.UNICODE, Kind.UNICODE, Kind.REPEATED, Kind.BLANK));
    }

    /**
     * A value of this kind. {@code inUrl}: the value goes in a path or query string, so it stays under the request-line
     * limit; {@code json}: the field is a member of a JSON body, where "wrong type" means another JSON type.
     */
    Value value(Kind kind, boolean inUrl, boolean json) {
        return switch (kind) {
            case OVERSIZED -> new Value.Text(oversized(inUrl));
            case MALFORMED_UTF8 -> malformed(json);
            case HTML_JS -> new Value.Text(pick(HTML_JS));
            case SQL -> new Value.Text(pick(SQL));
            case NUMBER -> new Value.Text(pick(NUMBERS));
            case WRONG_TYPE -> json ? new Value.Raw(pick(WRONG_JSON)) : new Value.Text(pick(List.of("abc", "[]", "{}", "true", "1,2", "")));
            case MISSING -> new Value.Omitted();
            case ODD_URL -> random.nextInt(3) == 0 ? new Value.Raw(pick(ODD_URLS).replace(" ", "%20").replace("\t", "%09")
                    .replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace("\u0000", "%00")
                    .replaceAll("%(?![0-9A-Fa-f]{2})", "%25"))
                    : new Value.Text(pick(ODD_URLS));
            case UNICODE -> new Value.Text(pick(UNICODE));
            case REPEATED -> new Value.Repeated(List.of(pick(HTML_JS), pick(SQL)));
            case BLANK -> new Value.Text(pick(List.of("", " ", "\t", "\u3000", "   \n  ")));
            case OTHER_TENANT -> throw new IllegalArgumentException("another tenant's id comes from the fixtures");
        };
    }

    /** Text far past any limit: a megabyte in bodies, as much as a URL holds in paths and query strings. */
    private String oversized(boolean inUrl) {
        String unit = pick(List.of("a", "é", "<b>", "' OR 1=1 ", "李"));
        int length = inUrl ? URL_ROOM / (unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 3) : ONE_MB / unit.length();
        if (!inUrl && random.nextInt(4) > 0) {
            length = 5000 + random.nextInt(20_000); // most oversized fields: past the field limits, not the body limit
        }
        return unit.repeat(Math.max(1, length / unit.length() + 1));
    }

    private Value malformed(boolean json) {
        String wire = pick(MALFORMED_UTF8);
        if (json) {
            // raw bytes that are not UTF-8, inside a JSON string
            byte[] bytes = decodePercent(wire);
            return new Value.Raw(null, bytes);
        }
        return new Value.Raw(wire);
    }

    /** What a server reads from percent-escaped text: null when the bytes are not UTF-8. */
    static String decodeStrictly(String wire) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(decodePercent(wire.replace("+", "%20")))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return null;
        }
    }

    static byte[] decodePercent(String wire) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '%' && i + 2 < wire.length() + 0 && i + 2 <= wire.length() - 1) {
                out.write(Integer.parseInt(wire.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
