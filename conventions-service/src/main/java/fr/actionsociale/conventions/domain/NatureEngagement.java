package fr.actionsociale.conventions.domain;

/**
 * What a party commits to, as the conventions word it (seed 000, articles 5 to 12). VALORISATION is a contribution in
 * kind counted in money (art. 8 and 10: operating costs valued at 15 % of the salary costs); its rate and basis are the
 * commitment's {@link Valorisation}, which another nature may carry too (half of a communication officer's time).
 */
public enum NatureEngagement {
    CONTRIBUTION_FINANCIERE, VALORISATION, RECRUTEMENT, PERMANENCE, EVENEMENT, IMPRESSION, COPILOTAGE, MISE_A_DISPOSITION, AUTRE
}
