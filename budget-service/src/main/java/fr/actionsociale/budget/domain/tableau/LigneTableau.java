package fr.actionsociale.budget.domain.tableau;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of a consolidated table as read: a section (an axis), an action, a subtotal or the total.
 *
 * @param numero   its line number in the text sent, for the report
 * @param code     the action's or section's number when its label carries one ({@code 4.1}, {@code 8.4bis}), else null
 * @param section  the code or label of the section the row sits in
 * @param montants the amount columns present in the row (an empty cell is absent, a dash is zero)
 */
public record LigneTableau(int numero, Genre genre, String libelle, String code, String section, Map<Colonne, BigDecimal> montants,
        String actionsValorisees, String natureDepenses) {

    public enum Genre {
        SECTION, ACTION, SOUS_TOTAL, TOTAL
    }

    public BigDecimal montant(Colonne c) {
        BigDecimal m = montants.get(c);
        return m == null ? BigDecimal.ZERO.setScale(2) : m;
    }

    public boolean estSomme() {
        return genre == Genre.SOUS_TOTAL || genre == Genre.TOTAL;
    }
}
