package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * How an in-kind commitment is valued (seed 000 art. 8 and 10): a rate of a basis, "15 % des frais salariaux" or "la
 * moitié du temps de travail du chargé de communication" (50). The planned amount is kept when the convention gives it.
 * Money is exact: euros with cents, never a double.
 */
@Embeddable
public record Valorisation(
        /** Percent, 0 < taux ≤ 100, at most two decimals (15 for 15 %). */
        @Column(name = "valorisation_taux") BigDecimal taux,
        /** What the rate applies to ("frais salariaux du référent Accès aux droits"). */
        @Column(name = "valorisation_assiette") String assiette,
        /** Euros, null when the convention does not say. */
        @Column(name = "valorisation_montant_prevu") BigDecimal montantPrevu) {

    public static final int LONGUEUR_ASSIETTE = 300;
    private static final BigDecimal CENT = BigDecimal.valueOf(100);

    public Valorisation {
        if (taux == null || taux.signum() <= 0 || taux.compareTo(CENT) > 0 || decimales(taux) > 2) {
            throw new RegleMetierException("valorisation.taux", "doit être un pourcentage strictement positif, au plus 100, avec au plus deux décimales");
        }
        if (assiette == null || assiette.isBlank() || assiette.length() > LONGUEUR_ASSIETTE) {
            throw new RegleMetierException("valorisation.assiette", "doit être un texte non vide d'au plus " + LONGUEUR_ASSIETTE + " caractères");
        }
        if (montantPrevu != null && (montantPrevu.signum() < 0 || decimales(montantPrevu) > 2)) {
            throw new RegleMetierException("valorisation.montantPrevu", "doit être un montant en euros positif ou nul avec au plus deux décimales");
        }
        // the scale the columns keep, so that a value reads back as it was answered at creation
        taux = taux.setScale(2);
        montantPrevu = montantPrevu == null ? null : montantPrevu.setScale(2);
    }

    /** The valued amount of a basis actually incurred: basis × taux / 100, rounded half up to the cent. */
    public BigDecimal appliquer(BigDecimal montantAssiette) {
        return montantAssiette.multiply(taux).divide(CENT, 2, RoundingMode.HALF_UP);
    }

    static int decimales(BigDecimal montant) {
        return Math.max(0, montant.stripTrailingZeros().scale());
    }
}
