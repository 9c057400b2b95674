package fr.actionsociale.commons.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import fr.actionsociale.commons.document.DocumentImprimable.Bloc;
import fr.actionsociale.commons.document.DocumentImprimable.Liste;
import fr.actionsociale.commons.document.DocumentImprimable.Mention;
import fr.actionsociale.commons.document.DocumentImprimable.Paragraphe;
import fr.actionsociale.commons.document.DocumentImprimable.Section;
import fr.actionsociale.commons.document.DocumentImprimable.Tableau;

/**
 * A {@link DocumentImprimable} as an A4 PDF (OpenPDF, the standard Helvetica fonts: French accents and the euro sign are in
 * their WinAnsi encoding). Tables repeat their header row on each page.
 */
public final class RenduPdf {

    private static final Font TITRE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font SOUS_TITRE = FontFactory.getFont(FontFactory.HELVETICA, 11, Font.NORMAL, new Color(85, 85, 85));
    private static final Font SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font SOUS_SECTION = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font CELLULE = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font CELLULE_GRAS = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font MENTION = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Font.NORMAL, new Color(85, 85, 85));
    private static final Color FOND_ENTETE = new Color(238, 241, 246);

    private RenduPdf() {
    }

    public static byte[] pdf(DocumentImprimable d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(d.titre());
        doc.open();
        doc.add(new Paragraph(t(d.titre()), TITRE));
        if (d.sousTitre() != null) {
            doc.add(new Paragraph(t(d.sousTitre()), SOUS_TITRE));
        }
        for (Bloc b : d.blocs()) {
            if (b instanceof Section s) {
                Paragraph p = new Paragraph(t(s.titre()), s.niveau() == 1 ? SECTION : SOUS_SECTION);
                p.setSpacingBefore(s.niveau() == 1 ? 12 : 8);
                p.setSpacingAfter(4);
                doc.add(p);
            } else if (b instanceof Paragraphe p) {
                Paragraph para = new Paragraph(t(p.texte()), NORMAL);
                para.setSpacingAfter(4);
                doc.add(para);
            } else if (b instanceof Mention m) {
                doc.add(new Paragraph(t(m.texte()), MENTION));
            } else if (b instanceof Liste l) {
                com.lowagie.text.List liste = new com.lowagie.text.List(false, 12);
                liste.setListSymbol(new Chunk("•  ", NORMAL));
                l.elements().forEach(x -> liste.add(new com.lowagie.text.ListItem(t(x), NORMAL)));
                doc.add(liste);
            } else if (b instanceof Tableau t) {
                doc.add(tableau(t));
            }
        }
        doc.close();
        return out.toByteArray();
    }

    private static PdfPTable tableau(Tableau t) {
        PdfPTable table = new PdfPTable(t.entetes().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        for (String h : t.entetes()) {
            PdfPCell c = new PdfPCell(new Phrase(t(h), CELLULE_GRAS));
            c.setBackgroundColor(FOND_ENTETE);
            table.addCell(c);
        }
        List<List<String>> lignes = t.lignes();
        for (int i = 0; i < lignes.size(); i++) {
            boolean total = t.derniereLigneTotal() && i == lignes.size() - 1;
            List<String> l = lignes.get(i);
            for (int c = 0; c < l.size(); c++) {
                PdfPCell cell = new PdfPCell(new Phrase(t(l.get(c)), total ? CELLULE_GRAS : CELLULE));
                if (t.alignesADroite()[c]) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    /**
     * The standard fonts' WinAnsi encoding has no minus sign (U+2212) and no narrow or thin space (U+202F, U+2009):
     * OpenPDF would drop such characters silently, so they become their closest WinAnsi equivalents.
     */
    static String t(String texte) {
        return texte.replace('\u2212', '-').replace('\u202f', ' ').replace('\u2009', ' ');
    }
}
