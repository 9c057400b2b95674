package fr.actionsociale.conventions.domain;

public enum TypeConvention {
    PARTENARIAT, FINANCEMENT, ENGAGEMENTS_RECIPROQUES
}
