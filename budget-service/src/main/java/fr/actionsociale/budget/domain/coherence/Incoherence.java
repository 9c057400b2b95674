package fr.actionsociale.budget.domain.coherence;

import java.math.BigDecimal;

/**
 * Two sources the suite holds that should say the same and do not, named like an inconsistency of the reconciliation report:
 * what (kind, subject, action, indicator, period), each source with its figure, and the difference A − B, with the rule applied.
 */
public record Incoherence(Genre genre, String sujet, String action, String indicateur, String periode, String sourceA, BigDecimal chiffreA,
        String sourceB, BigDecimal chiffreB, BigDecimal difference, String regle) {

    public enum Genre {
        /** annex 9's value of an indicator against the action sheet's figure for the same indicator and period */
        ANNEXE_9_FICHE,
        /** the amounts named for an action's partners against the action's State share */
        PARTENAIRES_TOTAL,
        /** the consumption a consolidated table reports against the expenses recorded for that line up to its date */
        TABLEAU_DEPENSES,
        /** a count made live from events against the value entered by hand for the same indicator and period */
        DIRECT_SAISIE
    }
}
