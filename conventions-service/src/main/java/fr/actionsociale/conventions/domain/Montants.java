package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;

import fr.actionsociale.commons.domaine.RegleMetierException;

/** Euros with cents: the checks every amount of the yearly recharge goes through. */
final class Montants {

    private Montants() {
    }

    /** The amount at the scale its column keeps; refused when missing, negative (or zero when it must be positive) or finer than the cent. */
    static BigDecimal euros(String champ, BigDecimal montant, boolean strictementPositif) {
        if (montant == null) {
            throw new RegleMetierException(champ, "est obligatoire");
        }
        if (montant.signum() < 0 || (strictementPositif && montant.signum() == 0) || Valorisation.decimales(montant) > 2) {
            throw new RegleMetierException(champ, "doit être un montant en euros " + (strictementPositif ? "strictement positif" : "positif ou nul")
                    + ", au centime près");
        }
        return montant.setScale(2);
    }

    static String texte(String champ, String texte, int longueur) {
        if (texte == null || texte.isBlank() || texte.length() > longueur) {
            throw new RegleMetierException(champ, "doit être un texte non vide d'au plus " + longueur + " caractères");
        }
        return texte.strip();
    }
}
