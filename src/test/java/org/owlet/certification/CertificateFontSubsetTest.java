package org.owlet.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Certificate fonts are cut down to the document's characters before they are embedded ({@link CertificateFonts#embedSubset}):
 * the embedded fonts are tagged subsets without layout tables, measure text exactly as PDFBox's own subsetting does (so
 * the layout is the same), and the text can be copied out of the PDF, in every script the fonts cover, outside the BMP too.
 */
class CertificateFontSubsetTest {

    private final CertificateFonts fonts = new CertificateFonts(CertificatePdfLoadTest.config(1, "0"));
    private final CertificatePdf pdf = new CertificatePdf(fonts, CertificatePdfLoadTest.config(1, "0"));

    @Test
    void embeddedFontsAreSmallTaggedSubsetsAndTheTextCanBeCopiedOut() throws IOException {
        for (String name : List.of("Amelia Ó Súilleabháin-Łukasiewicz", "Nguyễn Thị Minh Khai", "王小明", "Ζωή Παπαδοπούλου",
                "Иван Петров")) {
            byte[] bytes = pdf.draw(CertificatePdfLoadTest.content("SUBSET-1", name, "en", false));
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(doc)).as("text of %s", name).contains(name, "Certificate of completion");
                PDResources resources = doc.getPage(0).getResources();
                List<String> names = new ArrayList<>();
                for (COSName key : resources.getFontNames()) {
                    PDFont font = resources.getFont(key);
                    names.add(font.getName());
                    assertThat(font.getName()).as("a subset's name has a tag").matches("[A-Z]{6}\\+Noto.*");
                    assertThat(font.isEmbedded()).isTrue();
                    long length = ((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject()
                            .getLength();
                    assertThat(length).as("%s in %s: a subset, without GSUB/GPOS", font.getName(), name).isLessThan(40_000);
                }
                System.out.printf("certificate fonts for %s: %s, PDF %d bytes%n", name, names, bytes.length);
                assertThat(names).as("regular and bold").hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void aSubsetMeasuresTextAsThePdfBoxSubsetDoes() throws IOException {
        String text = "Amelia Ó Súilleabháin-Łukasiewicz, Nguyễn Thị Minh Khai, Ζωή, Иван: 90 % – “quoted”";
        for (boolean bold : new boolean[] { false, true }) {
            CertificateFonts.Face face = fonts.faces(bold).get(0);
            face.lock.lock();
            TrueTypeFont latin = face.parsed();
            Set<Integer> codePoints = new TreeSet<>();
            text.codePoints().forEach(codePoints::add);
            try (PDDocument a = new PDDocument(); PDDocument b = new PDDocument()) {
                CertificateFonts.Embedded subset = CertificateFonts.embedSubset(a, latin, codePoints);
                PDType0Font whole = PDType0Font.load(b, latin, true);
                assertThat(subset.subset()).as("cut down before embedding").isNotNull();
                assertThat(subset.font().getStringWidth(text)).as("bold=%s", bold).isEqualTo(whole.getStringWidth(text));
                subset.close();
            } finally {
                face.lock.unlock();
            }
        }
    }

    @Test
    void theSameCharactersGiveTheSameTagAndOthersAnother() {
        assertThat(CertificateFonts.tag(new TreeSet<>(Set.of(65, 66, 67))))
                .isEqualTo(CertificateFonts.tag(new TreeSet<>(Set.of(67, 66, 65))))
                .matches("[A-Z]{6}\\+").isNotEqualTo(CertificateFonts.tag(new TreeSet<>(Set.of(65, 66, 68))));
    }

    @Test
    void aCharacterOutsideTheBasicMultilingualPlaneIsDrawnToo() throws IOException {
        // the first supplementary character a certificate font covers (Noto Sans SC has CJK Extension B ones)
        int supplementary = -1;
        for (CertificateFonts.Face face : fonts.faces(false)) {
            int cp = face.covered().nextSetBit(0x10000);
            if (cp >= 0 && fonts.faces(true).stream().anyMatch(f -> f.covered().get(cp))) {
                supplementary = cp;
                break;
            }
        }
        assertThat(supplementary).as("a covered character outside the BMP").isPositive();
        String name = "王" + Character.toString(supplementary) + "明";
        byte[] bytes = pdf.draw(CertificatePdfLoadTest.content("SUBSET-2", name, "zh-CN", false));
        assertThat(pdf.draw(CertificatePdfLoadTest.content("SUBSET-2", name, "zh-CN", false))).as("same bytes").isEqualTo(bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            System.out.printf("certificate with U+%X: %d bytes%n", supplementary, bytes.length);
            assertThat(new PDFTextStripper().getText(doc)).contains(name);
        }
    }
}
