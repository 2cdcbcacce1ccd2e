package org.owlet.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The open fonts certificates are set in, in the order they are tried for each character: Noto Sans (Latin with
 * Vietnamese and the Latin extensions, Greek, Cyrillic), then Noto Sans SC (Simplified Chinese). Both are TrueType
 * outlines that PDFBox embeds as a subset. The build copies them into the classpath (see pom.xml); a build
 * without them fails here with a message that says so.
 * <p>
 * Parsing a font (Noto Sans SC is 10 MB) took most of a certificate's drawing time when it was done for each document.
 * Now each font is parsed once per {@link Parsed} set, and a set is lent to one document at a time (PDFBox's parsed
 * fonts are not meant to be read by two threads at once): at most {@code owlet.certification.pdf.renderers} documents are
 * drawn at once (drawing is CPU work: more than the cores only adds waiting), and as many sets exist, each made once.
 */
@ApplicationScoped
public class CertificateFonts {

    /** One font file: its bytes and what it covers. */
    record Face(String resource, byte[] bytes, BitSet covered) {
    }

    /** The parsed fonts of both weights, in the order of {@link #faces(boolean)}; lent to one document at a time. */
    record Parsed(List<TrueTypeFont> regular, List<TrueTypeFont> bold) {

        List<TrueTypeFont> of(boolean isBold) {
            return isBold ? bold : regular;
        }
    }

    private static final String BASE = "certification/fonts/";
    private static final List<String> REGULAR = List.of("latin/400Regular/NotoSans_400Regular.ttf",
            "sc/400Regular/NotoSansSC_400Regular.ttf");
    private static final List<String> BOLD = List.of("latin/700Bold/NotoSans_700Bold.ttf",
            "sc/700Bold/NotoSansSC_700Bold.ttf");

    private volatile List<Face> regular;
    private volatile List<Face> bold;

    private final ConcurrentLinkedQueue<Parsed> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore renderers;
    private final int renderersCount;

    @Inject
    CertificateFonts(CertificationConfig config) {
        int configured = config.pdf().renderers();
        this.renderersCount = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.renderers = new Semaphore(renderersCount, true);
    }

    /** How many documents may be drawn at once (and at most how many parsed sets exist). */
    int renderers() {
        return renderersCount;
    }

    /** A set of parsed fonts for one document, waiting while {@link #renderers()} documents are being drawn. */
    Parsed borrow() {
        renderers.acquireUninterruptibly();
        Parsed parsed = idle.poll();
        if (parsed != null) {
            return parsed;
        }
        try {
            return new Parsed(parse(faces(false)), parse(faces(true)));
        } catch (RuntimeException | Error e) {
            renderers.release();
            throw e;
        }
    }

    /** Gives the set back once the document is saved. */
    void release(Parsed parsed) {
        idle.offer(parsed);
        renderers.release();
    }

    private static List<TrueTypeFont> parse(List<Face> faces) {
        List<TrueTypeFont> fonts = new ArrayList<>();
        for (Face face : faces) {
            try {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
                // no glyph substitution: certificates set names and titles, not scripts that need it (Latin, Vietnamese,
                // Greek, Cyrillic, Chinese), and PDFBox took Noto Sans for a Devanagari font and compiled regular
                // expressions for every line it set: half the time of drawing a certificate
                ttf.setEnableGsub(false);
                fonts.add(ttf);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the certificate font " + face.resource(), e);
            }
        }
        return List.copyOf(fonts);
    }

    List<Face> faces(boolean isBold) {
        if (isBold) {
            if (bold == null) {
                bold = load(BOLD);
            }
            return bold;
        }
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    /** True when some font covers every character of {@code text}. */
    public boolean covers(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || faces(false).stream().anyMatch(f -> f.covered().get(cp)));
    }

    /**
     * The tables a cut-down font keeps: what a PDF reader draws glyphs with (as in PDFBox's own subsets), and what PDFBox
     * reads to describe the font (names, metrics, character map). Not the layout tables (GSUB, GPOS: 200 KB in Noto Sans),
     * which certificates do not use (see {@link #parse}).
     */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post", "loca",
            "glyf", "hmtx", "cvt ", "prep", "fpgm", "gasp");

    /** A face embedded in one document, and the cut-down font it was made from (null when PDFBox subsets it itself). */
    record Embedded(PDType0Font font, TrueTypeFont subset) {

        void close() {
            if (subset != null) {
                try {
                    subset.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Embeds a parsed face into a document with just the glyphs of {@code codePoints}: the face is cut down to them first
     * (the same subsetting PDFBox does when it saves, with a tag made from the characters, so the same text always gives
     * the same bytes) and the small font is embedded whole. PDFBox's own subsetting starts by listing the widths of every
     * glyph of the face (31,000 in Noto Sans SC) and reading them back, per document and face; this does not. The document
     * neither keeps nor closes the parsed face, so the next document can use it. Characters outside the Basic
     * Multilingual Plane take PDFBox's own route (the cut-down font's character map has the BMP only).
     */
    static Embedded embedSubset(PDDocument document, TrueTypeFont ttf, Set<Integer> codePoints) {
        try {
            if (codePoints.stream().anyMatch(Character::isSupplementaryCodePoint)) {
                return new Embedded(PDType0Font.load(document, ttf, true), null);
            }
            TTFSubsetter subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
            subsetter.setPrefix(tag(codePoints));
            subsetter.addAll(codePoints);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            subsetter.writeToStream(bytes);
            TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(bytes.toByteArray()));
            subset.setEnableGsub(false);
            return new Embedded(PDType0Font.load(document, subset, false), subset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed a certificate font", e);
        }
    }

    /** The six capital letters before a subset's name (ISO 32000-1, 9.6.4), derived from the characters it holds. */
    static String tag(Set<Integer> codePoints) {
        long hash = 1125899906842597L;
        for (int cp : codePoints) {
            hash = 31 * hash + cp;
        }
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Math.floorMod(hash, 26)));
            hash = Math.floorDiv(hash, 26);
        }
        return tag.append('+').toString();
    }

    private static List<Face> load(List<String> resources) {
        return resources.stream().map(CertificateFonts::read).toList();
    }

    private static Face read(String name) {
        String resource = BASE + name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + resource + " is not on the classpath: the build"
                        + " fetches it (pom.xml, download-maven-plugin); run ./mvnw process-resources once with network access");
            }
            byte[] bytes = in.readAllBytes();
            BitSet covered = new BitSet();
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup();
                for (int cp = 0x20; cp <= 0x2FFFF; cp++) {
                    if (cmap.getGlyphId(cp) != 0) {
                        covered.set(cp);
                    }
                }
            }
            return new Face(resource, bytes, covered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate font " + resource, e);
        }
    }
}
