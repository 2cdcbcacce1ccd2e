package org.owlet.certification;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The tagged-PDF structure (PDF/UA): a structure tree Document > H1, P, Figure whose elements point at the marked
 * content they were drawn in (one MCID each), decoration marked as artifacts, and the page's parent tree that leads
 * back from each MCID to its element. Screen readers read the certificate in this order.
 */
final class TaggedPage {

    /** Drawing that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    private final PDPage page;
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    private final COSArray parents = new COSArray();

    TaggedPage(PDDocument pdf, PDPage page) {
        this.page = page;
        pdf.getDocumentCatalog().setStructureTreeRoot(root);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(document);
        page.setStructParents(0);
    }

    PDStructureElement tagged(PDPageContentStream out, String type, Drawing drawing) throws IOException {
        PDStructureElement element = new PDStructureElement(type, document);
        element.setPage(page);
        document.appendKid(element);
        int mcid = parents.size();
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, mcid);
        out.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(properties));
        drawing.draw();
        out.endMarkedContent();
        element.appendKid(PDMarkedContent.create(COSName.getPDFName(type), properties));
        parents.add(element);
        return element;
    }

    void artifact(PDPageContentStream out, Drawing drawing) throws IOException {
        out.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        out.endMarkedContent();
    }

    void finish() {
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(Map.of(0, new PDParentTreeValue(parents)));
        root.setParentTree(parentTree);
        root.setParentTreeNextKey(1);
    }
}
