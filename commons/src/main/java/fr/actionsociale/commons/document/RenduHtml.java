package fr.actionsociale.commons.document;

import java.util.List;

import fr.actionsociale.commons.document.DocumentImprimable.Bloc;
import fr.actionsociale.commons.document.DocumentImprimable.Liste;
import fr.actionsociale.commons.document.DocumentImprimable.Mention;
import fr.actionsociale.commons.document.DocumentImprimable.Paragraphe;
import fr.actionsociale.commons.document.DocumentImprimable.Section;
import fr.actionsociale.commons.document.DocumentImprimable.Tableau;

/** A {@link DocumentImprimable} as one self-contained, printable HTML page (no script, no external resource; every text escaped). */
public final class RenduHtml {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e}
            h1{font-size:1.6rem;margin-bottom:.2rem}p.sous-titre{color:#555;margin-top:0}
            h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:1.6rem}h3{font-size:1.05rem}
            table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top}
            th{background:#eef1f6;text-align:left}td.n{text-align:right;white-space:nowrap}tr.total td{font-weight:bold}
            p.mention{font-size:.85rem;color:#555;font-style:italic}
            @media print{body{margin:0;max-width:none}}""";

    private RenduHtml() {
    }

    public static String html(DocumentImprimable d) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(e(d.titre()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(e(d.titre())).append("</h1>\n");
        if (d.sousTitre() != null) {
            sb.append("<p class=\"sous-titre\">").append(e(d.sousTitre())).append("</p>\n");
        }
        for (Bloc b : d.blocs()) {
            if (b instanceof Section s) {
                sb.append(s.niveau() == 1 ? "<h2>" : "<h3>").append(e(s.titre())).append(s.niveau() == 1 ? "</h2>\n" : "</h3>\n");
            } else if (b instanceof Paragraphe p) {
                sb.append("<p>").append(e(p.texte()).replace("\n", "<br>")).append("</p>\n");
            } else if (b instanceof Mention m) {
                sb.append("<p class=\"mention\">").append(e(m.texte())).append("</p>\n");
            } else if (b instanceof Liste l) {
                sb.append("<ul>");
                l.elements().forEach(x -> sb.append("<li>").append(e(x)).append("</li>"));
                sb.append("</ul>\n");
            } else if (b instanceof Tableau t) {
                tableau(sb, t);
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void tableau(StringBuilder sb, Tableau t) {
        sb.append("<table><thead><tr>");
        t.entetes().forEach(h -> sb.append("<th scope=\"col\">").append(e(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        List<List<String>> lignes = t.lignes();
        for (int i = 0; i < lignes.size(); i++) {
            boolean total = t.derniereLigneTotal() && i == lignes.size() - 1;
            sb.append(total ? "<tr class=\"total\">" : "<tr>");
            List<String> l = lignes.get(i);
            for (int c = 0; c < l.size(); c++) {
                sb.append(t.alignesADroite()[c] ? "<td class=\"n\">" : "<td>").append(e(l.get(c))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>\n");
    }

    static String e(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
