package fr.actionsociale.conventions.domain;

/**
 * The kinds of governance body the conventions name (seed 000 art. 3: a comité de suivi local that meets once a
 * quarter, an équipe projet and a groupe de travail without a stated rhythm).
 */
public enum TypeInstance {
    COMITE_PILOTAGE, COMITE_SUIVI, EQUIPE_PROJET, GROUPE_TRAVAIL, AUTRE
}
