package fr.actionsociale.commons.webhook;

import java.time.Duration;

/** Exponential backoff with jitter: the wait after the n-th failed attempt (n from 1). */
public final class Relance {

    private Relance() {
    }

    /** @param alea in [0, 1): 0.5 gives the delay without jitter */
    public static Duration apres(int echec, Duration premier, double facteur, Duration max, double gigue, double alea) {
        double base = premier.toMillis() * Math.pow(facteur, Math.max(0, echec - 1));
        double borne = Math.min(base, max.toMillis());
        double avecGigue = borne * (1 + gigue * (2 * alea - 1));
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(avecGigue, max.toMillis()))));
    }
}
