package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Certificate fonts are parsed once for the whole application and only when a document needs them: a Latin certificate
 * never parses Noto Sans SC (10 MB a weight, ~20 MB once parsed), and a parsed face is read only under its lock.
 * Prints the heap the parsed faces take (after a full collection; a figure, not asserted).
 */
class CertificateFontsTest {

    private final CertificateFonts fonts = new CertificateFonts(CertificatePdfLoadTest.config(4, "0"));
    private final CertificatePdf pdf = new CertificatePdf(fonts, CertificatePdfLoadTest.config(4, "0"));

    @Test
    void aLatinCertificateNeverParsesAChineseFaceAndAChineseTextParsesOnlyTheWeightItIsSetIn() throws IOException {
        long before = usedHeap();
        assertThat(parsed()).as("nothing parsed before the first document").containsOnly(false);
        for (String name : List.of("Amelia Ó Súilleabháin-Łukasiewicz", "Nguyễn Thị Minh Khai", "Ζωή Παπαδοπούλου", "Иван Петров")) {
            for (boolean revoked : new boolean[] { false, true }) {
                pdf.draw(CertificatePdfLoadTest.content("LATIN-1", name, "en", revoked));
            }
        }
        long latin = usedHeap();
        assertThat(parsed()).as("regular: Noto Sans, Noto Sans SC; bold: the same").containsExactly(true, false, true, false);

        byte[] chinese = pdf.draw(CertificatePdfLoadTest.content("HAN-1", "王小明", "zh-CN", false));
        long bold = usedHeap();
        assertThat(parsed()).as("the holder's name is set in bold").containsExactly(true, false, true, true);
        try (PDDocument doc = Loader.loadPDF(chinese)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("王小明");
        }

        pdf.draw(withCompany(CertificatePdfLoadTest.content("HAN-2", "Ann Lee", "zh-CN", false), "东方贸易有限公司"));
        long both = usedHeap();
        assertThat(parsed()).as("the company is set in the regular weight").containsOnly(true);
        System.out.printf("CertificateFontsTest heap after a full collection: Latin faces +%.1f MB, Noto Sans SC bold +%.1f MB,"
                + " regular +%.1f MB (all four faces: %.1f MB)%n", mb(latin - before), mb(bold - latin), mb(both - bold),
                mb(both - before));
    }

    @Test
    void eightDocumentsDrawnAtOnceOnTheSharedFacesGiveTheBytesOfEachDrawnAlone() throws Exception {
        long seed = Long.getLong("owlet.fonts.seed", 20261208L);
        System.out.println("CertificateFontsTest seed " + seed + " (replay with -Dowlet.fonts.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> names = List.of("王小明", "Nguyễn Thị Minh Khai", "李华 Lee", "Ζωή Παπαδοπούλου", "张伟", "Иван Петров", "Ann Lee",
                "陈静 Ó Súilleabháin");
        List<CertificatePdf.Content> contents = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            CertificatePdf.Content c = CertificatePdfLoadTest.content("SHARED-" + i, names.get(random.nextInt(names.size())),
                    random.nextBoolean() ? "zh-CN" : "en", random.nextInt(4) == 0);
            contents.add(random.nextBoolean() ? withCompany(c, "东方贸易有限公司") : c);
        }
        CertificatePdf alone = new CertificatePdf(new CertificateFonts(CertificatePdfLoadTest.config(1, "0")),
                CertificatePdfLoadTest.config(1, "0"));
        List<byte[]> expected = new ArrayList<>();
        for (CertificatePdf.Content c : contents) {
            expected.add(alone.draw(c));
        }
        CertificatePdf shared = new CertificatePdf(new CertificateFonts(CertificatePdfLoadTest.config(8, "0")),
                CertificatePdfLoadTest.config(8, "0"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> drawn = new ArrayList<>();
            for (CertificatePdf.Content c : contents) {
                drawn.add(pool.submit(() -> shared.draw(c)));
            }
            for (int i = 0; i < contents.size(); i++) {
                assertThat(drawn.get(i).get(60, TimeUnit.SECONDS)).as("certificate %d (%s) drawn among 8 at once = drawn alone", i,
                        contents.get(i).holder()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSharedFaceIsNotReadWithoutItsLock() {
        CertificateFonts.Face face = fonts.faces(false).get(0);
        assertThatThrownBy(face::parsed).isInstanceOf(IllegalStateException.class).hasMessageContaining("without its lock");
        assertThat(face.covered().get('A')).as("coverage is read under the lock").isTrue();
    }

    private List<Boolean> parsed() {
        return List.of(fonts.faces(false).get(0).isParsed(), fonts.faces(false).get(1).isParsed(),
                fonts.faces(true).get(0).isParsed(), fonts.faces(true).get(1).isParsed());
    }

    private static CertificatePdf.Content withCompany(CertificatePdf.Content c, String company) {
        return new CertificatePdf.Content(c.language(), c.issuerName(), c.heading(), c.certifies(), c.holder(), c.completed(),
                c.course(), c.details(), company, c.issued(), c.validUntil(), c.code(), c.verifyAt(), c.verifyUrl(), c.qrAlt(),
                c.subject(), LocalDate.of(2026, 3, 5), c.documentId(), c.revoked(), c.footer());
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
