package fr.actionsociale.conventions.domain;

public enum EtatEcheance {
    A_VENIR, DUE, EN_RETARD, FAITE
}
