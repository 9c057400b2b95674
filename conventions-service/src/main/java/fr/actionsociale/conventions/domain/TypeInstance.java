package fr.actionsociale.conventions.domain;

public enum TypeInstance {
    COMITE_PILOTAGE, COMITE_SUIVI, EQUIPE_PROJET, GROUPE_TRAVAIL, AUTRE
}
