package fr.actionsociale.conventions.domain;

/** What a deliberation decides (seed 001: "d'approuver les termes de la convention" and "d'autoriser le Président à la signer"). */
public enum ActeAutorise {
    APPROUVER_CONVENTION, AUTORISER_SIGNATAIRE, APPROUVER_AVENANT, VOTER_BUDGET
}
