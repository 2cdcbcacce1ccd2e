package org.owlet.certification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The open fonts certificates are set in, in the order they are tried for each character: Noto Sans (Latin with
 * Vietnamese and the Latin extensions, Greek, Cyrillic), then Noto Sans SC (Simplified Chinese). Both are TrueType
 * outlines that PDFBox embeds as a subset. The build copies them into the classpath (see pom.xml); a build
 * without them fails here with a message that says so.
 */
@ApplicationScoped
public class CertificateFonts {

    /** One font file: its bytes (parsed afresh for each document, as PDFBox fonts are not shared) and what it covers. */
    record Face(String resource, byte[] bytes, BitSet covered) {
    }

    private static final String BASE = "certification/fonts/";
    private static final List<String> REGULAR = List.of("latin/400Regular/NotoSans_400Regular.ttf",
            "sc/400Regular/NotoSansSC_400Regular.ttf");
    private static final List<String> BOLD = List.of("latin/700Bold/NotoSans_700Bold.ttf",
            "sc/700Bold/NotoSansSC_700Bold.ttf");

    private volatile List<Face> regular;
    private volatile List<Face> bold;

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

    /** Loads this face into a document, embedded as a subset. */
    static PDType0Font embed(PDDocument document, Face face) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
            return PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate font " + face.resource(), e);
        }
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
