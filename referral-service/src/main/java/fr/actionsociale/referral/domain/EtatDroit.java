package fr.actionsociale.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/** potentiel → demandé → ouvert | refusé | abandonné ; an opened right can later be suspended or close. */
public enum EtatDroit {
    POTENTIEL, DEMANDE, OUVERT, REFUSE, ABANDONNE, SUSPENDU, FERME;

    /** The states each state may go to. */
    public Set<EtatDroit> suivants() {
        return switch (this) {
            case POTENTIEL -> EnumSet.of(DEMANDE, ABANDONNE);
            case DEMANDE -> EnumSet.of(OUVERT, REFUSE, ABANDONNE);
            case OUVERT -> EnumSet.of(SUSPENDU, FERME);
            case SUSPENDU -> EnumSet.of(OUVERT, FERME);
            case REFUSE, ABANDONNE, FERME -> EnumSet.noneOf(EtatDroit.class);
        };
    }
}
