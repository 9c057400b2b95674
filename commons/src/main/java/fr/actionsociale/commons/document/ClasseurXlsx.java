package fr.actionsociale.commons.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Office Open XML workbook, written by hand: text cells, amount cells as numbers in euros (so that they add up in the
 * spreadsheet), whole numbers, bold rows for subtotals, one or more sheets. Enough for the suite's tables, without a
 * spreadsheet library.
 */
public final class ClasseurXlsx {

    private final List<String> feuilles = new ArrayList<>();
    private final List<List<String>> lignesParFeuille = new ArrayList<>();
    private List<String> lignes;
    private int numero;

    public ClasseurXlsx(String feuille) {
        feuille(feuille);
    }

    /** Starts another sheet: the next rows go there. */
    public ClasseurXlsx feuille(String nom) {
        feuilles.add(nom.length() > 31 ? nom.substring(0, 31) : nom);
        lignes = new ArrayList<>();
        lignesParFeuille.add(lignes);
        numero = 0;
        return this;
    }

    /** @param cellules String (text), BigDecimal (euros), Integer or Long (a count) or null (empty) */
    public ClasseurXlsx ligne(boolean gras, Object... cellules) {
        numero++;
        StringBuilder sb = new StringBuilder("<row r=\"").append(numero).append("\">");
        for (int c = 0; c < cellules.length; c++) {
            Object v = cellules[c];
            if (v == null) {
                continue;
            }
            String ref = colonne(c) + numero;
            if (v instanceof Integer || v instanceof Long) {
                sb.append("<c r=\"").append(ref).append("\" s=\"").append(gras ? 1 : 0).append("\"><v>").append(v).append("</v></c>");
            } else if (v instanceof BigDecimal m) {
                sb.append("<c r=\"").append(ref).append("\" s=\"").append(gras ? 3 : 2).append("\"><v>").append(m.toPlainString()).append("</v></c>");
            } else {
                sb.append("<c r=\"").append(ref).append("\" t=\"inlineStr\" s=\"").append(gras ? 1 : 0).append("\"><is><t xml:space=\"preserve\">")
                        .append(xml(v.toString())).append("</t></is></c>");
            }
        }
        lignes.add(sb.append("</row>").toString());
        return this;
    }

    public byte[] octets() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder types = new StringBuilder();
        StringBuilder declarees = new StringBuilder();
        StringBuilder relations = new StringBuilder();
        for (int f = 1; f <= feuilles.size(); f++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(f)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            declarees.append("<sheet name=\"").append(xml(feuilles.get(f - 1))).append("\" sheetId=\"").append(f).append("\" r:id=\"rId").append(f)
                    .append("\"/>");
            relations.append("<Relationship Id=\"rId").append(f)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(f).append(".xml\"/>");
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entree(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    %s
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                    </Types>""".formatted(types));
            entree(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entree(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets>%s</sheets>
                    </workbook>""".formatted(declarees));
            entree(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    %s
                    <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    </Relationships>""".formatted(relations));
            // styles: 0 text, 1 bold text, 2 euros, 3 bold euros (French display follows the reader's locale)
            entree(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>
                    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                    <cellXfs count="4">
                    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
                    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>
                    </cellXfs>
                    </styleSheet>""");
            for (int f = 1; f <= feuilles.size(); f++) {
                entree(zip, "xl/worksheets/sheet" + f + ".xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                        <cols><col min="1" max="1" width="60" customWidth="1"/><col min="2" max="9" width="20" customWidth="1"/></cols>
                        <sheetData>%s</sheetData>
                        </worksheet>""".formatted(String.join("", lignesParFeuille.get(f - 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entree(ZipOutputStream zip, String nom, String contenu) throws IOException {
        zip.putNextEntry(new ZipEntry(nom));
        zip.write(contenu.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String colonne(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('A' + i % 26));
        }
        return s.toString();
    }

    private static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        sb.append(ch); // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return sb.toString();
    }
}
