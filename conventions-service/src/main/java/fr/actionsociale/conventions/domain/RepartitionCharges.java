package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A shared budget recharged to the parties pro rata of their INSEE population (seed 004).
 * <p>
 * Rounding rule (méthode du plus fort reste): each share is first rounded down to the cent; the cents
 * left over are then given one by one to the parties with the largest remainders (ties: larger
 * population first, then institution code). The shares are exact to the cent and add up to the amount.
 */
public final class RepartitionCharges {

    public static final String REGLE_ARRONDI = "Chaque part est arrondie au centime inférieur ; les centimes restants vont un à un "
            + "aux parties dont le reste est le plus fort (à égalité : la plus peuplée, puis l'ordre des codes).";

    public record Population(String institution, long habitants, int millesime) {
    }

    public record Part(String institution, long habitants, int millesime, BigDecimal montant) {
    }

    private RepartitionCharges() {
    }

    public static List<Part> repartir(BigDecimal montant, List<Population> populations) {
        if (montant.signum() < 0 || montant.stripTrailingZeros().scale() > 2) {
            throw new RegleMetierException("montant", "doit être un montant positif en euros, au centime près");
        }
        if (populations.isEmpty()) {
            throw new RegleMetierException("parties", "aucune partie entre qui répartir");
        }
        long total = populations.stream().mapToLong(Population::habitants).sum();
        if (total <= 0) {
            throw new RegleMetierException("parties", "la population totale des parties est nulle");
        }
        BigInteger centimes = montant.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
        BigInteger totalHabitants = BigInteger.valueOf(total);
        record Calcul(Population p, BigInteger base, BigInteger reste) {
        }
        List<Calcul> calculs = new ArrayList<>();
        BigInteger distribue = BigInteger.ZERO;
        for (Population p : populations) {
            BigInteger[] qr = centimes.multiply(BigInteger.valueOf(p.habitants())).divideAndRemainder(totalHabitants);
            calculs.add(new Calcul(p, qr[0], qr[1]));
            distribue = distribue.add(qr[0]);
        }
        int restants = centimes.subtract(distribue).intValueExact(); // fewer than the number of parties
        List<Calcul> ordre = new ArrayList<>(calculs);
        ordre.sort(Comparator.comparing(Calcul::reste).reversed()
                .thenComparing(c -> -c.p().habitants())
                .thenComparing(c -> c.p().institution()));
        List<Population> servis = ordre.subList(0, restants).stream().map(Calcul::p).toList();
        List<Part> parts = new ArrayList<>();
        for (Calcul c : calculs) {
            BigInteger cts = c.base().add(servis.contains(c.p()) ? BigInteger.ONE : BigInteger.ZERO);
            parts.add(new Part(c.p().institution(), c.p().habitants(), c.p().millesime(), new BigDecimal(cts, 2)));
        }
        return parts;
    }
}
