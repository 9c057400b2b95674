package fr.actionsociale.conventions.domain;

public enum TypeEcheance {
    /** Before 31 March of the following year, for each year of the convention but the last (seed 002). */
    RAPPORT_INTERMEDIAIRE,
    /** Within 3 months of the end (seed 002). */
    RAPPORT_FINAL,
    /** At least 6 months before expiry (seed 004). */
    RENEGOCIATION,
    /** The last day to send the registered letter that ends the convention at its term, given its notice. */
    PREAVIS,
    VERSEMENT
}
