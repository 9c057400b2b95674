package fr.actionsociale.budget.domain.coherence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The comparison rules of the consistency check: plain functions of two figures, nothing read, nothing corrected. */
public final class Coherence {

    public static final String REGLE_INDICATEUR = "Une même valeur d'indicateur pour une même période dans l'annexe 9 et dans les fiches "
            + "actions qui en rendent compte (additionnées quand plusieurs le font)";
    public static final String REGLE_PARTENAIRES = "Les montants cités pour les partenaires d'une action ne dépassent pas sa participation de "
            + "l'État ; quand au moins deux montants sont cités (une répartition), ils l'épuisent exactement";
    public static final String REGLE_DEPENSES = "La consommation qu'un tableau consolidé déclare à sa date = les dépenses éligibles enregistrées "
            + "pour la ligne jusqu'à cette date (quand il y en a)";
    public static final String REGLE_DIRECT = "Une valeur saisie à la main = le compte fait en direct depuis les événements pour le même "
            + "indicateur, la même période et le territoire du programme";

    /** An amount in euros as written in the seeds' texts: "10000€", "5 000€", "(45 000€)", "106000 €", "146 775,39€". */
    private static final Pattern MONTANT = Pattern.compile("(?<![0-9,])([0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)(?:,([0-9]{2}))?\\s?€");
    /** A figure of an indicators table: "6 494", "1 095", "23,5", "70 %", "23,5 jrs". */
    private static final Pattern NOMBRE = Pattern.compile("^([0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)(?:[,.]([0-9]+))?(?:\\s?(?:%|jrs|jours))?$");

    private Coherence() {
    }

    /** Every amount in euros a text names, in its order. */
    public static List<BigDecimal> montantsCites(String texte) {
        List<BigDecimal> montants = new ArrayList<>();
        if (texte == null) {
            return montants;
        }
        Matcher m = MONTANT.matcher(texte);
        while (m.find()) {
            String entier = m.group(1).replaceAll("[ \u00a0\u202f]", "");
            montants.add(new BigDecimal(entier + "." + (m.group(2) == null ? "00" : m.group(2))));
        }
        return montants;
    }

    /** A cell of an indicators table as a number, when it is one ("1 095" → 1095); empty for "19731 mensuel", "/", "". */
    public static Optional<BigDecimal> nombre(String cellule) {
        if (cellule == null) {
            return Optional.empty();
        }
        Matcher m = NOMBRE.matcher(cellule.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String entier = m.group(1).replaceAll("[ \u00a0\u202f]", "");
        return Optional.of(new BigDecimal(m.group(2) == null ? entier : entier + "." + m.group(2)));
    }

    /**
     * Annex 9 (A) against the sheets (B) for one indicator and period. An annex indicator several actions report on (annex 9's
     * "2.2 Référent de parcours" is actions 3.1 and 3.2) is compared with the sum of their sheets' figures.
     */
    public static Optional<Incoherence> indicateur(List<String> actions, String indicateur, String libelle, String periode, BigDecimal annexe,
            List<BigDecimal> fiches) {
        BigDecimal somme = fiches.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (annexe.compareTo(somme) == 0) {
            return Optional.empty();
        }
        String noms = String.join(" + ", actions);
        return Optional.of(new Incoherence(Incoherence.Genre.ANNEXE_9_FICHE, libelle, String.join(", ", actions), indicateur, periode,
                "Annexe 9 - tableau des indicateurs (" + indicateur + ", " + periode + ")", annexe,
                (actions.size() > 1 ? "Fiches actions " : "Fiche action ") + noms + ", indicateurs (" + periode + ")", somme, annexe.subtract(somme),
                REGLE_INDICATEUR));
    }

    /**
     * The partners' amounts of one source (A) against the action's State share (B). A part larger than the whole is always
     * inconsistent; a smaller sum only when the text splits the share between several partners (one amount beside other unpriced
     * expenses, as "Poste Coordinatrice ... + participation CORACE de 15000€", is a part, not a split).
     */
    public static Optional<Incoherence> partenaires(String action, String sourceMontants, List<BigDecimal> montants, String sourceTotal,
            BigDecimal total) {
        if (montants.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal somme = montants.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).setScale(2);
        int c = somme.compareTo(total);
        if (c == 0 || (c < 0 && montants.size() < 2)) {
            return Optional.empty();
        }
        return Optional.of(new Incoherence(Incoherence.Genre.PARTENAIRES_TOTAL, "Montants des partenaires de l'action " + action, action, null, null,
                sourceMontants + " (" + montants.size() + " montant" + (montants.size() > 1 ? "s" : "") + ")", somme, sourceTotal,
                total.setScale(2), somme.subtract(total).setScale(2), REGLE_PARTENAIRES));
    }

    /** The table's consumption (A) against the expenses recorded up to its date (B), for one action's line. */
    public static Optional<Incoherence> depenses(String action, String periode, String dateTableau, BigDecimal consommationTableau,
            BigDecimal depensesEnregistrees) {
        if (consommationTableau.compareTo(depensesEnregistrees) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Incoherence(Incoherence.Genre.TABLEAU_DEPENSES, "Consommation de l'action " + action, action, null, periode,
                "Tableau consolidé, consommation au " + dateTableau, consommationTableau.setScale(2),
                "Dépenses enregistrées jusqu'au " + dateTableau, depensesEnregistrees.setScale(2),
                consommationTableau.subtract(depensesEnregistrees).setScale(2), REGLE_DEPENSES));
    }

    /** The value entered by hand (A) against the live count (B). */
    public static Optional<Incoherence> direct(String action, String indicateur, String libelle, String periode, String source, BigDecimal saisie,
            BigDecimal direct) {
        if (saisie.compareTo(direct) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Incoherence(Incoherence.Genre.DIRECT_SAISIE, libelle, action, indicateur, periode,
                "Valeur saisie (" + indicateur + ", " + periode + ")", saisie, "Compte en direct depuis les événements (" + source + ", " + periode + ")",
                direct, saisie.subtract(direct), REGLE_DIRECT));
    }
}
