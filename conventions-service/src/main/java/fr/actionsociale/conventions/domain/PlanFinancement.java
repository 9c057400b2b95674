package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A co-financing plan checked against its budget (seed 000: the State's 396,795 € are 80 % of the budget, the rest comes
 * from the partners' financial and valued contributions). The budget is the one given, or deduced from a share given
 * both as an amount and a rate. Shares that exceed the budget are refused; shares that do not cover it are stated.
 */
public final class PlanFinancement {

    private static final BigDecimal CENT = BigDecimal.valueOf(100);

    /** Each share's amount as given or as its rate makes it; null when neither (a valued contribution not quantified). */
    public record Part(Financement financement, BigDecimal montant, boolean deduit) {
    }

    public record Bilan(BigDecimal budget, boolean budgetDeduit, List<Part> parts, BigDecimal couvert, BigDecimal resteACouvrir,
            List<String> nonChiffres, String constat) {
        public boolean equilibre() {
            return resteACouvrir != null && resteACouvrir.signum() == 0;
        }
    }

    private PlanFinancement() {
    }

    /**
     * @throws RegleMetierException when a share's amount and rate disagree, or the shares exceed the budget
     */
    public static Bilan verifier(BigDecimal budgetDonne, List<Financement> financements) {
        for (int i = 0; i < financements.size(); i++) {
            Financement f = financements.get(i);
            if (f.montant() == null && f.taux() == null && f.nature() == Financement.Nature.FINANCIERE) {
                throw new RegleMetierException("financements[" + i + "].montant", "une contribution en numéraire se donne en montant ou en taux du budget");
            }
        }
        if (financements.isEmpty()) {
            return null;
        }
        BigDecimal budget = budgetDonne;
        boolean deduit = false;
        if (budget == null) {
            for (Financement f : financements) {
                if (f.montant() != null && f.taux() != null) {
                    budget = f.montant().multiply(CENT).divide(f.taux(), 2, RoundingMode.HALF_UP);
                    deduit = true;
                    break;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        List<String> nonChiffres = new ArrayList<>();
        BigDecimal couvert = BigDecimal.ZERO;
        for (int i = 0; i < financements.size(); i++) {
            Financement f = financements.get(i);
            BigDecimal selonTaux = f.taux() == null || budget == null ? null
                    : budget.multiply(f.taux()).divide(CENT, 2, RoundingMode.HALF_UP);
            if (f.montant() != null && selonTaux != null && !deduit && f.montant().compareTo(selonTaux) != 0) {
                throw new RegleMetierException("financements[" + i + "].taux", f.taux().stripTrailingZeros().toPlainString() + " % du budget ("
                        + budget.toPlainString() + " €) font " + selonTaux.toPlainString() + " €, pas " + f.montant().toPlainString() + " €");
            }
            BigDecimal montant = f.montant() != null ? f.montant() : selonTaux;
            parts.add(new Part(f, montant == null ? null : montant.setScale(2), f.montant() == null && montant != null));
            if (montant == null) {
                nonChiffres.add(f.financeur() + (f.base() == null ? "" : " (" + f.base() + ")"));
            } else {
                couvert = couvert.add(montant);
            }
        }
        couvert = couvert.setScale(2);
        if (budget == null) {
            return new Bilan(null, false, parts, couvert, null, nonChiffres,
                    "aucun budget donné ni déductible : les parts (" + couvert.toPlainString() + " €) ne peuvent pas être rapprochées d'un total");
        }
        if (couvert.compareTo(budget) > 0) {
            throw new RegleMetierException("financements", "les parts chiffrées (" + couvert.toPlainString() + " €) dépassent le budget ("
                    + budget.toPlainString() + " €) de " + couvert.subtract(budget).toPlainString() + " €");
        }
        BigDecimal reste = budget.subtract(couvert).setScale(2);
        String constat = reste.signum() == 0 ? "les parts couvrent exactement le budget"
                : "les parts chiffrées couvrent " + couvert.toPlainString() + " € sur " + budget.toPlainString() + " € : "
                        + reste.toPlainString() + " € restent sans contribution chiffrée"
                        + (nonChiffres.isEmpty() ? "" : " (contributions non chiffrées : " + String.join(" ; ", nonChiffres) + ")");
        return new Bilan(budget.setScale(2), deduit, parts, couvert, reste, nonChiffres, constat);
    }
}
