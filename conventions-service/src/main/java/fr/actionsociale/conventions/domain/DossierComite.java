package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * What a governance body looks at in a meeting (seed 000 art. 3: the comité de suivi local "valide les orientations", once a
 * quarter), computed as of the meeting's date: facts count by the day they happened, not the day they were recorded (a
 * réalisation entered after the meeting but dated before it counts, one dated after does not; a deadline marked done after
 * the meeting was still open then).
 *
 * @param reunionPrecedente the body's last recorded meeting before this one; null when none
 * @param periodesSansReunion the starts of the rhythm's periods ended by then without a meeting
 * @param echeancesManquees deadlines (reports, renegotiation, notice) due before the meeting and not done by then
 * @param echeancesProches those due from the meeting's day to {@code joursProches} days after it
 * @param tranches the payments not made by then, with their total
 * @param indicateurs each commitment begun by then: done and expected at this meeting and at the previous one
 */
public record DossierComite(LocalDate reunion, LocalDate reunionPrecedente, List<LocalDate> periodesSansReunion,
        List<Retard> engagementsEnRetard, List<EcheanceOuverte> echeancesManquees, List<EcheanceOuverte> echeancesProches, int joursProches,
        List<TrancheDue> tranches, BigDecimal totalTranches, List<Indicateur> indicateurs) {

    /** A commitment behind its rhythm: less done than expected by the meeting's day. */
    public record Retard(Engagement engagement, BigDecimal attendu, BigDecimal realise) {
        public BigDecimal ecart() {
            return attendu.subtract(realise);
        }
    }

    /** @param jours days late (missed) or days left (close) on the meeting's day */
    public record EcheanceOuverte(Echeance echeance, LocalDate dateDue, long jours) {
    }

    /** @param dateDue null while its trigger (a report) had not happened by the meeting */
    public record TrancheDue(Echeance echeance, LocalDate dateDue, boolean enRetard) {
    }

    public enum Tendance {
        HAUSSE, BAISSE, STABLE,
        /** No previous meeting to compare with. */
        SANS_COMPARAISON
    }

    /**
     * Fulfilment as against the rhythm (done / expected, in percent, one decimal) at each meeting; the trend follows it, since
     * what is done only adds up and would never go down. Null when nothing was expected yet (a one-off commitment before its end).
     */
    public record Indicateur(Engagement engagement, BigDecimal realisePrecedent, BigDecimal realise, BigDecimal attendu,
            BigDecimal avancementPrecedent, BigDecimal avancement, Tendance tendance) {
    }

    public static DossierComite au(Convention c, InstanceGouvernance instance, LocalDate reunion, List<Engagement> engagements,
            List<Echeance> echeances, int joursProches) {
        if (reunion.isBefore(c.dateDebut()) || reunion.isAfter(c.dateFin())) {
            throw new RegleMetierException("reunion", "en dehors de la durée de la convention (du " + c.dateDebut() + " au " + c.dateFin() + ")");
        }
        if (!instance.conventionId().equals(c.id())) {
            throw new IllegalArgumentException("instance d'une autre convention");
        }
        LocalDate precedente = instance.reunions().stream().map(Reunion::date).filter(d -> d.isBefore(reunion))
                .max(Comparator.naturalOrder()).orElse(null);

        List<Retard> retards = new ArrayList<>();
        List<Indicateur> indicateurs = new ArrayList<>();
        for (Engagement e : engagements) {
            if (e.dateDebut().isAfter(reunion)) {
                continue;
            }
            BigDecimal attendu = e.attenduAu(reunion);
            BigDecimal realise = e.realiseAu(reunion);
            if (realise.compareTo(attendu) < 0) {
                retards.add(new Retard(e, attendu, realise));
            }
            BigDecimal avancement = avancement(realise, attendu);
            if (precedente == null) {
                indicateurs.add(new Indicateur(e, null, realise, attendu, null, avancement, Tendance.SANS_COMPARAISON));
            } else {
                BigDecimal realiseAvant = e.realiseAu(precedente);
                BigDecimal avancementAvant = avancement(realiseAvant, e.attenduAu(precedente));
                indicateurs.add(new Indicateur(e, realiseAvant, realise, attendu, avancementAvant, avancement,
                        tendance(realiseAvant, realise, avancementAvant, avancement)));
            }
        }

        List<EcheanceOuverte> manquees = new ArrayList<>();
        List<EcheanceOuverte> proches = new ArrayList<>();
        List<TrancheDue> tranches = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Echeance e : echeances) {
            if (e.faiteAu(reunion)) {
                continue;
            }
            LocalDate due = e.dateDueConnueAu(reunion);
            if (e.type() == TypeEcheance.VERSEMENT) {
                tranches.add(new TrancheDue(e, due, due != null && due.isBefore(reunion)));
                total = total.add(e.montant());
            } else if (due != null && due.isBefore(reunion)) {
                manquees.add(new EcheanceOuverte(e, due, ChronoUnit.DAYS.between(due, reunion)));
            } else if (due != null && !due.isAfter(reunion.plusDays(joursProches))) {
                proches.add(new EcheanceOuverte(e, due, ChronoUnit.DAYS.between(reunion, due)));
            }
        }
        Comparator<EcheanceOuverte> parDate = Comparator.comparing(EcheanceOuverte::dateDue);
        manquees.sort(parDate);
        proches.sort(parDate);
        tranches.sort(Comparator.comparing(TrancheDue::dateDue, Comparator.nullsLast(Comparator.naturalOrder())));
        return new DossierComite(reunion, precedente, instance.periodesSansReunion(c, reunion), retards, manquees, proches, joursProches,
                tranches, total.setScale(2), indicateurs);
    }

    static BigDecimal avancement(BigDecimal realise, BigDecimal attendu) {
        return attendu.signum() == 0 ? null : realise.multiply(BigDecimal.valueOf(100)).divide(attendu, 1, RoundingMode.HALF_UP);
    }

    /** By the fulfilment when both meetings expected something; else by what was done (more done: up). */
    static Tendance tendance(BigDecimal realiseAvant, BigDecimal realise, BigDecimal avancementAvant, BigDecimal avancement) {
        int sens = avancementAvant != null && avancement != null ? avancement.compareTo(avancementAvant) : realise.compareTo(realiseAvant);
        return sens > 0 ? Tendance.HAUSSE : sens < 0 ? Tendance.BAISSE : Tendance.STABLE;
    }
}
