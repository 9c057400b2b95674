package fr.actionsociale.commons.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts, dates and rates as French administrative documents write them: {@code 1 459 218,00 €}, {@code 31 mars 2025},
 * {@code 1er juillet 2023}, {@code 31/03/2025}, {@code 12,5 %}. Plain spaces (not the typographic narrow no-break space) so that
 * the text read back from a PDF, a CSV or a spreadsheet is the text written.
 */
public final class FormatFrancais {

    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRANCE);
    private static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FormatFrancais() {
    }

    /** {@code 1 459 218,00 €}; an amount with more than two decimals is a programming error, never rounded silently. */
    public static String montant(BigDecimal euros) {
        return nombre(euros.setScale(2, RoundingMode.UNNECESSARY), "#,##0.00") + " €";
    }

    /** {@code 1 095}: a count with its thousands separated. */
    public static String entier(long n) {
        return nombre(BigDecimal.valueOf(n), "#,##0");
    }

    /** {@code 9 400}, {@code 7,5}, {@code 0,45}: a quantity with up to two decimals, trailing zeros dropped; more is an error, never rounded. */
    public static String quantite(BigDecimal q) {
        return nombre(q.setScale(2, RoundingMode.UNNECESSARY), "#,##0.##");
    }

    /** {@code 12,5 %} from 12.5; up to two decimals, trailing zeros dropped. */
    public static String pourcentage(BigDecimal pourCent) {
        return nombre(pourCent.setScale(2, RoundingMode.HALF_EVEN), "#,##0.##") + " %";
    }

    /** {@code 31 mars 2025}, {@code 1er juillet 2023}. */
    public static String date(LocalDate d) {
        return (d.getDayOfMonth() == 1 ? "1er" : Integer.toString(d.getDayOfMonth())) + " " + d.format(MOIS_ANNEE);
    }

    /** {@code 31/03/2025}, as tables and CSV files write dates. */
    public static String dateCourte(LocalDate d) {
        return d.format(JJ_MM_AAAA);
    }

    private static String nombre(BigDecimal v, String motif) {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        s.setGroupingSeparator(' ');
        s.setDecimalSeparator(',');
        s.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(motif, s);
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(v);
    }
}
