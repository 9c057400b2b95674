package fr.actionsociale.conventions.domain;

/** BROUILLON → EN_SIGNATURE → EN_VIGUEUR → EXPIREE | RESILIEE */
public enum StatutConvention {
    BROUILLON, EN_SIGNATURE, EN_VIGUEUR, EXPIREE, RESILIEE
}
