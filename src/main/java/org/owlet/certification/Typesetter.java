package org.owlet.certification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Sets text in the first font of a list that has each character, shrinking a line that would not fit. A
 * character no font has is drawn as "?" (the fonts cover Latin, Vietnamese, Greek, Cyrillic and Chinese).
 * <p>
 * Every text it will set is given up front, so each font is cut down to the characters the document uses before it
 * is embedded ({@link CertificateFonts#embedSubset}): embedding the whole face and letting PDFBox subset it on saving
 * first listed the widths of all its glyphs (31,000 in Noto Sans SC) and read them back, most of the time of a
 * Chinese certificate.
 */
final class Typesetter implements AutoCloseable {

    private final List<CertificateFonts.Face> faces;
    private final Map<Integer, CertificateFonts.Embedded> loaded = new HashMap<>();

    /** Sets {@code texts} (and only those) in {@code document}. */
    Typesetter(PDDocument document, List<CertificateFonts.Face> faces, List<String> texts) {
        this.faces = faces;
        Map<Integer, Set<Integer>> used = new TreeMap<>();
        for (String text : texts) {
            for (Segment segment : segments(text)) {
                segment.text().codePoints().forEach(cp -> used.computeIfAbsent(segment.face(), f -> new TreeSet<>()).add(cp));
            }
        }
        used.forEach((face, codePoints) -> loaded.put(face, faces.get(face).embed(document, codePoints)));
    }

    /** Closes the cut-down fonts (once the document is saved). */
    @Override
    public void close() {
        loaded.values().forEach(CertificateFonts.Embedded::close);
    }

    private record Run(PDType0Font font, String text) {
    }

    /** A stretch of text set in one face. */
    private record Segment(int face, String text) {
    }

    private List<Run> runs(String text) {
        return segments(text).stream().map(s -> new Run(font(s.face()), s.text())).toList();
    }

    private List<Segment> segments(String text) {
        List<Segment> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFace = -1;
        for (int cp : text.codePoints().toArray()) {
            int face = faceFor(cp);
            if (face < 0) {
                cp = '?';
                face = 0;
            }
            if (Character.isWhitespace(cp) && currentFace >= 0 && faces.get(currentFace).covered().get(cp)) {
                face = currentFace; // spaces stay in the run they are in
            }
            if (face != currentFace && current.length() > 0) {
                runs.add(new Segment(currentFace, current.toString()));
                current.setLength(0);
            }
            currentFace = face;
            current.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
        }
        if (current.length() > 0) {
            runs.add(new Segment(currentFace, current.toString()));
        }
        return runs;
    }

    private int faceFor(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            cp = ' ';
        }
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).covered().get(cp)) {
                return i;
            }
        }
        return -1;
    }

    private PDType0Font font(int face) {
        CertificateFonts.Embedded embedded = loaded.get(face);
        if (embedded == null) {
            throw new IllegalStateException("a text that was not given to the typesetter up front: face " + face + " is not embedded");
        }
        return embedded.font();
    }

    private static float width(List<Run> runs, float size) throws IOException {
        float width = 0;
        for (Run run : runs) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    void centred(PDPageContentStream out, String text, float size, float[] colour, float centre, float y, float maxWidth)
            throws IOException {
        List<Run> runs = runs(text);
        float fitted = fit(runs, size, maxWidth);
        draw(out, runs, fitted, colour, centre - width(runs, fitted) / 2, y);
    }

    void left(PDPageContentStream out, String text, float size, float[] colour, float x, float y, float maxWidth)
            throws IOException {
        List<Run> runs = runs(text);
        draw(out, runs, fit(runs, size, maxWidth), colour, x, y);
    }

    /**
     * Text across the page, rotated 30° about ({@code centreX}, {@code centreY}), translucent, shrunk to fit
     * {@code maxWidth}: a watermark that cannot be missed and leaves what is under it readable.
     */
    void watermark(PDPageContentStream out, String text, float size, float[] colour, float centreX, float centreY,
            float maxWidth) throws IOException {
        List<Run> runs = runs(text);
        float fitted = fit(runs, size, maxWidth);
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(CertificatePdf.WATERMARK_ALPHA);
        out.saveGraphicsState();
        out.setGraphicsStateParameters(translucent);
        out.setNonStrokingColor(colour[0], colour[1], colour[2]);
        out.beginText();
        Matrix matrix = Matrix.getRotateInstance(Math.toRadians(30), centreX, centreY);
        matrix.translate(-width(runs, fitted) / 2, -fitted * 0.35f);
        out.setTextMatrix(matrix);
        for (Run run : runs) {
            out.setFont(run.font(), fitted);
            out.showText(run.text());
        }
        out.endText();
        out.restoreGraphicsState();
    }

    private static float fit(List<Run> runs, float size, float maxWidth) throws IOException {
        float width = width(runs, size);
        return width <= maxWidth ? size : Math.max(6, size * maxWidth / width);
    }

    private static void draw(PDPageContentStream out, List<Run> runs, float size, float[] colour, float x, float y)
            throws IOException {
        out.setNonStrokingColor(colour[0], colour[1], colour[2]);
        out.beginText();
        out.newLineAtOffset(x, y);
        for (Run run : runs) {
            out.setFont(run.font(), size);
            out.showText(run.text());
        }
        out.endText();
    }
}
