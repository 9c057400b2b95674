package fr.actionsociale.commons.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DocumentImprimableTest {

    @Test
    void lesMontantsLesDatesEtLesTauxSEcriventALaFrancaise() {
        assertEquals("1 459 218,00 €", FormatFrancais.montant(new BigDecimal("1459218")));
        assertEquals("431 813,40 €", FormatFrancais.montant(new BigDecimal("431813.40")));
        assertEquals("-12,05 €", FormatFrancais.montant(new BigDecimal("-12.05")));
        assertEquals("0,00 €", FormatFrancais.montant(BigDecimal.ZERO));
        assertThrows(ArithmeticException.class, () -> FormatFrancais.montant(new BigDecimal("1.005")), "jamais d'arrondi silencieux");
        assertEquals("31 mars 2025", FormatFrancais.date(LocalDate.of(2025, 3, 31)));
        assertEquals("1er juillet 2023", FormatFrancais.date(LocalDate.of(2023, 7, 1)));
        assertEquals("18/07/2023", FormatFrancais.dateCourte(LocalDate.of(2023, 7, 18)));
        assertEquals("1 095", FormatFrancais.entier(1095));
        assertEquals("12,5 %", FormatFrancais.pourcentage(new BigDecimal("12.50")));
        assertEquals("9 400", FormatFrancais.quantite(new BigDecimal("9400.00")));
        assertEquals("7,5", FormatFrancais.quantite(new BigDecimal("7.50")));
        assertEquals("0,45", FormatFrancais.quantite(new BigDecimal("0.45")));
        assertThrows(ArithmeticException.class, () -> FormatFrancais.quantite(new BigDecimal("0.125")), "jamais d'arrondi silencieux");
    }

    private static DocumentImprimable exemple() {
        return new DocumentImprimable("Rapport intermédiaire 2023", "Convention EXPE-RSA-2023-2024")
                .section("1. Dépenses par catégorie")
                .tableau(List.of("Catégorie", "Montant"), 1)
                .ligne("Frais de personnel", FormatFrancais.montant(new BigDecimal("1459218.00")))
                .total("Total", FormatFrancais.montant(new BigDecimal("1459218.00")))
                .fin()
                .paragraphe("Échéance au " + FormatFrancais.date(LocalDate.of(2025, 3, 31)) + " <b>& co</b>")
                .liste(List.of("premier point", "second point"))
                .mention("Hypothèse de la démo : date de signature supposée.")
                .paragraphe("Écart \u2212150,00 €");
    }

    @Test
    void lePdfSeRelitAvecSesMontantsSesDatesEtSesAccents() throws IOException {
        byte[] pdf = RenduPdf.pdf(exemple());
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String texte = new PDFTextStripper().getText(d);
            assertTrue(texte.contains("Rapport intermédiaire 2023"), texte);
            assertTrue(texte.contains("Frais de personnel 1 459 218,00 €"), texte);
            assertTrue(texte.contains("Échéance au 31 mars 2025 <b>& co</b>"), texte);
            assertTrue(texte.contains("Hypothèse de la démo"), texte);
            assertTrue(texte.contains("Écart -150,00 €"), "le signe moins typographique ne disparaît pas : " + texte);
            assertEquals("Rapport intermédiaire 2023", d.getDocumentInformation().getTitle());
        }
    }

    @Test
    void leHtmlEchappeToutLeTexte() {
        String html = RenduHtml.html(exemple());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<td class=\"n\">1 459 218,00 €</td>"), html);
        assertTrue(html.contains("<tr class=\"total\"><td>Total</td>"), html);
        assertTrue(html.contains("31 mars 2025 &lt;b&gt;&amp; co&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>"));
    }

    @Test
    void uneLigneDeTableauDoitAvoirUneCelluleParColonne() {
        DocumentImprimable d = new DocumentImprimable("x", null);
        assertThrows(IllegalArgumentException.class, () -> d.tableau(List.of("a", "b")).ligne("seule").fin());
    }

    @Test
    void leClasseurAPlusieursFeuillesEtDesNombres() throws IOException {
        byte[] xlsx = new ClasseurXlsx("Dépenses").ligne(true, "Total", new BigDecimal("10.50"))
                .feuille("Indicateurs").ligne(false, "Premiers RDV", 764).octets();
        Map<String, String> parties = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parties.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(parties.get("xl/workbook.xml").contains("<sheet name=\"Dépenses\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Indicateurs\" sheetId=\"2\""));
        assertTrue(parties.get("xl/worksheets/sheet1.xml").contains("<v>10.50</v>"));
        assertTrue(parties.get("xl/worksheets/sheet2.xml").contains("<c r=\"B1\" s=\"0\"><v>764</v></c>"), parties.get("xl/worksheets/sheet2.xml"));
        assertTrue(parties.get("[Content_Types].xml").contains("/xl/worksheets/sheet2.xml"));
    }

    @Test
    void unChampCsvEstCiteOuNeutraliseQuandIlLeFaut() {
        assertEquals("\"a;b\"", Csv.champ("a;b"));
        assertEquals("'=SOMME(A1)", Csv.champ("=SOMME(A1)"));
        assertEquals("-12,05", Csv.champ("-12,05"));
        assertEquals("\uFEFFa;\"x\"\"y\"\r\n", new Csv().ligne("a", "x\"y").toString());
    }
}
