package org.owlet.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.CmapSubtable;
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
 * Parsing a font (Noto Sans SC is 10 MB) took most of a certificate's drawing time when it was done for each document,
 * so each face is parsed once, and only when a document first needs it: a Latin certificate never reads the Chinese
 * faces, and the faces are tried in order, so a Latin text never asks whether Noto Sans SC has a character. A parsed
 * face holds a copy of its file (PDFBox copies what it parses), a second copy of its glyph table and a character map of
 * boxed integers, 27 MB for each Noto Sans SC weight: it is kept once for the whole application, not once per renderer,
 * and its file's bytes are not kept beside it. PDFBox's parsed fonts are not meant to be read by two threads at once, so a document uses a shared
 * face only while it holds that face's lock, to cut it down to the document's characters ({@link #embedSubset}); the
 * document then keeps the small cut-down font, never the shared one. At most {@code owlet.certification.pdf.renderers}
 * documents are drawn at once (drawing is CPU work: more than the cores only adds waiting).
 */
@ApplicationScoped
public class CertificateFonts {

    /**
     * One font file: its parsed font and what it covers, both read when a document first needs this face, then kept. The
     * parsed font is read only under {@link #lock}.
     */
    static final class Face {

        private final String resource;
        /** Held while the parsed font is read (package-private for tests). */
        final ReentrantLock lock = new ReentrantLock();
        /** Guarded by {@link #lock}; null until first needed. */
        private TrueTypeFont parsed;
        private volatile BitSet covered;

        Face(String resource) {
            this.resource = resource;
        }

        String resource() {
            return resource;
        }

        /** The characters this face has a glyph for (parses the face the first time). */
        BitSet covered() {
            BitSet known = covered;
            if (known == null) {
                lock.lock();
                try {
                    parsed();
                    known = covered;
                } finally {
                    lock.unlock();
                }
            }
            return known;
        }

        /** Whether this face has been parsed (tests: a Latin certificate never parses a Chinese face). */
        boolean isParsed() {
            lock.lock();
            try {
                return parsed != null;
            } finally {
                lock.unlock();
            }
        }

        /** The shared parsed face; only while holding {@link #lock}. */
        TrueTypeFont parsed() {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("the shared parsed font " + resource + " is read without its lock");
            }
            if (parsed == null) {
                TrueTypeFont ttf = parse(resource);
                BitSet has = new BitSet();
                try {
                    CmapLookup cmap = ttf.getUnicodeCmapLookup();
                    // PDFBox builds a map of boxed integers for every character map of the file (four in Noto Sans SC:
                    // 30,000 characters each, ~2.5 MB a map); a shared face is only ever asked through the Unicode one
                    // (here and by the subsetter), so the others go
                    if (cmap instanceof CmapSubtable unicode && ttf.getCmap() != null) {
                        ttf.getCmap().setCmaps(new CmapSubtable[] { unicode });
                    }
                    for (int cp = 0x20; cp <= 0x2FFFF; cp++) {
                        if (cmap.getGlyphId(cp) != 0) {
                            has.set(cp);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the certificate font " + resource, e);
                }
                parsed = ttf;
                covered = has;
            }
            return parsed;
        }

        /**
         * Embeds this face into a document with just the glyphs of {@code codePoints} (see {@link #embedSubset}), holding
         * the face's lock while it is read. Characters outside the Basic Multilingual Plane take PDFBox's own route, which
         * keeps the parsed font until the document is saved: that document gets a copy of its own, parsed now.
         */
        Embedded embed(PDDocument document, Set<Integer> codePoints) {
            if (codePoints.stream().anyMatch(Character::isSupplementaryCodePoint)) {
                TrueTypeFont own = parse(resource);
                try {
                    return new Embedded(PDType0Font.load(document, own, true), own);
                } catch (IOException | RuntimeException e) {
                    Embedded.close(own);
                    throw e instanceof IOException io ? new UncheckedIOException("cannot embed a certificate font", io)
                            : (RuntimeException) e;
                }
            }
            lock.lock();
            try {
                return embedSubset(document, parsed(), codePoints);
            } finally {
                lock.unlock();
            }
        }
    }

    private static final String BASE = "certification/fonts/";
    private final List<Face> regular = faces("latin/400Regular/NotoSans_400Regular.ttf", "sc/400Regular/NotoSansSC_400Regular.ttf");
    private final List<Face> bold = faces("latin/700Bold/NotoSans_700Bold.ttf", "sc/700Bold/NotoSansSC_700Bold.ttf");

    private final Semaphore renderers;
    private final int renderersCount;

    @Inject
    CertificateFonts(CertificationConfig config) {
        int configured = config.pdf().renderers();
        this.renderersCount = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.renderers = new Semaphore(renderersCount, true);
    }

    /** How many documents may be drawn at once. */
    int renderers() {
        return renderersCount;
    }

    /** Waits while {@link #renderers()} documents are being drawn; {@link #release()} once the document is saved. */
    void acquire() {
        renderers.acquireUninterruptibly();
    }

    void release() {
        renderers.release();
    }

    /** The faces of one weight, in the order they are tried for each character. */
    List<Face> faces(boolean isBold) {
        return isBold ? bold : regular;
    }

    /** True when some font covers every character of {@code text}. */
    public boolean covers(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || regular.stream().anyMatch(f -> f.covered().get(cp)));
    }

    /**
     * The tables a cut-down font keeps: what a PDF reader draws glyphs with (as in PDFBox's own subsets), and what PDFBox
     * reads to describe the font (names, metrics, character map). Not the layout tables (GSUB, GPOS: 200 KB in Noto Sans),
     * which certificates do not use (see {@link #parse}).
     */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post", "loca",
            "glyf", "hmtx", "cvt ", "prep", "fpgm", "gasp");

    /**
     * A face embedded in one document, and the parsed font it was made from, the document's own: the cut-down font, or a
     * copy of the whole face when PDFBox subsets it itself.
     */
    record Embedded(PDType0Font font, TrueTypeFont subset) {

        void close() {
            close(subset);
        }

        static void close(TrueTypeFont font) {
            if (font != null) {
                try {
                    font.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Embeds a parsed face into a document with just the glyphs of {@code codePoints}, all in the Basic Multilingual Plane
     * (the cut-down font's character map has the BMP only): the face is cut down to them first (the same subsetting
     * PDFBox does when it saves, with a tag made from the characters, so the same text always gives the same bytes) and
     * the small font is embedded whole. PDFBox's own subsetting starts by listing the widths of every glyph of the face
     * (31,000 in Noto Sans SC) and reading them back, per document and face; this does not. The document neither keeps
     * nor closes the parsed face, so the next document can use it.
     */
    static Embedded embedSubset(PDDocument document, TrueTypeFont ttf, Set<Integer> codePoints) {
        try {
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

    private static List<Face> faces(String... names) {
        return Arrays.stream(names).map(name -> new Face(BASE + name)).toList();
    }

    /**
     * Parses a face from the classpath, without glyph substitution: certificates set names and titles, not scripts that
     * need it (Latin, Vietnamese, Greek, Cyrillic, Chinese), and PDFBox took Noto Sans for a Devanagari font and compiled
     * regular expressions for every line it set: half the time of drawing a certificate.
     */
    private static TrueTypeFont parse(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + resource + " is not on the classpath: the build"
                        + " fetches it (pom.xml, download-maven-plugin); run ./mvnw process-resources once with network access");
            }
            // PDFBox copies the bytes it parses: these are garbage once parsed
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate font " + resource, e);
        }
    }
}
