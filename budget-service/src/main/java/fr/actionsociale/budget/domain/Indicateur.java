package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.util.List;

import fr.actionsociale.commons.domaine.RegleMetierException;

/** The rules of an indicator of seed 003's table: its unit says which values make sense. */
public final class Indicateur {

    public static final List<String> UNITES = List.of("nombre", "%", "jours", "euros", "ETP");

    private Indicateur() {
    }

    public static void verifierUnite(String unite) {
        if (!UNITES.contains(unite)) {
            throw new RegleMetierException("unite", "doit être l'une de " + String.join(", ", UNITES));
        }
    }

    public static BigDecimal verifierValeur(String unite, BigDecimal valeur) {
        if (valeur.signum() < 0) {
            throw new RegleMetierException("valeur", "ne peut pas être négative");
        }
        if (unite.equals("%") && valeur.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RegleMetierException("valeur", "un pourcentage ne dépasse pas 100");
        }
        if (unite.equals("nombre") && valeur.stripTrailingZeros().scale() > 0) {
            throw new RegleMetierException("valeur", "un nombre de personnes ou d'actes est entier");
        }
        return valeur;
    }

    /** HAUSSE, BAISSE or STABLE from the previous value to the last; null with fewer than two values. */
    public static String tendance(List<BigDecimal> valeursDansLOrdre) {
        if (valeursDansLOrdre.size() < 2) {
            return null;
        }
        int c = valeursDansLOrdre.get(valeursDansLOrdre.size() - 1).compareTo(valeursDansLOrdre.get(valeursDansLOrdre.size() - 2));
        return c > 0 ? "HAUSSE" : c < 0 ? "BAISSE" : "STABLE";
    }
}
