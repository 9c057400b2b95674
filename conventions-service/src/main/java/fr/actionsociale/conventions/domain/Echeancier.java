package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines a convention's rules set, derived when it enters into force:
 * <ul>
 * <li>a funding convention's interim report before 31 March of the following year, for each year but
 * the last, and its final report within 3 months of the end (seed 002);</li>
 * <li>renegotiation at least 6 months before expiry (seed 004);</li>
 * <li>with a notice period, the last day to send the letter that ends the convention at its term;</li>
 * <li>its payment tranches (seed 002: 60 % within 15 days of the signature, the balance at most one month
 * after the interim report), exact to the cent, the last one taking the rest.</li>
 * </ul>
 */
public final class Echeancier {

    private Echeancier() {
    }

    public static List<Echeance> deriver(Convention c, List<TrancheVersement> tranches) {
        List<Echeance> echeances = new ArrayList<>();
        if (c.type() == TypeConvention.FINANCEMENT) {
            for (int annee = c.dateDebut().getYear(); annee < c.dateFin().getYear(); annee++) {
                echeances.add(new Echeance(c.id(), TypeEcheance.RAPPORT_INTERMEDIAIRE, "Rapport intermédiaire " + annee,
                        c.porteur(), LocalDate.of(annee + 1, 3, 31), null));
            }
            echeances.add(new Echeance(c.id(), TypeEcheance.RAPPORT_FINAL, "Rapport final", c.porteur(), c.dateFin().plusMonths(3), null));
        }
        LocalDate renegociation = c.dateFin().minusMonths(6);
        if (renegociation.isAfter(c.dateDebut())) {
            echeances.add(new Echeance(c.id(), TypeEcheance.RENEGOCIATION, "Renégociation, au moins 6 mois avant l'échéance",
                    c.porteur(), renegociation, null));
        }
        if (c.preavisMois() != null && c.preavisMois() > 0) {
            echeances.add(new Echeance(c.id(), TypeEcheance.PREAVIS, "Dernier jour pour dénoncer la convention à son terme ("
                    + c.preavisMois() + " mois de préavis)", c.porteur(), c.dateFin().minusMonths(c.preavisMois()), null));
        }
        if (c.montantTotal() != null && !tranches.isEmpty()) {
            String payeur = c.parties().stream().filter(p -> p.role() == RolePartie.FINANCEUR).map(Partie::institution).findFirst()
                    .orElse(c.porteur());
            BigDecimal reste = c.montantTotal();
            for (int i = 0; i < tranches.size(); i++) {
                TrancheVersement t = tranches.get(i);
                BigDecimal montant = i == tranches.size() - 1 ? reste
                        : c.montantTotal().multiply(t.pourcentage()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                reste = reste.subtract(montant);
                echeances.add(Echeance.versement(c.id(), "Versement " + (i + 1) + " (" + t.pourcentage().stripTrailingZeros().toPlainString()
                        + " %)", payeur, montant, t.declencheur(), t.delaiJours(),
                        t.declencheur() == TrancheVersement.Declencheur.SIGNATURE ? c.dateSignature() : null));
            }
        }
        return echeances;
    }
}
