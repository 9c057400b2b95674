package fr.actionsociale.referral.domain;

import java.time.LocalDate;

/**
 * The RSA path's legal clocks (seeds 002 and 003): the first two run from the opening of the right, not from the person's
 * entry in any tool; the last two from the orientation.
 */
public enum TypeEtapeRsa {
    PREMIERE_INVITATION("Première invitation, dans les 15 jours de l'ouverture du droit"),
    ORIENTATION("Orientation, dans le mois de l'ouverture du droit"),
    PREMIER_RDV("Premier rendez-vous d'accompagnement, dans les 2 semaines de l'orientation"),
    PREMIER_CER("Premier contrat d'engagements réciproques, dans les 2 mois de l'orientation");

    private final String libelle;

    TypeEtapeRsa(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public LocalDate limite(LocalDate depart) {
        return switch (this) {
            case PREMIERE_INVITATION -> depart.plusDays(15);
            case ORIENTATION -> depart.plusMonths(1);
            case PREMIER_RDV -> depart.plusWeeks(2);
            case PREMIER_CER -> depart.plusMonths(2);
        };
    }

    public boolean partDeLOrientation() {
        return this == PREMIER_RDV || this == PREMIER_CER;
    }
}
