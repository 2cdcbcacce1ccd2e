package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.junit.QuarkusTest;

/** The certificate PDF, opened with PDFBox as a reader would: its text, metadata, fonts, QR code and stability. */
@QuarkusTest
@Tag("db")
class CertificatePdfTest {

    /** Where the PDFs are left for a look (pdftoppm -png -r 60). */
    static final Path OUT = Path.of("target/certificates");

    @Inject
    Event<FinalAssessmentPassed> passed;

    @Inject
    CertificationService certificates;

    @ParameterizedTest
    @CsvSource({
            "en, Amelia Ó Súilleabháin-Łukasiewicz, Certificate of completion, Sample course",
            "zh-CN, 王小明, 结业证书, Sample course",
            "vi, Nguyễn Thị Minh Khai, Chứng chỉ hoàn thành, Sample course",
            "fr, Zoë Faÿ-Lefèvre, Certificat de réussite, Cours d'exemple" })
    void thePdfSaysWhoPassedWhatAndWhenInTheLearnersLanguage(String language, String name, String heading, String course)
            throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member member = Fixtures.member(Fixtures.acme(), name, "pdf-" + tag + "@acme.example");
        Certificate c = Passes.fire(passed, Passes.pass(member, language, Instant.parse("2026-03-05T10:15:30Z"), false));

        byte[] bytes = certificates.pdf(c);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("certificate-" + language + ".pdf"), bytes);

        assertThat(bytes.length).as("fonts are embedded as subsets").isLessThan(150_000);
        assertThat(certificates.pdf(c)).as("same certificate, same bytes").isEqualTo(bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).as("A4 landscape").isGreaterThan(page.getMediaBox().getHeight());
            assertThat(page.getMediaBox().getWidth()).isCloseTo(842f, offset(1f));
            String text = new PDFTextStripper().getText(pdf);
            Locale locale = Locale.forLanguageTag(language);
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            assertThat(text).contains(name, heading, course, c.displayCode(), dates.format(LocalDate.of(2026, 3, 5)),
                    dates.format(LocalDate.of(2028, 3, 4)), "Acme Marketplace", "/verify/" + c.code);
            if (language.equals("zh-CN")) {
                assertThat(text).contains("2026年3月5日", "2028年3月4日", "颁发日期");
            }
            if (language.equals("vi")) {
                assertThat(text).contains("Cấp ngày", "Có hiệu lực đến");
            }
            assertThat(pdf.getDocumentInformation().getTitle()).contains(heading, course);
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Coalition to End Wildlife Trafficking Online");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo(language);
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
            page.getResources().getFontNames().forEach(fontName -> {
                try {
                    var font = page.getResources().getFont(fontName);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.*");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String verifyUrl = "http://localhost:8080/verify/" + c.code;
            CertificatePdf.QrPlacement qr = CertificatePdf.qrPlacement(verifyUrl);
            for (int dpi : new int[] { 150, 300 }) {
                assertThat(qrCode(pdf, qr, dpi)).as("QR code at %d dpi", dpi).isEqualTo(verifyUrl);
                assertThat(inkInQuietZone(renderQrArea(pdf, qr, dpi), qr)).as("ink in the quiet zone at %d dpi", dpi).isZero();
            }
        }
    }

    /**
     * The certificate is a tagged PDF (PDF/UA structure): read back with PDFBox, its structure tree is Document > H1 (the
     * heading), P (each line of text), Figure (the QR code, whose alternative text holds the verification link); every
     * element points at marked content on the page, MarkInfo says it is marked, the language and the title (shown as
     * the window title) are set.
     */
    @ParameterizedTest
    @CsvSource({ "zh-CN, 结业证书", "en, Certificate of completion" })
    void theCertificateIsATaggedPdf(String language, String heading) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Member member = Fixtures.member(Fixtures.acme(), "Tagged Holder " + tag, "tagged-" + tag + "@acme.example");
        Certificate c = Passes.fire(passed, Passes.pass(member, language, Instant.parse("2026-03-05T10:15:30Z"), false));
        byte[] bytes = certificates.pdf(c);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("MarkInfo /Marked").isTrue();
            assertThat(catalog.getLanguage()).as("/Lang").isEqualTo(language);
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("DisplayDocTitle").isTrue();
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).as("XMP title").contains("<dc:title>", heading);
            assertThat(pdf.getDocumentInformation().getTitle()).contains(heading);

            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            assertThat(root).as("structure tree root").isNotNull();
            List<PDStructureElement> top = root.getKids().stream().map(PDStructureElement.class::cast).toList();
            assertThat(top).extracting(PDStructureElement::getStructureType).containsExactly(StandardStructureTypes.DOCUMENT);
            List<PDStructureElement> elements = top.get(0).getKids().stream().map(PDStructureElement.class::cast).toList();
            assertThat(elements).extracting(PDStructureElement::getStructureType).containsOnly(StandardStructureTypes.H1,
                    StandardStructureTypes.P, StandardStructureTypes.Figure);
            assertThat(elements).filteredOn(e -> e.getStructureType().equals(StandardStructureTypes.H1)).hasSize(1);
            assertThat(elements).filteredOn(e -> e.getStructureType().equals(StandardStructureTypes.P)).hasSizeGreaterThan(8);
            List<PDStructureElement> figures = elements.stream()
                    .filter(e -> e.getStructureType().equals(StandardStructureTypes.Figure)).toList();
            assertThat(figures).hasSize(1);
            assertThat(figures.get(0).getAlternateDescription()).as("the QR code's /Alt").contains("/verify/" + c.code);

            // each element's kid is an MCID, and that MCID is marked content on the page holding the element's text
            Map<Integer, String> marked = new TreeMap<>();
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(pdf.getPage(0));
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                if (content.getMCID() >= 0) {
                    marked.put(content.getMCID(), content.getContents().stream().filter(TextPosition.class::isInstance)
                            .map(t -> ((TextPosition) t).getUnicode()).reduce("", String::concat));
                }
            }
            List<Integer> mcids = new ArrayList<>();
            for (PDStructureElement e : elements) {
                assertThat(e.getKids()).as(e.getStructureType() + " points at its marked content").hasSize(1);
                Object kid = e.getKids().get(0);
                int mcid = kid instanceof Integer i ? i : ((PDMarkedContent) kid).getMCID();
                mcids.add(mcid);
                assertThat(e.getPage()).as("the element's page").isNotNull();
            }
            assertThat(marked.keySet()).as("the page's marked content, by MCID").containsExactlyInAnyOrderElementsOf(mcids);
            int h1 = mcids.get(elements.indexOf(elements.stream()
                    .filter(e -> e.getStructureType().equals(StandardStructureTypes.H1)).findFirst().orElseThrow()));
            assertThat(marked.get(h1).replace(" ", "")).as("the H1's text").isEqualTo(heading.replace(" ", ""));
            assertThat(String.join("", marked.values())).contains("Tagged Holder " + tag);
            assertThat(pdf.getPage(0).getStructParents()).isZero();
            assertThat(root.getParentTree()).as("parent tree").isNotNull();
            System.out.printf("certificate PDF: tagged, %d structure elements (%s)%n", elements.size() + 1, language);
        }
    }

    /**
     * The QR codes of 200 certificates, their verification codes drawn from a fixed seed, read as their verification
     * links at 150 and at 300 dpi. Each is drawn by the certificate's own QR drawing at its place on the page, and
     * only its rectangle (quiet zone included) is rendered, so this stays fast; the test above checks the same
     * rectangle on whole certificates and that nothing else is drawn into it.
     */
    @Test
    void everyQrCodeReadsAsItsVerificationLinkAt150And300Dpi() throws IOException {
        long seed = 20260305L;
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        Map<Integer, List<String>> unreadable = new TreeMap<>(Map.of(150, new ArrayList<>(), 300, new ArrayList<>()));
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            String url = "http://localhost:8080/verify/" + VerificationCodes.generate(random);
            CertificatePdf.QrPlacement qr = CertificatePdf.qrPlacement(url);
            try (PDDocument pdf = new PDDocument()) {
                PDPage page = new PDPage(CertificatePdf.PAGE);
                pdf.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                    CertificatePdf.qr(out, qr);
                }
                for (Map.Entry<Integer, List<String>> atDpi : unreadable.entrySet()) {
                    String read = qrCode(pdf, qr, atDpi.getKey());
                    if (!url.equals(read)) {
                        atDpi.getValue().add(url + " read as " + read);
                    }
                }
            }
        }
        System.out.printf("QR codes of 200 certificates read at 150 and 300 dpi in %d ms; unreadable: %s%n",
                (System.nanoTime() - started) / 1_000_000, unreadable);
        unreadable.forEach((dpi, urls) -> assertThat(urls).as("QR codes unreadable at %d dpi (seed=%d)", dpi, seed).isEmpty());
    }

    /**
     * Decodes the QR code as printed, as a phone would: renders only its rectangle, quiet zone included, at {@code dpi};
     * null when no QR code can be read there.
     */
    static String qrCode(PDDocument pdf, CertificatePdf.QrPlacement qr, int dpi) throws IOException {
        BufferedImage image = renderQrArea(pdf, qr, dpi);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }

    /** The page's QR code with its quiet zone, rendered in grey at {@code dpi} (the page is left as it was). */
    static BufferedImage renderQrArea(PDDocument pdf, CertificatePdf.QrPlacement qr, int dpi) throws IOException {
        PDPage page = pdf.getPage(0);
        PDRectangle cropBox = page.getCropBox();
        page.setCropBox(qr.withQuietZone());
        try {
            return new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.GRAY);
        } finally {
            page.setCropBox(cropBox);
        }
    }

    /** Pixels in the quiet zone (the frame of four modules around the symbol) that are not white. */
    static int inkInQuietZone(BufferedImage image, CertificatePdf.QrPlacement qr) {
        PDRectangle area = qr.withQuietZone();
        double scale = image.getWidth() / area.getWidth();
        // one pixel of slack on the symbol's side for its anti-aliased edge
        int inner = (int) Math.floor(4 * qr.module() * scale) - 1;
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean inQuietZone = x < inner || y < inner || x >= image.getWidth() - inner || y >= image.getHeight() - inner;
                if (inQuietZone && (image.getRaster().getSample(x, y, 0) < 250)) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
