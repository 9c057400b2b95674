package fr.actionsociale.referral.domain;

/** The structures de droit commun of seed 000, people are oriented to. */
public enum TypeStructure {
    CCAS("ccas-cias"), CDAS("departements"), FRANCE_SERVICES("france-service"), FRANCE_TRAVAIL("france-travail"),
    MISSION_LOCALE("mission-locale"), CLIC(null), CAF("caf"), CPAM("cpam"), MSA("mutualite-sociale-agricole"), CARSAT(null),
    DEPARTEMENT("departements"), ASSOCIATION(null);

    /**
     * The data·inclusion network ("réseau porteur") a structure of this type belongs to, when a structure enters none: an
     * assumption of this suite (a CDAS is the department's); null where data·inclusion has no network for it (CLIC, CARSAT,
     * an association).
     */
    private final String reseauPorteur;

    TypeStructure(String reseauPorteur) {
        this.reseauPorteur = reseauPorteur;
    }

    public String reseauPorteur() {
        return reseauPorteur;
    }
}
