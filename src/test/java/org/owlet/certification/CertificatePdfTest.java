package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.owlet.learning.FinalAssessmentPassed;
import org.owlet.organization.Member;
import org.owlet.testing.Fixtures;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
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
            "vi, Nguyễn Thị Minh Khai, Chứng nhận hoàn thành, Sample course",
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
            assertThat(page.getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
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
            assertThat(qrCode(pdf)).isEqualTo("http://localhost:8080/verify/" + c.code);
        }
    }

    /** Decodes the QR code from the page as printed (rendered at 150 dpi), as a phone would. */
    static String qrCode(PDDocument pdf) throws IOException {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
        BufferedImage corner = image.getSubimage(image.getWidth() * 2 / 3, image.getHeight() / 2, image.getWidth() / 3,
                image.getHeight() / 2);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(corner))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the certificate", e);
        }
    }
}
