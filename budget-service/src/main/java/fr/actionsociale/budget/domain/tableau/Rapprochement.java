package fr.actionsociale.budget.domain.tableau;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recomputes every row, subtotal and total of a consolidated table and lists each figure that does not add up.
 * Nothing is corrected: the report says where, what was found, what was expected and the difference.
 */
public final class Rapprochement {

    /** How a subtotal's rows are chosen: stated in every report, since the table itself does not say. */
    public static final String REGLE_COUVERTURE = "Un sous-total qui porte un numéro de section (« Sous-total 3 », « Sous-total 4 et 5 ») "
            + "couvre les actions de la section où il se trouve ; un sous-total sans numéro (« Sous-total engagements mesures socles », "
            + "« Total initiatives locales ») couvre les actions depuis le précédent sous-total sans numéro ; « TOTAL » couvre toutes les actions. "
            + "Une cellule vide compte pour zéro, « - € » vaut zéro.";

    public static final String REGLE_RECETTES = "Recettes = report de la période précédente + participation de l'État";
    public static final String REGLE_REPORT = "Report sur la période suivante = recettes − consommation";
    public static final String REGLE_SOMME = "Un sous-total ou un total = somme des actions qu'il couvre, colonne par colonne";

    private static final Pattern NUMERO = Pattern.compile(".*[0-9].*");
    private static final List<Colonne> SOMMEES = List.of(Colonne.VALORISATION_DEPARTEMENT, Colonne.REPORT_ENTRANT, Colonne.PARTICIPATION_ETAT,
            Colonne.RECETTES, Colonne.CONSOMMATION, Colonne.REPORT_SORTANT);

    public record Ecart(int ligne, String libelle, String colonne, BigDecimal montantTrouve, BigDecimal montantAttendu, BigDecimal difference,
            String regle) {
    }

    /** Which action rows a subtotal or the total was checked against. */
    public record Couverture(int ligne, String libelle, List<String> actions) {
    }

    public record Rapport(List<Ecart> ecarts, List<Couverture> couvertures) {
    }

    private Rapprochement() {
    }

    public static Rapport verifier(TableauConsolide t) {
        List<Ecart> ecarts = new ArrayList<>();
        List<Couverture> couvertures = new ArrayList<>();
        List<LigneTableau> section = new ArrayList<>();
        List<LigneTableau> depuisSousTotalSansNumero = new ArrayList<>();
        List<LigneTableau> toutes = new ArrayList<>();
        for (LigneTableau l : t.lignes()) {
            switch (l.genre()) {
                case SECTION -> section.clear();
                case ACTION -> {
                    section.add(l);
                    depuisSousTotalSansNumero.add(l);
                    toutes.add(l);
                }
                case SOUS_TOTAL, TOTAL -> {
                    List<LigneTableau> couvertes;
                    if (l.genre() == LigneTableau.Genre.TOTAL) {
                        couvertes = List.copyOf(toutes);
                    } else if (NUMERO.matcher(l.libelle()).matches()) {
                        couvertes = List.copyOf(section);
                    } else {
                        couvertes = List.copyOf(depuisSousTotalSansNumero);
                        depuisSousTotalSansNumero.clear();
                    }
                    couvertures.add(new Couverture(l.numero(), l.libelle(), couvertes.stream().map(LigneTableau::code).toList()));
                    for (Colonne c : SOMMEES) {
                        BigDecimal somme = couvertes.stream().map(a -> a.montant(c)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                        comparer(ecarts, l, c, somme, REGLE_SOMME);
                    }
                }
            }
            if (l.genre() != LigneTableau.Genre.SECTION) {
                comparer(ecarts, l, Colonne.RECETTES, l.montant(Colonne.REPORT_ENTRANT).add(l.montant(Colonne.PARTICIPATION_ETAT)), REGLE_RECETTES);
                comparer(ecarts, l, Colonne.REPORT_SORTANT, l.montant(Colonne.RECETTES).subtract(l.montant(Colonne.CONSOMMATION)), REGLE_REPORT);
            }
        }
        return new Rapport(List.copyOf(ecarts), List.copyOf(couvertures));
    }

    private static void comparer(List<Ecart> ecarts, LigneTableau l, Colonne c, BigDecimal attendu, String regle) {
        BigDecimal trouve = l.montant(c);
        if (trouve.compareTo(attendu) != 0) {
            ecarts.add(new Ecart(l.numero(), l.code() == null ? l.libelle() : "Action " + l.code() + " - " + l.libelle(), c.libelle(), trouve,
                    attendu, trouve.subtract(attendu), regle));
        }
    }
}
