package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.conventions.domain.AppelRegularisation;
import fr.actionsociale.conventions.domain.BudgetAnnuel;
import fr.actionsociale.conventions.domain.DepenseReseau;
import fr.actionsociale.conventions.domain.EtatDepense;
import fr.actionsociale.conventions.domain.MiseADisposition;
import fr.actionsociale.conventions.domain.PopulationInsee;

/** The API models of seed 004's yearly recharge (the entities are not the API). */
final class RechargeVues {

    private RechargeVues() {
    }

    @Schema(name = "RevisionBudget", description = "Un montant que le budget a eu, avec la date de la décision et sa raison")
    record RevisionVue(BigDecimal montant, LocalDate decideLe, String motif) {
    }

    @Schema(name = "DepenseReseau")
    record DepenseVue(UUID id, int annee, String objet, @Schema(example = "512.40") BigDecimal montant, LocalDate dateFacture,
            String numeroFacture, String proposeePar, LocalDate proposeeLe, @Schema(enumeration = { "PROPOSEE", "VALIDEE", "PAYEE" }) String etat,
            @Schema(description = "La réunion du comité de pilotage qui l'a validée ; null : pas encore validée") UUID reunionId,
            @Schema(description = "La décision du comité (référence ou libellé)") String decision, LocalDate valideeLe, LocalDate payeeLe,
            @Schema(description = "L'appel à régularisation qui l'a reprise ; null : aucun encore") UUID appelId) {
        static DepenseVue de(DepenseReseau d) {
            return new DepenseVue(d.id(), d.annee(), d.objet(), d.montant(), d.dateFacture(), d.numeroFacture(), d.proposeePar(), d.proposeeLe(),
                    d.etat().name(), d.reunionId(), d.decision(), d.valideeLe(), d.payeeLe(), d.appelId());
        }
    }

    @Schema(name = "MiseADisposition")
    record MiseVue(UUID id, int annee, String fournisseur, @Schema(enumeration = { "PERSONNEL", "LOCAUX", "MATERIEL" }) String nature,
            String libelle, BigDecimal montant, UUID appelId) {
        static MiseVue de(MiseADisposition m) {
            return new MiseVue(m.id(), m.annee(), m.fournisseur(), m.nature().name(), m.libelle(), m.montant(), m.appelId());
        }
    }

    @Schema(name = "BudgetAnnuel", description = "Le budget de fonctionnement d'une année, ses révisions, ses dépenses et les mises à disposition valorisées")
    record BudgetVue(UUID id, UUID conventionId, int annee, @Schema(example = "4000.00") BigDecimal montant,
            @Schema(description = "La partie qui avance les fonds") String avancePar, List<RevisionVue> revisions,
            @Schema(description = "Dépenses validées ou payées") BigDecimal totalValide, BigDecimal totalPaye,
            @Schema(description = "Montant - totalValide") BigDecimal disponible, List<DepenseVue> depenses,
            List<MiseVue> misesADisposition, BigDecimal totalMisesADisposition, boolean appelEmis) {
        static BudgetVue de(BudgetAnnuel b, List<DepenseReseau> depenses, List<MiseADisposition> mises, boolean appelEmis) {
            BigDecimal valide = somme(depenses.stream().filter(d -> d.etat() != EtatDepense.PROPOSEE).map(DepenseReseau::montant).toList());
            BigDecimal paye = somme(depenses.stream().filter(d -> d.etat() == EtatDepense.PAYEE).map(DepenseReseau::montant).toList());
            return new BudgetVue(b.id(), b.conventionId(), b.annee(), b.montant(), b.avancePar(),
                    b.revisions().stream().map(r -> new RevisionVue(r.montant(), r.decideLe(), r.motif())).toList(), valide, paye,
                    b.montant().subtract(valide), depenses.stream().map(DepenseVue::de).toList(), mises.stream().map(MiseVue::de).toList(),
                    somme(mises.stream().map(MiseADisposition::montant).toList()), appelEmis);
        }
    }

    static BigDecimal somme(List<BigDecimal> montants) {
        return montants.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Schema(name = "LigneAppelRegularisation", description = "La part d'une partie : solde = partDepenses + partMisesADisposition - apports ; "
            + "positif, la partie le verse au créancier ; négatif, le créancier le lui doit")
    record LigneVue(String institution, long habitants, BigDecimal partDepenses, BigDecimal partMisesADisposition, BigDecimal apports,
            BigDecimal solde, @Schema(description = "Le document de l'appel (PDF) ; null pour le créancier") String pdf,
            @Schema(description = "Le même document en HTML ; null pour le créancier") String html) {
    }

    @Schema(name = "AppelRegularisation")
    record AppelVue(UUID id, UUID conventionId, int annee, LocalDate dateAppel,
            @Schema(description = "Le millésime INSEE dernièrement connu à la date de l'appel (en vigueur depuis le 1er janvier millésime + 3)")
            int millesime, String regleMillesime, String regleArrondi, String creancier, BigDecimal totalDepenses, BigDecimal totalMisesADisposition,
            List<LigneVue> lignes) {
        static AppelVue de(AppelRegularisation a) {
            String base = "/conventions/" + a.conventionId() + "/appels-regularisation/" + a.annee() + "/";
            return new AppelVue(a.id(), a.conventionId(), a.annee(), a.dateAppel(), a.millesime(), RechargeVues.regleMillesime(a),
                    fr.actionsociale.conventions.domain.RepartitionCharges.REGLE_ARRONDI, a.creancier(), a.totalDepenses(),
                    a.totalMisesADisposition(), a.lignes().stream().map(l -> {
                        boolean appele = !l.institution().equals(a.creancier());
                        return new LigneVue(l.institution(), l.habitants(), l.partDepenses(), l.partMisesADisposition(), l.apports(), l.solde(),
                                appele ? base + l.institution() + ".pdf" : null, appele ? base + l.institution() + ".html" : null);
                    }).toList());
        }
    }

    static String regleMillesime(AppelRegularisation a) {
        return "« Le nombre d'habitants dernièrement connu selon l'Insee » à la date de l'appel : la population légale du millésime "
                + a.millesime() + ", publiée fin décembre " + (a.millesime() + PopulationInsee.DECALAGE - 1) + ", en vigueur depuis le 1er janvier "
                + (a.millesime() + PopulationInsee.DECALAGE) + ".";
    }
}
