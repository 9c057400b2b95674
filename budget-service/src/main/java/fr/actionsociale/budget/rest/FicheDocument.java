package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.actionsociale.budget.domain.coherence.Incoherence;
import fr.actionsociale.budget.service.FicheService;
import fr.actionsociale.commons.document.DocumentImprimable;
import fr.actionsociale.commons.document.FormatFrancais;

/** An action sheet written once, in seed 003's order (sections 1 to 8), for its HTML and PDF renderings. */
final class FicheDocument {

    static final String NON_RENSEIGNE = "Non renseigné dans la fiche.";

    private FicheDocument() {
    }

    static DocumentImprimable document(String programmeLibelle, DocumentResource.Fiche f) {
        FicheService.Contenu c = f.contenu();
        DocumentImprimable d = new DocumentImprimable("Action " + f.action() + " : " + f.libelle(),
                programmeLibelle + " - fiche action, budget exécuté au " + FormatFrancais.date(f.au()));

        d.section("1. Description de l'action");
        texte(d, c == null ? null : c.description());
        if (c != null && c.objectifs() != null) {
            d.sousSection("Objectifs");
            texte(d, c.objectifs());
        }

        d.section("2. Date de mise en place de l'action");
        texte(d, c == null ? null : c.miseEnPlace());
        if (f.dateDebut() != null) {
            d.paragraphe("Début : " + FormatFrancais.date(f.dateDebut()) + (f.dateFin() == null ? "" : " ; fin : " + FormatFrancais.date(f.dateFin())));
        }

        d.section("3. Partenaires et co-financeurs");
        List<FicheService.Partenaire> partenaires = c == null ? List.of() : c.partenaires();
        if (partenaires.stream().anyMatch(p -> p.montant() != null)) {
            DocumentImprimable.TableauEnCours t = d.tableau(List.of("Partenaire", "Montant"), 1);
            partenaires.forEach(p -> t.ligne(p.nom(), p.montant() == null ? "" : FormatFrancais.montant(p.montant())));
            if (partenaires.stream().allMatch(p -> p.montant() != null)) {
                t.total("Total des partenaires", FormatFrancais.montant(partenaires.stream().map(FicheService.Partenaire::montant)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)));
            }
            t.fin();
            if (c.partenairesTexte() != null) {
                texte(d, c.partenairesTexte());
            }
        } else if (c != null && c.partenairesTexte() != null) {
            texte(d, c.partenairesTexte());
        } else if (!partenaires.isEmpty()) {
            d.liste(partenaires.stream().map(FicheService.Partenaire::nom).toList());
        } else {
            d.paragraphe(NON_RENSEIGNE);
        }

        d.section("4. Durée de l'action");
        texte(d, c == null ? null : c.duree());

        d.section("5. Budget");
        d.sousSection("Budget prévisionnel " + f.periode());
        d.tableau(List.of("Part", "Montant"), 1)
                .ligne("Part État", FormatFrancais.montant(f.partEtat()))
                .ligne("dont reports de la période précédente", FormatFrancais.montant(f.dontReports()))
                .ligne("Part Département", FormatFrancais.montant(f.partDepartement()))
                .total("Budget global", FormatFrancais.montant(f.budgetGlobal())).fin();
        d.sousSection("Budget exécuté au " + FormatFrancais.date(f.au()));
        d.tableau(List.of("Part", "Montant"), 1)
                .ligne("Dont part État", FormatFrancais.montant(f.executeEtat()))
                .ligne("Dont part Département (valorisation)", FormatFrancais.montant(f.executeDepartement()))
                .total("Budget exécuté", FormatFrancais.montant(f.budgetExecute())).fin();
        d.paragraphe("Reports sur la période suivante sur la part financée par l'État : " + FormatFrancais.montant(f.reportPeriodeSuivante()));
        if (f.natureDepenses() != null) {
            d.paragraphe("Nature des dépenses : " + f.natureDepenses());
        }
        if (c != null && c.budgetTexte() != null) {
            d.mention("Ce que la fiche du rapport d'exécution écrit de son budget :");
            texte(d, c.budgetTexte());
        }

        d.section("6. Indicateurs");
        List<FicheService.LigneIndicateur> lignes = c == null ? List.of() : c.indicateurs();
        if (!lignes.isEmpty()) {
            Map<String, String> periodes = new LinkedHashMap<>();
            lignes.forEach(l -> l.valeurs().forEach(v -> periodes.putIfAbsent(v.periode(), v.libellePeriode())));
            List<String> entetes = new ArrayList<>(List.of("Indicateur"));
            entetes.addAll(periodes.values());
            int[] droite = new int[periodes.size()];
            for (int i = 0; i < droite.length; i++) {
                droite[i] = i + 1;
            }
            DocumentImprimable.TableauEnCours t = d.tableau(entetes, droite);
            for (FicheService.LigneIndicateur l : lignes) {
                List<String> cellules = new ArrayList<>(List.of(l.libelle()));
                for (String periode : periodes.keySet()) {
                    cellules.add(l.valeurs().stream().filter(v -> v.periode().equals(periode)).map(FicheService.ValeurFiche::valeur).findFirst()
                            .orElse(""));
                }
                t.ligne(cellules.toArray(String[]::new));
            }
            t.fin();
        }
        if (c != null && c.indicateursTexte() != null) {
            texte(d, c.indicateursTexte());
        } else if (lignes.isEmpty()) {
            d.paragraphe(NON_RENSEIGNE);
        }

        d.section("7. Bilan d'exécution");
        texte(d, c == null ? null : c.bilan());

        d.section("8. Perspectives futures de mise en œuvre de l'action");
        texte(d, c == null ? null : c.perspectives());

        if (!f.incoherences().isEmpty()) {
            d.section("Incohérences relevées entre les documents");
            DocumentImprimable.TableauEnCours t = d.tableau(List.of("Source A", "Chiffre A", "Source B", "Chiffre B", "Écart"), 1, 3, 4);
            for (Incoherence i : f.incoherences()) {
                t.ligne(i.sourceA() + (i.indicateur() == null ? "" : " - " + i.sujet()), chiffre(i, i.chiffreA()), i.sourceB(), chiffre(i, i.chiffreB()),
                        chiffre(i, i.difference()));
            }
            t.fin();
        }
        return d;
    }

    /** Amounts in euros, indicator values as plain French numbers. */
    private static String chiffre(Incoherence i, BigDecimal n) {
        if (i.genre() == Incoherence.Genre.PARTENAIRES_TOTAL || i.genre() == Incoherence.Genre.TABLEAU_DEPENSES) {
            return FormatFrancais.montant(n);
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() <= 0 ? FormatFrancais.entier(s.longValueExact()) : s.toPlainString().replace('.', ',');
    }

    /** A sheet's text: a paragraph per line, consecutive "- " or "• " lines as one list. */
    static void texte(DocumentImprimable d, String texte) {
        if (texte == null || texte.isBlank()) {
            d.paragraphe(NON_RENSEIGNE);
            return;
        }
        List<String> liste = new ArrayList<>();
        for (String ligne : texte.split("\n")) {
            String l = ligne.strip();
            if (l.startsWith("- ") || l.startsWith("• ")) {
                liste.add(l.substring(2).strip());
                continue;
            }
            if (!liste.isEmpty()) {
                d.liste(List.copyOf(liste));
                liste.clear();
            }
            if (!l.isEmpty()) {
                d.paragraphe(l);
            }
        }
        if (!liste.isEmpty()) {
            d.liste(List.copyOf(liste));
        }
    }
}
