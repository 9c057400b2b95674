package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import fr.actionsociale.commons.document.FormatFrancais;

/** Euros as French documents write them ({@code 1 459 218,00 €}, {@code - €} for zero), read and written exactly. */
public final class Montants {

    private static final Pattern BALISES = Pattern.compile("<[^>]{0,40}>");
    private static final Pattern NOMBRE = Pattern.compile("^-?[0-9]{1,13}(\\.[0-9]{1,2})?$");

    private Montants() {
    }

    /** Markup such as {@code <b>} goes, and the non-breaking spaces of office suites become spaces. */
    public static String texte(String cellule) {
        if (cellule == null) {
            return "";
        }
        return BALISES.matcher(cellule).replaceAll("").replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    /**
     * @return the amount, {@code null} for an empty cell, zero for a dash
     * @throws IllegalArgumentException with a French reason when the cell is not an amount in euros
     */
    public static BigDecimal lire(String cellule) {
        String t = texte(cellule);
        if (t.isEmpty()) {
            return null;
        }
        String sansEuro = t.endsWith("€") ? t.substring(0, t.length() - 1).strip() : t;
        if (sansEuro.equals("-")) {
            return BigDecimal.ZERO.setScale(2);
        }
        String nombre = sansEuro.replace(" ", "").replace(',', '.');
        if (!NOMBRE.matcher(nombre).matches()) {
            throw new IllegalArgumentException("« " + t + " » n'est pas un montant en euros (ex. 1 459 218,00 €)");
        }
        return new BigDecimal(nombre).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code 1 459 218,00 €}; zero stays {@code 0,00 €} (documents that want a dash say so). */
    public static String formater(BigDecimal montant) {
        return FormatFrancais.montant(montant);
    }

    public static BigDecimal ouZero(BigDecimal montant) {
        return montant == null ? BigDecimal.ZERO.setScale(2) : montant;
    }
}
