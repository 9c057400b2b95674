package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Judges an expense against its programme's rules (seed 002, art. 4.2): an excluded category, or engineering staff beyond the
 * programme's ETP cap in the expense's month, is refused with the rule that refused it.
 */
public record Eligibilite(boolean eligible, String regle) {

    public static final String SOURCE = "Convention de financement, art. 4.2 : ";

    public static Eligibilite juger(Set<CategorieDepense> exclues, BigDecimal plafondEtpIngenierie, CategorieDepense categorie, BigDecimal etp,
            BigDecimal etpIngenierieDejaFinances) {
        if (exclues.contains(categorie)) {
            String motif = categorie.motifExclusion() != null ? categorie.motifExclusion() : categorie.libelle() + " : catégorie exclue par le programme";
            return new Eligibilite(false, SOURCE + motif + " au financement de l'État.");
        }
        if (categorie == CategorieDepense.PERSONNEL_INGENIERIE && plafondEtpIngenierie != null) {
            BigDecimal total = etpIngenierieDejaFinances.add(etp);
            if (total.compareTo(plafondEtpIngenierie) > 0) {
                return new Eligibilite(false, SOURCE + "l'ingénierie de projet est financée dans la limite de "
                        + plafondEtpIngenierie.stripTrailingZeros().toPlainString().replace('.', ',') + " ETP ; ce mois-ci " + total.stripTrailingZeros().toPlainString().replace('.', ',')
                        + " ETP seraient financés.");
            }
        }
        return new Eligibilite(true, null);
    }
}
