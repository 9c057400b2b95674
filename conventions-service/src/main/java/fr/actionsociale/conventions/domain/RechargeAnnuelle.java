package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The year-end settlement of seed 004's network (art. 4.2): every party bears its share of the year's full cost, pro rata of
 * its INSEE population, and what it already brought comes off.
 * <ul>
 * <li>the expenses validated by the comité de pilotage and paid by the advancing party are split with {@link RepartitionCharges};
 * <li>the staff, premises and equipment made available, valued, are split the same way (a second split of their total);
 * <li>a party's contributions are what it made available, plus, for the advancing party, the expenses it paid;
 * <li>its balance (solde) = its two shares − its contributions: positive, the advancing party calls it (appel à régularisation);
 * negative, the advancing party owes it. The balances add up to zero to the cent, since each split adds up to its total.
 * </ul>
 */
public final class RechargeAnnuelle {

    public record Ligne(String institution, long habitants, int millesime, BigDecimal partDepenses, BigDecimal partMisesADisposition,
            BigDecimal apports, BigDecimal solde) {
    }

    private RechargeAnnuelle() {
    }

    /**
     * @param depenses the expenses paid by {@code avancePar}
     * @param misesParFournisseur the valued contributions in kind, per providing party
     */
    public static List<Ligne> regulariser(String avancePar, BigDecimal depenses, Map<String, BigDecimal> misesParFournisseur,
            List<RepartitionCharges.Population> populations) {
        BigDecimal totalMises = misesParFournisseur.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<RepartitionCharges.Part> partsDepenses = RepartitionCharges.repartir(depenses, populations);
        List<RepartitionCharges.Part> partsMises = RepartitionCharges.repartir(totalMises, populations);
        List<Ligne> lignes = new ArrayList<>();
        for (int i = 0; i < populations.size(); i++) {
            RepartitionCharges.Population p = populations.get(i);
            BigDecimal apports = misesParFournisseur.getOrDefault(p.institution(), BigDecimal.ZERO).setScale(2)
                    .add(p.institution().equals(avancePar) ? depenses.setScale(2) : BigDecimal.ZERO.setScale(2));
            BigDecimal d = partsDepenses.get(i).montant();
            BigDecimal m = partsMises.get(i).montant();
            lignes.add(new Ligne(p.institution(), p.habitants(), p.millesime(), d, m, apports, d.add(m).subtract(apports)));
        }
        return lignes;
    }
}
