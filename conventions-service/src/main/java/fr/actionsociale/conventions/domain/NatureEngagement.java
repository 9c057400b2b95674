package fr.actionsociale.conventions.domain;

/** What a party commits to, as the conventions word it (seed 000, articles 5 to 12). */
public enum NatureEngagement {
    CONTRIBUTION_FINANCIERE, VALORISATION, RECRUTEMENT, PERMANENCE, EVENEMENT, IMPRESSION, COPILOTAGE, MISE_A_DISPOSITION, AUTRE
}
