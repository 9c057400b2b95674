package fr.actionsociale.conventions.rest;

import static fr.actionsociale.commons.document.FormatFrancais.date;
import static fr.actionsociale.commons.document.FormatFrancais.dateCourte;
import static fr.actionsociale.commons.document.FormatFrancais.entier;
import static fr.actionsociale.commons.document.FormatFrancais.montant;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import fr.actionsociale.commons.document.DocumentImprimable;
import fr.actionsociale.conventions.domain.AppelRegularisation;
import fr.actionsociale.conventions.domain.DepenseReseau;
import fr.actionsociale.conventions.domain.EtatDepense;
import fr.actionsociale.conventions.domain.MiseADisposition;
import fr.actionsociale.conventions.domain.RepartitionCharges;

/** The call for repayment of one party, as a document for people (rendered to HTML and PDF by commons). */
final class AppelRegularisationDocument {

    private AppelRegularisationDocument() {
    }

    /**
     * @param depenses the year's expenses (those the call took up are listed; validated ones it left out are named in a note)
     * @param nom an institution's name from its code
     */
    static DocumentImprimable de(String referenceConvention, AppelRegularisation a, AppelRegularisation.Ligne ligne, List<DepenseReseau> depenses,
            List<MiseADisposition> mises, Function<String, String> nom) {
        String appele = nom.apply(ligne.institution());
        String creancier = nom.apply(a.creancier());
        DocumentImprimable d = new DocumentImprimable("Appel à régularisation " + a.annee(),
                "Réseau des acteurs sociaux – convention " + referenceConvention + " – " + appele);
        d.paragraphe("Émis le " + date(a.dateAppel()) + " par " + creancier + ", qui avance les fonds du réseau (article 4.1 de la convention), à "
                + appele + ". Le remboursement des dépenses est calculé au prorata du nombre d'habitants dernièrement connu selon l'Insee "
                + "(article 4.2.1) ; le personnel, les locaux et les matériels mis à disposition, valorisés, sont répartis de la même façon "
                + "(articles 4.2.2 et 5).");

        d.section("1. Dépenses validées par le comité de pilotage et payées");
        List<DepenseReseau> reprises = depenses.stream().filter(x -> a.id().equals(x.appelId())).toList();
        DocumentImprimable.TableauEnCours t = d.tableau(List.of("Facture", "Date", "Objet", "Validée le", "Payée le", "Montant"), 5);
        reprises.forEach(x -> t.ligne(x.numeroFacture(), dateCourte(x.dateFacture()), x.objet(), dateCourte(x.valideeLe()), dateCourte(x.payeeLe()),
                montant(x.montant())));
        t.total("Total des dépenses", "", "", "", "", montant(a.totalDepenses())).fin();
        List<DepenseReseau> laissees = depenses.stream().filter(x -> x.etat() != EtatDepense.PROPOSEE && !a.id().equals(x.appelId())).toList();
        if (!laissees.isEmpty()) {
            d.mention("Non reprises, car non payées au " + date(a.dateAppel()) + " : " + String.join(", ", laissees.stream()
                    .map(x -> "facture " + x.numeroFacture() + " (" + montant(x.montant()) + ")").toList()) + ".");
        }

        d.section("2. Personnel, locaux et matériels mis à disposition, valorisés");
        List<MiseADisposition> reprisesMises = mises.stream().filter(m -> a.id().equals(m.appelId())).toList();
        if (reprisesMises.isEmpty()) {
            d.paragraphe("Aucune mise à disposition valorisée pour " + a.annee() + ".");
        } else {
            DocumentImprimable.TableauEnCours tm = d.tableau(List.of("Mis à disposition par", "Nature", "Libellé", "Montant"), 3);
            reprisesMises.forEach(m -> tm.ligne(nom.apply(m.fournisseur()), nature(m), m.libelle(), montant(m.montant())));
            tm.total("Total valorisé", "", "", montant(a.totalMisesADisposition())).fin();
        }

        d.section("3. Répartition au prorata de la population INSEE (millésime " + a.millesime() + ")");
        DocumentImprimable.TableauEnCours tr = d.tableau(List.of("Partie", "Habitants", "Part des dépenses", "Part des mises à disposition",
                "Apports", "Solde"), 1, 2, 3, 4, 5);
        long habitants = 0;
        BigDecimal apports = BigDecimal.ZERO.setScale(2);
        BigDecimal soldes = BigDecimal.ZERO.setScale(2);
        for (AppelRegularisation.Ligne l : a.lignes()) {
            tr.ligne(nom.apply(l.institution()), entier(l.habitants()), montant(l.partDepenses()), montant(l.partMisesADisposition()),
                    montant(l.apports()), montant(l.solde()));
            habitants += l.habitants();
            apports = apports.add(l.apports());
            soldes = soldes.add(l.solde());
        }
        tr.total("Total", entier(habitants), montant(a.totalDepenses()), montant(a.totalMisesADisposition()), montant(apports), montant(soldes)).fin();
        d.mention(RechargeVues.regleMillesime(a));
        d.mention("Arrondi : " + RepartitionCharges.REGLE_ARRONDI);
        d.mention("Solde = part des dépenses + part des mises à disposition - apports. Les apports d'une partie sont ce qu'elle a mis à "
                + "disposition et, pour " + creancier + ", les dépenses qu'il a payées : les contributions en nature viennent en déduction.");

        d.section("4. Montant appelé");
        BigDecimal solde = ligne.solde();
        d.paragraphe(montant(ligne.partDepenses()) + " + " + montant(ligne.partMisesADisposition()) + " - " + montant(ligne.apports()) + " = "
                + montant(solde));
        if (solde.signum() > 0) {
            d.paragraphe(appele + " est appelé à verser " + montant(solde) + " à " + creancier + ".");
        } else if (solde.signum() < 0) {
            d.paragraphe(creancier + " doit " + montant(solde.negate()) + " à " + appele + " : ses apports dépassent sa part.");
        } else {
            d.paragraphe("Aucun montant n'est appelé : les apports de " + appele + " égalent sa part.");
        }
        return d;
    }

    private static String nature(MiseADisposition m) {
        return switch (m.nature()) {
            case PERSONNEL -> "Personnel";
            case LOCAUX -> "Locaux";
            case MATERIEL -> "Matériel";
        };
    }
}
