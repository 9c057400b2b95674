package fr.actionsociale.conventions.domain;

/** Where an expense of the network's yearly budget stands (seed 004 art. 4): proposed with its invoice, validated by the comité de pilotage, paid by the advancing party. */
public enum EtatDepense {
    PROPOSEE, VALIDEE, PAYEE
}
