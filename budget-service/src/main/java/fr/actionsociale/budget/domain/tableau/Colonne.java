package fr.actionsociale.budget.domain.tableau;

import java.text.Normalizer;
import java.util.Locale;

/** The columns of seed 003's consolidated table, recognised by their header whatever their order. */
public enum Colonne {
    LIBELLE("Libellé", false),
    VALORISATION_DEPARTEMENT("Montant valorisation Département", true),
    ACTIONS_VALORISEES("Actions valorisées", false),
    REPORT_ENTRANT("Report crédits de la période précédente", true),
    PARTICIPATION_ETAT("Participation État", true),
    RECETTES("Recettes État + reports", true),
    NATURE_DEPENSES("Nature des dépenses", false),
    CONSOMMATION("Consommation des crédits", true),
    REPORT_SORTANT("Reports de crédits sur la période suivante", true);

    private final String libelle;
    private final boolean montant;

    Colonne(String libelle, boolean montant) {
        this.libelle = libelle;
        this.montant = montant;
    }

    public String libelle() {
        return libelle;
    }

    public boolean montant() {
        return montant;
    }

    /** @return the column this header names, or null when it names none */
    static Colonne reconnaitre(String entete) {
        String e = normaliser(entete);
        if (e.contains("valorisation")) {
            return VALORISATION_DEPARTEMENT;
        }
        if (e.contains("actions valorisees")) {
            return ACTIONS_VALORISEES;
        }
        if (e.startsWith("report") && e.contains(" sur ")) {
            return REPORT_SORTANT;
        }
        if (e.startsWith("report")) {
            return REPORT_ENTRANT;
        }
        if (e.startsWith("participation")) {
            return PARTICIPATION_ETAT;
        }
        if (e.startsWith("recettes")) {
            return RECETTES;
        }
        if (e.startsWith("nature")) {
            return NATURE_DEPENSES;
        }
        if (e.startsWith("consommation")) {
            return CONSOMMATION;
        }
        return null;
    }

    static String normaliser(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
