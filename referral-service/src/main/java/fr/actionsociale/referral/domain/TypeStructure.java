package fr.actionsociale.referral.domain;

/** The structures de droit commun of seed 000, people are oriented to. */
public enum TypeStructure {
    CCAS, CDAS, FRANCE_SERVICES, FRANCE_TRAVAIL, MISSION_LOCALE, CLIC, CAF, CPAM, MSA, CARSAT, DEPARTEMENT, ASSOCIATION
}
