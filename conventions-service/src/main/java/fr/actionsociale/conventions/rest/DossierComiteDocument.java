package fr.actionsociale.conventions.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.actionsociale.commons.document.DocumentImprimable;
import fr.actionsociale.commons.document.FormatFrancais;
import fr.actionsociale.conventions.domain.Anomalie;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.DossierComite;
import fr.actionsociale.conventions.domain.InstanceGouvernance;
import fr.actionsociale.conventions.domain.PlanFinancement;
import fr.actionsociale.conventions.domain.TrancheVersement;
import fr.actionsociale.conventions.service.DossierComiteService.Dossier;

/** The meeting pack as one printable document, rendered to HTML and PDF by commons. */
final class DossierComiteDocument {

    /** What conventions-service checks itself of the money, reported as inconsistencies rather than legal anomalies. */
    private static final Set<Anomalie.Type> INCOHERENCES = Set.of(Anomalie.Type.FINANCEMENT_INCOMPLET, Anomalie.Type.IMPUTATION_INCOMPLETE);

    static final String RENVOI_BUDGET = "La cohérence du programme (dépenses, crédits et indicateurs déclarés) est contrôlée par budget-service, "
            + "qui publie son propre contrôle de cohérence : ce dossier ne l'interroge pas et ne reprend que ce que la convention elle-même permet de vérifier.";

    private DossierComiteDocument() {
    }

    static DocumentImprimable de(Dossier dossier) {
        Convention c = dossier.convention();
        InstanceGouvernance g = dossier.instance();
        DossierComite d = dossier.contenu();
        LocalDate jour = d.reunion();
        DocumentImprimable doc = new DocumentImprimable("Dossier de séance : " + g.nom(),
                "Convention " + c.reference() + " – réunion du " + FormatFrancais.date(jour));

        doc.section("1. La réunion")
                .paragraphe("Instance : " + g.nom() + "\nConvention : " + c.reference() + " – " + c.objet() + " (du "
                        + FormatFrancais.date(c.dateDebut()) + " au " + FormatFrancais.date(c.dateFin()) + ")"
                        + "\nDate de la réunion : " + FormatFrancais.date(jour)
                        + "\nRéunion précédente : " + (d.reunionPrecedente() == null ? "aucune réunion enregistrée avant celle-ci"
                                : FormatFrancais.date(d.reunionPrecedente()))
                        + "\nRythme : " + (g.reunionsParAn() == null ? "aucun rythme fixé par la convention"
                                : g.reunionsParAn() + " réunion" + (g.reunionsParAn() > 1 ? "s" : "") + " par an"));
        if (g.presidence() != null) {
            doc.paragraphe("Présidence : " + g.presidence());
        }
        List<String> membres = new ArrayList<>(g.membres().stream().map(m -> dossier.nom(m) + " (" + m + ")").toList());
        membres.addAll(g.autresMembres());
        doc.paragraphe("Membres :").liste(membres.isEmpty() ? List.of("aucun membre enregistré") : membres);
        if (!d.periodesSansReunion().isEmpty()) {
            int mois = 12 / g.reunionsParAn();
            doc.paragraphe("Périodes écoulées sans réunion de l'instance :").liste(d.periodesSansReunion().stream()
                    .map(p -> "du " + FormatFrancais.date(p) + " au " + FormatFrancais.date(p.plusMonths(mois).minusDays(1))).toList());
        }

        doc.section("2. Engagements en retard sur leur rythme");
        if (d.engagementsEnRetard().isEmpty()) {
            doc.paragraphe("Aucun engagement en retard au " + FormatFrancais.date(jour) + ".");
        } else {
            var t = doc.tableau(List.of("Partie", "Article", "Engagement", "Unité", "Attendu", "Réalisé", "Écart"), 4, 5, 6);
            for (DossierComite.Retard r : d.engagementsEnRetard()) {
                t.ligne(dossier.nom(r.engagement().institution()), r.engagement().article(), r.engagement().libelle(), r.engagement().unite(),
                        FormatFrancais.quantite(r.attendu()), FormatFrancais.quantite(r.realise()), FormatFrancais.quantite(r.ecart()));
            }
            t.fin();
        }

        doc.section("3. Échéances").sousSection("Dépassées");
        if (d.echeancesManquees().isEmpty()) {
            doc.paragraphe("Aucune échéance dépassée au " + FormatFrancais.date(jour) + ".");
        } else {
            var t = doc.tableau(List.of("Échéance", "Institution", "Date due", "Retard (jours)"), 3);
            d.echeancesManquees().forEach(e -> t.ligne(e.echeance().libelle(), dossier.nom(e.echeance().institution()),
                    FormatFrancais.date(e.dateDue()), FormatFrancais.entier(e.jours())));
            t.fin();
        }
        doc.sousSection("Dans les " + d.joursProches() + " jours");
        if (d.echeancesProches().isEmpty()) {
            doc.paragraphe("Aucune échéance dans les " + d.joursProches() + " jours suivant la réunion.");
        } else {
            var t = doc.tableau(List.of("Échéance", "Institution", "Date due", "Dans (jours)"), 3);
            d.echeancesProches().forEach(e -> t.ligne(e.echeance().libelle(), dossier.nom(e.echeance().institution()),
                    FormatFrancais.date(e.dateDue()), FormatFrancais.entier(e.jours())));
            t.fin();
        }

        doc.section("4. Versements dus");
        if (d.tranches().isEmpty()) {
            doc.paragraphe("Aucun versement restant dû au " + FormatFrancais.date(jour) + ".");
        } else {
            var t = doc.tableau(List.of("Versement", "Payeur", "Date due", "Montant"), 3);
            for (DossierComite.TrancheDue v : d.tranches()) {
                t.ligne(v.echeance().libelle(), dossier.nom(v.echeance().institution()), quand(v, jour), FormatFrancais.montant(v.echeance().montant()));
            }
            t.total("Total restant dû", "", "", FormatFrancais.montant(d.totalTranches())).fin();
        }

        doc.section("5. Indicateurs clés et leur tendance");
        if (d.indicateurs().isEmpty()) {
            doc.paragraphe("Aucun engagement commencé au " + FormatFrancais.date(jour) + ".");
        } else {
            String avant = d.reunionPrecedente() == null ? "Réalisé à la réunion précédente" : "Réalisé au " + FormatFrancais.dateCourte(d.reunionPrecedente());
            var t = doc.tableau(List.of("Engagement", "Unité", avant, "Réalisé au " + FormatFrancais.dateCourte(jour), "Attendu",
                    "Avancement", "Tendance"), 2, 3, 4, 5);
            for (DossierComite.Indicateur i : d.indicateurs()) {
                t.ligne(dossier.nom(i.engagement().institution()) + " : " + i.engagement().libelle(), i.engagement().unite(),
                        i.realisePrecedent() == null ? "–" : FormatFrancais.quantite(i.realisePrecedent()), FormatFrancais.quantite(i.realise()),
                        FormatFrancais.quantite(i.attendu()), avancement(i), tendance(i.tendance()));
            }
            t.fin();
            doc.mention("Avancement : le réalisé rapporté à ce que le rythme de l'engagement attend à la date (entre parenthèses, à la réunion "
                    + "précédente) ; la tendance le compare d'une réunion à l'autre, ou compare le réalisé quand rien n'était encore attendu.");
        }

        List<Anomalie> anomalies = dossier.anomalies().stream().filter(a -> !INCOHERENCES.contains(a.type())).toList();
        doc.section("6. Anomalies ouvertes");
        if (anomalies.isEmpty()) {
            doc.paragraphe("Aucune anomalie ouverte sur la convention.");
        } else {
            doc.liste(anomalies.stream().map(a -> a.constat()).toList());
        }

        doc.section("7. Incohérences");
        List<String> incoherences = new ArrayList<>(dossier.anomalies().stream().filter(a -> INCOHERENCES.contains(a.type()))
                .map(a -> a.type() == Anomalie.Type.FINANCEMENT_INCOMPLET ? "Plan de financement : " + financement(c.bilanFinancement(), a)
                        : "Imputation : " + a.constat())
                .toList());
        if (c.bilanFinancement() != null && c.bilanFinancement().equilibre()) {
            doc.paragraphe("Plan de financement : les parts couvrent exactement le budget de "
                    + FormatFrancais.montant(c.bilanFinancement().budget()) + ".");
        }
        if (incoherences.isEmpty()) {
            doc.paragraphe("Aucune incohérence relevée par la convention elle-même.");
        } else {
            doc.liste(incoherences);
        }
        doc.mention(RENVOI_BUDGET);
        doc.mention("Dossier établi à la date de la réunion : les réalisations comptent par leur date (même saisies après), une échéance "
                + "faite après la réunion y figure encore comme ouverte, un versement attendant un rapport remis après la réunion n'a pas "
                + "encore de date. Échéances proches : dans les " + d.joursProches() + " jours suivant la réunion.");
        return doc;
    }

    /** The plan's shortfall with French amounts; the anomaly's own words when no budget gives a total. */
    private static String financement(PlanFinancement.Bilan bilan, Anomalie a) {
        if (bilan == null || bilan.budget() == null || bilan.resteACouvrir() == null) {
            return a.constat();
        }
        return "les parts chiffrées couvrent " + FormatFrancais.montant(bilan.couvert()) + " sur " + FormatFrancais.montant(bilan.budget())
                + " : " + FormatFrancais.montant(bilan.resteACouvrir()) + " restent sans contribution chiffrée"
                + (bilan.nonChiffres().isEmpty() ? "" : " (contributions non chiffrées : " + String.join(" ; ", bilan.nonChiffres()) + ")");
    }

    private static String quand(DossierComite.TrancheDue v, LocalDate jour) {
        if (v.dateDue() == null) {
            TrancheVersement.Declencheur declencheur = v.echeance().declencheur();
            return declencheur == TrancheVersement.Declencheur.RAPPORT_INTERMEDIAIRE ? "à la remise du rapport intermédiaire"
                    : declencheur == TrancheVersement.Declencheur.RAPPORT_FINAL ? "à la remise du rapport final" : "à la signature";
        }
        return FormatFrancais.date(v.dateDue()) + (v.enRetard() ? " (en retard)" : "");
    }

    private static String avancement(DossierComite.Indicateur i) {
        String maintenant = i.avancement() == null ? "rien d'attendu" : FormatFrancais.pourcentage(i.avancement());
        if (i.realisePrecedent() == null) {
            return maintenant;
        }
        return maintenant + " (" + (i.avancementPrecedent() == null ? "rien d'attendu" : FormatFrancais.pourcentage(i.avancementPrecedent())) + ")";
    }

    private static String tendance(DossierComite.Tendance t) {
        return switch (t) {
            case HAUSSE -> "en hausse";
            case BAISSE -> "en baisse";
            case STABLE -> "stable";
            case SANS_COMPARAISON -> "pas de réunion précédente";
        };
    }

    static String nomFichier(Convention c, LocalDate jour, String extension) {
        return "dossier-" + c.reference().replaceAll("[^A-Za-z0-9-]", "_") + "-" + jour + "." + extension;
    }
}
