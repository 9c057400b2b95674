package fr.actionsociale.conventions.domain;

public enum RolePartie {
    PORTEUR, CO_PILOTE, FINANCEUR, PARTENAIRE, OPERATEUR
}
