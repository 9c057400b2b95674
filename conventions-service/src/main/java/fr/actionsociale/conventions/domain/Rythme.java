package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How often a commitment's quantity is due: once at the end (PONCTUEL), spread over the period
 * (SUR_LA_DUREE: 11 days minimum, 9,400 flyers, 1 ETP for 15 months), or at a fixed rhythm (half a day
 * every two weeks).
 */
public enum Rythme {
    PONCTUEL, SUR_LA_DUREE, HEBDOMADAIRE, QUINZAINE, MENSUEL, TRIMESTRIEL, ANNUEL;

    /** Whole periods of this rhythm completed between the two dates (both included in the span). */
    long periodesEcoulees(LocalDate debut, LocalDate jusquA) {
        if (jusquA.isBefore(debut)) {
            return 0;
        }
        LocalDate fin = jusquA.plusDays(1); // the last day counts as elapsed
        return switch (this) {
            case HEBDOMADAIRE -> ChronoUnit.WEEKS.between(debut, fin);
            case QUINZAINE -> ChronoUnit.WEEKS.between(debut, fin) / 2;
            case MENSUEL -> ChronoUnit.MONTHS.between(debut, fin);
            case TRIMESTRIEL -> ChronoUnit.MONTHS.between(debut, fin) / 3;
            case ANNUEL -> ChronoUnit.YEARS.between(debut, fin);
            case PONCTUEL, SUR_LA_DUREE -> throw new IllegalStateException(this + " n'a pas de période");
        };
    }
}
