package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;

/** The meeting pack's figures, computed as of the meeting's date, without a database. */
class DossierComiteTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 1);
    static final LocalDate REUNION = LocalDate.of(2024, 10, 15);

    final Convention c = EngagementTest.seed000();
    final InstanceGouvernance comite = InstanceGouvernance.instituer(c, TypeInstance.COMITE_SUIVI, "Comité de suivi local",
            InstanceGouvernanceTest.PARTIES, List.of("habitants"), null, List.of(), 4);

    Engagement permanences() {
        // seed 000 art. 11: half a day every two weeks in each of the two communes
        Engagement e = Engagement.prendre(c, "msa-porte-de-bretagne", "Article 11", NatureEngagement.PERMANENCE, "Permanences",
                BigDecimal.ONE, "demi-journée", Rythme.QUINZAINE, 2, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        e.realiser(LocalDate.of(2024, 3, 1), new BigDecimal("10"), null, "msa", AUJOURDHUI);
        e.realiser(LocalDate.of(2024, 6, 1), new BigDecimal("8"), null, "msa", AUJOURDHUI);
        e.realiser(LocalDate.of(2024, 9, 30), new BigDecimal("16"), null, "msa", AUJOURDHUI);
        // done after the meeting (recorded whenever): not counted in its pack
        e.realiser(LocalDate.of(2024, 10, 20), new BigDecimal("6"), null, "msa", AUJOURDHUI);
        return e;
    }

    Engagement tempsForts() {
        // seed 000 art. 13: half a day a quarter in Pipriac and in Redon
        Engagement e = Engagement.prendre(c, "redon-agglomeration", "Article 13", NatureEngagement.EVENEMENT, "Temps forts",
                BigDecimal.ONE, "demi-journée", Rythme.TRIMESTRIEL, 2, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        e.realiser(LocalDate.of(2024, 3, 15), new BigDecimal("2"), null, "agglo", AUJOURDHUI);
        return e;
    }

    Engagement flyers() {
        return Engagement.prendre(c, "redon-agglomeration", "Article 7", NatureEngagement.IMPRESSION, "Flyers", new BigDecimal("9400"), "flyer",
                Rythme.PONCTUEL, 1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    }

    Engagement pasCommence() {
        return Engagement.prendre(c, "redon-agglomeration", "Article 6", NatureEngagement.AUTRE, "Phase 2", BigDecimal.ONE, "bilan",
                Rythme.PONCTUEL, 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    @Test
    void lesEngagementsSontMesuresALaDateDeLaReunionEtComparesALaPrecedente() {
        comite.reunir(LocalDate.of(2024, 3, 20), null, c, AUJOURDHUI);
        comite.reunir(LocalDate.of(2024, 6, 18), null, c, AUJOURDHUI);
        comite.reunir(LocalDate.of(2024, 11, 5), "après la réunion du dossier", c, AUJOURDHUI);
        Engagement permanences = permanences();
        Engagement tempsForts = tempsForts();
        DossierComite d = DossierComite.au(c, comite, REUNION, List.of(permanences, tempsForts, flyers(), pasCommence()), List.of(), 60);

        assertEquals(LocalDate.of(2024, 6, 18), d.reunionPrecedente());
        // the third quarter (July to September) went by without a meeting
        assertEquals(List.of(LocalDate.of(2024, 7, 1)), d.periodesSansReunion());

        // 20 fortnights × 2 communes expected by 15 October; 34 done by then, the 6 of 20 October left out
        DossierComite.Indicateur p = d.indicateurs().get(0);
        assertEquals(new BigDecimal("40.00"), p.attendu());
        assertEquals(new BigDecimal("34.00"), p.realise());
        assertEquals(new BigDecimal("18.00"), p.realisePrecedent());
        assertEquals(new BigDecimal("75.0"), p.avancementPrecedent()); // 18 of 24
        assertEquals(new BigDecimal("85.0"), p.avancement());
        assertEquals(DossierComite.Tendance.HAUSSE, p.tendance());

        // two of two by June, two of six by October: behind, and going down
        DossierComite.Indicateur t = d.indicateurs().get(1);
        assertEquals(new BigDecimal("100.0"), t.avancementPrecedent());
        assertEquals(new BigDecimal("33.3"), t.avancement());
        assertEquals(DossierComite.Tendance.BAISSE, t.tendance());

        // a one-off not yet due: nothing expected, nothing done, flat
        DossierComite.Indicateur f = d.indicateurs().get(2);
        assertNull(f.avancement());
        assertEquals(DossierComite.Tendance.STABLE, f.tendance());
        assertEquals(3, d.indicateurs().size(), "l'engagement qui commence après la réunion n'y figure pas");

        assertEquals(2, d.engagementsEnRetard().size());
        assertEquals(new BigDecimal("6.00"), d.engagementsEnRetard().get(0).ecart());
        assertEquals(new BigDecimal("4.00"), d.engagementsEnRetard().get(1).ecart());
    }

    @Test
    void sansReunionPrecedenteIlNYAPasDeTendance() {
        DossierComite d = DossierComite.au(c, comite, REUNION, List.of(permanences()), List.of(), 60);
        assertNull(d.reunionPrecedente());
        assertEquals(DossierComite.Tendance.SANS_COMPARAISON, d.indicateurs().get(0).tendance());
        assertNull(d.indicateurs().get(0).realisePrecedent());
        assertEquals(3, d.periodesSansReunion().size());
    }

    @Test
    void lesEcheancesEtLesVersementsSontVusCommeALaReunion() {
        Echeance renegociation = new Echeance(c.id(), TypeEcheance.RENEGOCIATION, "Renégociation", "redon-agglomeration",
                LocalDate.of(2024, 9, 30), null);
        Echeance preavis = new Echeance(c.id(), TypeEcheance.PREAVIS, "Préavis", "redon-agglomeration", LocalDate.of(2024, 11, 30), null);
        Echeance lointain = new Echeance(c.id(), TypeEcheance.RAPPORT_INTERMEDIAIRE, "Rapport 2024", "redon-agglomeration",
                LocalDate.of(2025, 3, 31), null);
        Echeance faiteAvant = new Echeance(c.id(), TypeEcheance.RAPPORT_INTERMEDIAIRE, "Rapport fait", "redon-agglomeration",
                LocalDate.of(2024, 9, 1), null);
        faiteAvant.faire(LocalDate.of(2024, 8, 25), AUJOURDHUI);
        Echeance faiteApres = new Echeance(c.id(), TypeEcheance.RAPPORT_INTERMEDIAIRE, "Rapport intermédiaire 2023", "redon-agglomeration",
                LocalDate.of(2024, 9, 10), null);
        faiteApres.faire(LocalDate.of(2024, 11, 2), AUJOURDHUI);
        Echeance paye = Echeance.versement(c.id(), "Versement 1 (60 %)", "departement-35", new BigDecimal("431813.40"),
                TrancheVersement.Declencheur.SIGNATURE, 15, LocalDate.of(2024, 6, 10));
        paye.faire(LocalDate.of(2024, 7, 1), AUJOURDHUI);
        Echeance solde = Echeance.versement(c.id(), "Versement 2 (40 %)", "departement-35", new BigDecimal("287875.60"),
                TrancheVersement.Declencheur.RAPPORT_INTERMEDIAIRE, 30, null);
        // the report is produced after the meeting: the balance had no date then
        solde.declencher(TrancheVersement.Declencheur.RAPPORT_INTERMEDIAIRE, LocalDate.of(2024, 11, 2));
        Echeance enRetard = Echeance.versement(c.id(), "Versement 3", "departement-35", new BigDecimal("1000.01"),
                TrancheVersement.Declencheur.SIGNATURE, 10, LocalDate.of(2024, 9, 1));

        DossierComite d = DossierComite.au(c, comite, REUNION,
                List.of(), List.of(renegociation, preavis, lointain, faiteAvant, faiteApres, paye, solde, enRetard), 60);

        assertEquals(List.of("Rapport intermédiaire 2023", "Renégociation"),
                d.echeancesManquees().stream().map(e -> e.echeance().libelle()).toList());
        assertEquals(List.of(35L, 15L), d.echeancesManquees().stream().map(DossierComite.EcheanceOuverte::jours).toList());
        assertEquals(List.of("Préavis"), d.echeancesProches().stream().map(e -> e.echeance().libelle()).toList());
        assertEquals(46L, d.echeancesProches().get(0).jours());

        assertEquals(List.of("Versement 3", "Versement 2 (40 %)"), d.tranches().stream().map(v -> v.echeance().libelle()).toList());
        assertEquals(LocalDate.of(2024, 9, 11), d.tranches().get(0).dateDue());
        assertEquals(true, d.tranches().get(0).enRetard());
        assertNull(d.tranches().get(1).dateDue());
        assertEquals(new BigDecimal("288875.61"), d.totalTranches());

        // a shorter horizon leaves the notice out
        assertEquals(List.of(), DossierComite.au(c, comite, REUNION, List.of(), List.of(preavis), 45).echeancesProches());
        // a week later the balance is dated and paid nothing yet
        DossierComite plusTard = DossierComite.au(c, comite, LocalDate.of(2024, 11, 10), List.of(), List.of(solde), 60);
        assertEquals(LocalDate.of(2024, 12, 2), plusTard.tranches().get(0).dateDue());
    }

    @Test
    void uneDateHorsDeLaConventionEstRefusee() {
        for (LocalDate jour : List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2027, 1, 1))) {
            assertEquals("reunion", assertThrows(RegleMetierException.class,
                    () -> DossierComite.au(c, comite, jour, List.of(), List.of(), 60)).champ());
        }
    }
}
