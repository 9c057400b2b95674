package fr.actionsociale.budget.domain.rapport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import fr.actionsociale.commons.document.ClasseurXlsx;
import fr.actionsociale.commons.document.Csv;
import fr.actionsociale.commons.document.DocumentImprimable;
import fr.actionsociale.commons.document.FormatFrancais;

/**
 * What a report says, fixed the day it is produced (seed 002, art. 3.2 and 6, annexes C and D): the expenses of its period by
 * category, eligible to the State's share or not; the payments received and the tranches expected; the overpayment (fixed at the
 * final report); the RSA path's indicators of the period. Written once here as a document (HTML, PDF), a CSV file and a workbook.
 */
public record ContenuRapport(String programme, String libelleProgramme, String referenceConvention, TypeRapport type, String periode,
        LocalDate debut, LocalDate fin, LocalDate echeance, LocalDate produitLe, List<LigneCategorie> depenses, BigDecimal totalEligibles,
        BigDecimal totalNonEligibles, BigDecimal consommationReprise, BigDecimal consommationPeriode, List<Versement> versements,
        BigDecimal totalVerse, List<Tranche> tranches, BigDecimal consommationCumulee, BigDecimal tropPercu, String regleTropPercu,
        String territoire, List<Indicateur> indicateurs, String bilanMiseEnOeuvre, List<String> hypotheses) {

    /** One category of expense (seed 002, art. 4.2) over the period. */
    public record LigneCategorie(String categorie, String libelle, BigDecimal eligibles, BigDecimal nonEligibles) {
    }

    public record Versement(LocalDate date, String libelle, BigDecimal montant) {
    }

    /** @param dateLimite null while the event that triggers it has not happened */
    public record Tranche(int rang, String libelle, BigDecimal montant, LocalDate dateLimite) {
    }

    public record Indicateur(String code, String libelle, long valeur) {
    }

    public static final String ANNEXE_D = "L'annexe D (liste prévisionnelle des indicateurs de pilotage) n'est pas reproduite dans la convention : "
            + "les indicateurs repris ici sont ceux du parcours RSA que la suite calcule à partir des faits enregistrés (hypothèse).";

    public String titre() {
        return type == TypeRapport.FINAL ? type.libelle() : type.libelle() + " " + periode;
    }

    public String periodeLibelle() {
        String bornes = "du " + FormatFrancais.date(debut) + " au " + FormatFrancais.date(fin);
        return type == TypeRapport.FINAL ? "durée de la convention (" + bornes + ")" : "année " + periode + " (" + bornes + ")";
    }

    public DocumentImprimable document() {
        DocumentImprimable d = new DocumentImprimable(titre(), libelleProgramme + (referenceConvention == null ? "" : " – convention " + referenceConvention));
        d.paragraphe("Programme " + programme + ", période couverte : " + periodeLibelle() + ".");
        d.paragraphe("Produit le " + FormatFrancais.date(produitLe) + " ; à produire au plus tard le " + FormatFrancais.date(echeance)
                + " (convention de financement, art. 3.2).");
        if (bilanMiseEnOeuvre != null) {
            d.section("Bilan de mise en œuvre du plan d'actions").paragraphe(bilanMiseEnOeuvre);
        }
        d.section("1. Dépenses de la période par catégorie (état des dépenses, annexe C)");
        DocumentImprimable.TableauEnCours t = d.tableau(List.of("Catégorie", "Dépenses éligibles", "Dépenses non éligibles"), 1, 2);
        for (LigneCategorie l : depenses) {
            t.ligne(l.libelle(), FormatFrancais.montant(l.eligibles()), FormatFrancais.montant(l.nonEligibles()));
        }
        if (consommationReprise.signum() != 0) {
            t.ligne("Consommation reprise d'un tableau consolidé importé", FormatFrancais.montant(consommationReprise), FormatFrancais.montant(BigDecimal.ZERO));
        }
        t.total("Total", FormatFrancais.montant(totalEligibles.add(consommationReprise)), FormatFrancais.montant(totalNonEligibles)).fin();
        d.paragraphe("Crédits de l'État consommés sur la période : " + FormatFrancais.montant(consommationPeriode)
                + ". Les dépenses non éligibles restent à la charge du porteur (art. 4.2).");

        d.section("2. Versements de l'État");
        if (versements.isEmpty()) {
            d.paragraphe("Aucun versement reçu au " + FormatFrancais.date(produitLe) + ".");
        } else {
            DocumentImprimable.TableauEnCours v = d.tableau(List.of("Date", "Versement reçu", "Montant"), 2);
            for (Versement x : versements) {
                v.ligne(FormatFrancais.dateCourte(x.date()), x.libelle(), FormatFrancais.montant(x.montant()));
            }
            v.total("Total des versements reçus", "", FormatFrancais.montant(totalVerse)).fin();
        }
        if (!tranches.isEmpty()) {
            d.sousSection("Tranches prévues par la convention (art. 6)");
            DocumentImprimable.TableauEnCours v = d.tableau(List.of("Tranche", "Montant", "Date limite"), 1);
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (Tranche x : tranches) {
                v.ligne(x.libelle(), FormatFrancais.montant(x.montant()), x.dateLimite() == null ? "après le bilan intermédiaire" : FormatFrancais.date(x.dateLimite()));
                total = total.add(x.montant());
            }
            v.total("Total", FormatFrancais.montant(total), "").fin();
        }

        d.section("3. Trop-perçu");
        d.tableau(List.of("Versements reçus", "Crédits consommés depuis le début", "Trop-perçu"), 0, 1, 2)
                .ligne(FormatFrancais.montant(totalVerse), FormatFrancais.montant(consommationCumulee), FormatFrancais.montant(tropPercu)).fin();
        d.paragraphe(type == TypeRapport.FINAL
                ? "Trop-perçu arrêté au " + FormatFrancais.date(produitLe) + " : " + FormatFrancais.montant(tropPercu) + ", à rembourser à l'État."
                : "À titre indicatif : le trop-perçu n'est arrêté et remboursé qu'à la production du bilan final.");
        // the PDF's standard fonts (WinAnsi) have no minus sign: a hyphen reads the same
        d.mention(regleTropPercu.replace('\u2212', '-'));

        d.section("4. Indicateurs du parcours RSA sur la période (annexe D)");
        d.paragraphe("Territoire : " + territoire + ".");
        DocumentImprimable.TableauEnCours i = d.tableau(List.of("Indicateur", "Valeur"), 1);
        for (Indicateur x : indicateurs) {
            i.ligne(x.libelle(), FormatFrancais.entier(x.valeur()));
        }
        i.fin();
        d.mention(ANNEXE_D);
        for (String h : hypotheses) {
            d.mention("Hypothèse : " + h);
        }
        return d;
    }

    /** The figures as the State's services take them in a spreadsheet: one block per part, amounts written the French way. */
    public Csv csv() {
        Csv c = new Csv();
        c.ligne(titre(), libelleProgramme);
        c.ligne("Programme", programme);
        c.ligne("Convention", referenceConvention == null ? "" : referenceConvention);
        c.ligne("Période", periode, FormatFrancais.dateCourte(debut), FormatFrancais.dateCourte(fin));
        c.ligne("Produit le", FormatFrancais.dateCourte(produitLe));
        c.ligne();
        c.ligne("Catégorie de dépense", "Dépenses éligibles", "Dépenses non éligibles");
        for (LigneCategorie l : depenses) {
            c.ligne(l.libelle(), FormatFrancais.montant(l.eligibles()), FormatFrancais.montant(l.nonEligibles()));
        }
        if (consommationReprise.signum() != 0) {
            c.ligne("Consommation reprise d'un tableau consolidé importé", FormatFrancais.montant(consommationReprise), FormatFrancais.montant(BigDecimal.ZERO));
        }
        c.ligne("Total des dépenses", FormatFrancais.montant(totalEligibles.add(consommationReprise)), FormatFrancais.montant(totalNonEligibles));
        c.ligne();
        c.ligne("Versement reçu", "Date", "Montant");
        for (Versement v : versements) {
            c.ligne(v.libelle(), FormatFrancais.dateCourte(v.date()), FormatFrancais.montant(v.montant()));
        }
        c.ligne("Total des versements reçus", "", FormatFrancais.montant(totalVerse));
        c.ligne();
        c.ligne("Crédits consommés depuis le début", FormatFrancais.montant(consommationCumulee));
        c.ligne(type == TypeRapport.FINAL ? "Trop-perçu à rembourser" : "Trop-perçu (indicatif)", FormatFrancais.montant(tropPercu));
        c.ligne();
        c.ligne("Indicateur du parcours RSA", "Valeur");
        for (Indicateur i : indicateurs) {
            c.ligne(i.libelle(), Long.toString(i.valeur()));
        }
        return c;
    }

    /** The same figures in a workbook, one sheet per part, amounts as numbers in euros. */
    public byte[] xlsx() {
        ClasseurXlsx x = new ClasseurXlsx("Dépenses");
        x.ligne(true, titre() + " – " + libelleProgramme);
        x.ligne(true, "Catégorie de dépense", "Dépenses éligibles", "Dépenses non éligibles");
        for (LigneCategorie l : depenses) {
            x.ligne(false, l.libelle(), l.eligibles(), l.nonEligibles());
        }
        if (consommationReprise.signum() != 0) {
            x.ligne(false, "Consommation reprise d'un tableau consolidé importé", consommationReprise, BigDecimal.ZERO.setScale(2));
        }
        x.ligne(true, "Total des dépenses", totalEligibles.add(consommationReprise), totalNonEligibles);
        x.feuille("Versements");
        x.ligne(true, "Versement reçu", "Date", "Montant");
        for (Versement v : versements) {
            x.ligne(false, v.libelle(), FormatFrancais.dateCourte(v.date()), v.montant());
        }
        x.ligne(true, "Total des versements reçus", "", totalVerse);
        x.ligne(false, "Crédits consommés depuis le début", "", consommationCumulee);
        x.ligne(true, type == TypeRapport.FINAL ? "Trop-perçu à rembourser" : "Trop-perçu (indicatif)", "", tropPercu);
        x.feuille("Indicateurs");
        x.ligne(true, "Indicateur du parcours RSA", "Valeur");
        for (Indicateur i : indicateurs) {
            x.ligne(false, i.libelle(), i.valeur());
        }
        return x.octets();
    }
}
