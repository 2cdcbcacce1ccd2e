package org.owlet.certification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.owlet.web.Languages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.common.BitMatrix;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Draws a certificate: one A4 landscape page in the certificate's language, fonts embedded as subsets, a QR
 * code (drawn as vector squares) and the short link to the verification page. The same certificate always gives
 * the same bytes: the document id is derived from the code and edition, and the dates are the issue date.
 */
@ApplicationScoped
public class CertificatePdf {

    private static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    /** The page: A4 landscape. */
    static final PDRectangle PAGE = new PDRectangle(WIDTH, HEIGHT);
    private static final float[] GREEN = { 0.11f, 0.32f, 0.21f };
    private static final float[] INK = { 0.13f, 0.13f, 0.13f };
    private static final float[] MUTED = { 0.33f, 0.33f, 0.33f };
    private static final float[] RED = { 0.72f, 0.07f, 0.07f };
    /** How opaque the "revoked" watermark is: the text under it stays readable. */
    static final float WATERMARK_ALPHA = 0.3f;
    /** The QR code's modules are this many points wide, unless the symbol would then be larger than {@link #QR_MAX}. */
    private static final int QR_MODULE = 3;
    /** The largest the QR code (without its quiet zone) may be, in points. */
    private static final int QR_MAX = 123;
    /** The QR code's lower right corner (points): inside the frame, with room for the quiet zone. */
    private static final int QR_RIGHT = (int) WIDTH - 72;
    private static final int QR_BOTTOM = 80;

    private final CertificateFonts fonts;
    /** Drawn PDFs by their content, bounded in bytes; null when the configured size is 0. */
    private final Cache<Content, byte[]> cache;

    @Inject
    CertificatePdf(CertificateFonts fonts, CertificationConfig config) {
        this.fonts = fonts;
        long bytes = config.pdf().cacheSize().asLongValue();
        this.cache = bytes <= 0 ? null
                : Caffeine.newBuilder().maximumWeight(bytes).executor(Runnable::run) // evicts at once, on the caller
                        // the PDF plus roughly what the key's strings take
                        .<Content, byte[]> weigher((content, pdf) -> pdf.length + 2048).build();
    }

    /** Everything printed on a certificate, already in its language. */
    record Content(String language, String issuerName, String heading, String certifies, String holder, String completed,
            String course, String details, String company, String issued, String validUntil, String code, String verifyAt,
            String verifyUrl, String qrAlt, String subject, LocalDate issuedOn, String documentId, String revoked, String footer) {

        /** Revoked: a large watermark across the page, and the revocation date instead of "valid until". */
        boolean isRevoked() {
            return revoked != null;
        }
    }

    public Content content(Certificate c, String verifyUrl, String issuerName) {
        return content(c, c.holderName, c.edition, verifyUrl, issuerName);
    }

    /** An edition of the certificate: the name it printed (null: withheld) and its number. */
    public Content content(Certificate c, String holderName, int edition, String verifyUrl, String issuerName) {
        Languages.Language language = Languages.match(c.language).orElse(Languages.DEFAULT);
        Locale locale = language.locale();
        CertificationMessages m = MessageBundles.get(CertificationMessages.class, Localized.Literal.of(language.tag()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        return new Content(language.tag(), issuerName, m.pdf_heading(), m.pdf_certifies(),
                holderName == null ? m.pdf_name_withheld() : holderName, m.pdf_completed(), c.courseTitle,
                m.pdf_details(c.courseVersion, percent.format(c.score), language.nativeName()),
                c.companyName == null ? null : m.pdf_company(c.companyName), m.pdf_issued(dates.format(c.issuedOn)),
                c.revokedAt == null ? m.pdf_valid_until(dates.format(c.expiresOn))
                        : m.pdf_revoked_on(dates.format(LocalDate.ofInstant(c.revokedAt, ZoneOffset.UTC))),
                m.pdf_code(c.displayCode()), m.pdf_verify_at(verifyUrl), verifyUrl, m.pdf_qr_alt(verifyUrl),
                m.pdf_subject(c.courseTitle), c.issuedOn,
                c.code + "/" + edition, c.revokedAt == null ? null : m.pdf_revoked(),
                m.pdf_footer(verifyUrl.substring(0, verifyUrl.lastIndexOf('/')))); // the verification page, without the code
    }

    /**
     * The PDF of this content: from the cache when this very content was drawn before (a certificate always gives the
     * same bytes), else drawn now. The key is the whole content, so a certificate revoked, renamed or erased since (its
     * content differs) is never served from what was drawn before.
     */
    public byte[] render(Content content) {
        if (cache == null) {
            return draw(content);
        }
        byte[] cached = cache.getIfPresent(content);
        if (cached != null) {
            return cached;
        }
        // drawn outside the cache's own locks (a long computation inside them would hold up other keys); two requests for
        // the same new certificate at once both draw it, with the same bytes
        byte[] drawn = draw(content);
        cache.put(content, drawn);
        return drawn;
    }

    /** The cached PDF of this content, or null (tests). */
    byte[] cached(Content content) {
        return cache == null ? null : cache.getIfPresent(content);
    }

    /** Draws the PDF, without the cache. */
    byte[] draw(Content content) {
        fonts.acquire();
        try {
            return drawn(content);
        } finally {
            fonts.release();
        }
    }

    private byte[] drawn(Content content) {
        try (PDDocument document = new PDDocument();
                Typesetter regular = new Typesetter(document, fonts.faces(false), regularTexts(content));
                Typesetter bold = new Typesetter(document, fonts.faces(true), boldTexts(content))) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            TaggedPage tags = new TaggedPage(document, page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                tags.artifact(out, () -> frame(out));
                if (content.isRevoked()) {
                    tags.tagged(out, StandardStructureTypes.P,
                            () -> bold.watermark(out, content.revoked(), 110, RED, WIDTH / 2, HEIGHT / 2, WIDTH - 120));
                }
                float centre = WIDTH / 2;
                float textWidth = WIDTH - 160;
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.centred(out, content.issuerName(), 13, MUTED, centre, 520, textWidth));
                tags.tagged(out, StandardStructureTypes.H1,
                        () -> bold.centred(out, content.heading(), 32, GREEN, centre, 468, textWidth));
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.centred(out, content.certifies(), 14, INK, centre, 422, textWidth));
                tags.tagged(out, StandardStructureTypes.P, () -> bold.centred(out, content.holder(), 30, INK, centre, 378, textWidth));
                tags.artifact(out, () -> rule(out, centre - 190, centre + 190, 366));
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.centred(out, content.completed(), 14, INK, centre, 334, textWidth));
                tags.tagged(out, StandardStructureTypes.P, () -> bold.centred(out, content.course(), 22, GREEN, centre, 298, textWidth));
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.centred(out, content.details(), 12, MUTED, centre, 270, textWidth));
                if (content.company() != null) {
                    tags.tagged(out, StandardStructureTypes.P,
                            () -> regular.centred(out, content.company(), 12, MUTED, centre, 251, textWidth));
                }
                float left = 72;
                QrPlacement qr = qrPlacement(content.verifyUrl());
                float blockWidth = qr.x() - left - 24;
                tags.tagged(out, StandardStructureTypes.P, () -> bold.left(out, content.issued(), 12, INK, left, 170, blockWidth));
                tags.tagged(out, StandardStructureTypes.P,
                        () -> bold.left(out, content.validUntil(), 12, content.isRevoked() ? RED : INK, left, 151, blockWidth));
                tags.tagged(out, StandardStructureTypes.P, () -> regular.left(out, content.code(), 11, INK, left, 124, blockWidth));
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.left(out, content.verifyAt(), 10, MUTED, left, 106, blockWidth));
                PDStructureElement figure = tags.tagged(out, StandardStructureTypes.Figure, () -> qr(out, qr));
                figure.setAlternateDescription(content.qrAlt());
                PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
                layout.setBBox(new PDRectangle(qr.x(), qr.y(), qr.size(), qr.size()));
                figure.addAttribute(layout);
                tags.tagged(out, StandardStructureTypes.P,
                        () -> regular.centred(out, content.footer(), 9, MUTED, centre, 46, textWidth));
            }
            tags.finish();
            metadata(document, content);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a certificate", e);
        }
    }

    /** Everything {@link #drawn(Content)} sets in the regular weight. */
    private static List<String> regularTexts(Content content) {
        List<String> texts = new ArrayList<>(List.of(content.issuerName(), content.certifies(), content.completed(), content.details(),
                content.code(), content.verifyAt(), content.footer()));
        if (content.company() != null) {
            texts.add(content.company());
        }
        return texts;
    }

    /** Everything {@link #drawn(Content)} sets in bold. */
    private static List<String> boldTexts(Content content) {
        List<String> texts = new ArrayList<>(
                List.of(content.heading(), content.holder(), content.course(), content.issued(), content.validUntil()));
        if (content.isRevoked()) {
            texts.add(content.revoked());
        }
        return texts;
    }

    private static void frame(PDPageContentStream out) throws IOException {
        out.setStrokingColor(GREEN[0], GREEN[1], GREEN[2]);
        out.setLineWidth(4);
        out.addRect(24, 24, WIDTH - 48, HEIGHT - 48);
        out.stroke();
        out.setLineWidth(0.8f);
        out.addRect(34, 34, WIDTH - 68, HEIGHT - 68);
        out.stroke();
    }

    private static void rule(PDPageContentStream out, float from, float to, float y) throws IOException {
        out.setStrokingColor(GREEN[0], GREEN[1], GREEN[2]);
        out.setLineWidth(0.6f);
        out.moveTo(from, y);
        out.lineTo(to, y);
        out.stroke();
    }

    /**
     * Where the QR code of a verification link goes: the symbol (without its quiet zone) has its lower left corner
     * at ({@code x}, {@code y}) in points and modules {@code module} points wide. Modules and corner are whole points,
     * so every module edge falls on the same grid and all modules are drawn the same width. The symbol comes from
     * {@link QrSymbols}, which makes sure a common reader finds it.
     */
    record QrPlacement(BitMatrix matrix, int x, int y, int module) {

        int size() {
            return matrix.getWidth() * module;
        }

        /** The symbol with the quiet zone around it (four modules on each side), nothing else drawn into it. */
        PDRectangle withQuietZone() {
            int quiet = 4 * module;
            return new PDRectangle(x - quiet, y - quiet, size() + 2 * quiet, size() + 2 * quiet);
        }
    }

    static QrPlacement qrPlacement(String url) {
        BitMatrix matrix = QrSymbols.encode(url);
        int modules = matrix.getWidth();
        int module = Math.max(1, Math.min(QR_MODULE, QR_MAX / modules));
        return new QrPlacement(matrix, QR_RIGHT - modules * module, QR_BOTTOM, module);
    }

    /**
     * The QR code as filled rectangles (no image, so no compression differences and sharp at any zoom), one per run of
     * dark modules in a row, so no viewer draws a seam between neighbouring modules.
     */
    static void qr(PDPageContentStream out, QrPlacement qr) throws IOException {
        BitMatrix matrix = qr.matrix();
        int module = qr.module();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int y = qr.y() + (matrix.getHeight() - row - 1) * module;
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    int start = col;
                    while (col + 1 < matrix.getWidth() && matrix.get(col + 1, row)) {
                        col++;
                    }
                    out.addRect(qr.x() + start * module, y, (col - start + 1) * module, module);
                }
            }
        }
        out.fill();
    }

    private static void metadata(PDDocument document, Content content) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(content.heading() + " – " + content.course());
        info.setAuthor(content.issuerName());
        info.setSubject(content.subject());
        info.setCreator("Owlet");
        info.setProducer("Owlet");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        issued.clear();
        issued.set(content.issuedOn().getYear(), content.issuedOn().getMonthValue() - 1, content.issuedOn().getDayOfMonth());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        document.getDocumentCatalog().setLanguage(content.language());
        PDMarkInfo marked = new PDMarkInfo();
        marked.setMarked(true);
        document.getDocumentCatalog().setMarkInfo(marked);
        PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
        viewer.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(viewer);
        document.getDocumentCatalog().setMetadata(xmp(document, info.getTitle(), content.language()));
        byte[] id = documentId(content.documentId());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        document.setDocumentId(0L);
    }

    /** The XMP metadata stream with the title and language (PDF/UA wants the title there, not only in the info). */
    private static PDMetadata xmp(PDDocument document, String title, String language) {
        String packet = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(xml(title), xml(language));
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(packet.getBytes(StandardCharsets.UTF_8));
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] documentId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
