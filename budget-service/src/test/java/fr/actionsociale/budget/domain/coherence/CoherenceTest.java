package fr.actionsociale.budget.domain.coherence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The comparison rules, on the figures of seed 003. */
class CoherenceTest {

    private static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void lesMontantsCitesSontLusCommeLesEcritLeSeed() {
        // seed 003's table, action 3.2: five partners for 30,000 €
        assertEquals(List.of(m("10000.00"), m("5000.00"), m("5000.00"), m("5000.00"), m("5000.00")),
                Coherence.montantsCites("Participations Waker: 10000€, ML Fougrès: 5000€, ML Vitré:5000€, ML Redon: 5000€, ML St malo: 5000€"));
        assertEquals(List.of(m("45000.00"), m("45000.00"), m("45000.00"), m("22500.00")), Coherence.montantsCites("Participations Emmaüs Pays de "
                + "Rennes (45000€) ; Le relais pour l'Emploi (45000€) ; Les Compagnons Bâisseurs (45 000€) ; CLPS-PRELUDE (22 500€)."));
        assertEquals(List.of(m("146775.39"), m("86775.39")), Coherence.montantsCites("Part Etat =146 775,39€ dont 86 775,39€ de reports 2021"));
        assertEquals(List.of(m("106000.00")), Coherence.montantsCites("postes: 2ETP service RSA: 106000 €"));
        assertEquals(List.of(), Coherence.montantsCites("Postes : 1 ETP -RS- + 1 ETP coordinatrice 1er ASIP PTSP"));
        assertEquals(List.of(), Coherence.montantsCites(null));
    }

    @Test
    void uneCelluleDIndicateurNEstUnNombreQueSiElleNeDitRienDAutre() {
        assertEquals(Optional.of(m("1095")), Coherence.nombre("1 095"));
        assertEquals(Optional.of(m("6494")), Coherence.nombre("6 494"));
        assertEquals(Optional.of(m("23.5")), Coherence.nombre("23,5 jrs"));
        assertEquals(Optional.of(m("70")), Coherence.nombre("70 %"));
        assertEquals(Optional.empty(), Coherence.nombre("19731 mensuel"));
        assertEquals(Optional.empty(), Coherence.nombre("200 (travailleurs sociaux sensibilisés)"));
        assertEquals(Optional.empty(), Coherence.nombre("/"));
    }

    @Test
    void lAnnexe9EtLaFicheSontCompareesPeriodeParPeriode() {
        Incoherence i = Coherence.indicateur(List.of("4.1"), "CALPAE-3.1-3", "Nombre total de 1ers rendez-vous d'accompagnement fixés", "2021",
                m("764"), List.of(m("1095"))).orElseThrow();
        assertEquals(Incoherence.Genre.ANNEXE_9_FICHE, i.genre());
        assertEquals("4.1", i.action());
        assertEquals(0, i.chiffreA().compareTo(m("764")));
        assertEquals(0, i.chiffreB().compareTo(m("1095")));
        assertEquals(0, i.difference().compareTo(m("-331")));
        assertTrue(i.sourceA().startsWith("Annexe 9"), i.sourceA());
        assertTrue(i.sourceB().startsWith("Fiche action 4.1"), i.sourceB());
        assertEquals(Optional.empty(), Coherence.indicateur(List.of("4.1"), "CALPAE-3.1-1", "x", "2021", m("4427"), List.of(m("4427.00"))));
    }

    @Test
    void unIndicateurSuiviParPlusieursActionsEstCompareASaSomme() {
        // annex 9's "2.2 Référent de parcours" = sheets 3.1 (PPEF) + 3.2 (Missions locales): 495 + 58 = 553 in 2020
        assertEquals(Optional.empty(), Coherence.indicateur(List.of("3.1", "3.2"), "CALPAE-2.2-1", "x", "2020", m("553"), List.of(m("495"), m("58"))));
        Incoherence i = Coherence.indicateur(List.of("3.1", "3.2"), "CALPAE-2.2-2", "x", "2021", m("3359"), List.of(m("1126"), m("1711")))
                .orElseThrow();
        assertEquals(0, i.chiffreB().compareTo(m("2837")));
        assertEquals(0, i.difference().compareTo(m("522")));
        assertEquals("3.1, 3.2", i.action());
        assertTrue(i.sourceB().startsWith("Fiches actions 3.1 + 3.2"), i.sourceB());
    }

    @Test
    void desPartenairesQuiSePartagentLaPartDeLEtatLEpuisent() {
        List<BigDecimal> tableau32 = Coherence.montantsCites("Participations Waker: 10000€, ML Fougrès: 5000€, ML Vitré:5000€, ML Redon: 5000€, ML St malo: 5000€");
        Incoherence i = Coherence.partenaires("3.2", "Tableau", tableau32, "Participation", m("40000.00")).orElseThrow();
        assertEquals(Incoherence.Genre.PARTENAIRES_TOTAL, i.genre());
        assertEquals(m("30000.00"), i.chiffreA());
        assertEquals(m("40000.00"), i.chiffreB());
        assertEquals(m("-10000.00"), i.difference());
        // the sheet's split of the same share adds up
        assertEquals(Optional.empty(), Coherence.partenaires("3.2", "Fiche", List.of(m("20000"), m("5000"), m("5000"), m("5000"), m("5000")), "P",
                m("40000.00")));
        // one amount beside unpriced expenses is a part, not a split; a part larger than the whole is not
        assertEquals(Optional.empty(), Coherence.partenaires("5.1", "T", List.of(m("15000.00")), "P", m("130000.00")));
        assertEquals(m("46000.00"), Coherence.partenaires("4.1", "T", List.of(m("106000.00")), "P", m("60000.00")).orElseThrow().difference());
        assertEquals(Optional.empty(), Coherence.partenaires("5.7", "T", List.of(), "P", m("43082.00")));
    }

    @Test
    void leTableauEtLesDepensesEtLeDirectEtLaSaisie() {
        Incoherence d = Coherence.depenses("4.1", "2022", "30/06/2023", m("82000.00"), m("1000.10")).orElseThrow();
        assertEquals(m("80999.90"), d.difference());
        assertEquals(Optional.empty(), Coherence.depenses("4.1", "2022", "30/06/2023", m("82000.00"), m("82000")));
        Incoherence x = Coherence.direct(null, "I", "Nouveaux entrants", "2019", "parcours:nouveauxEntrants", m("25"), m("20")).orElseThrow();
        assertEquals(Incoherence.Genre.DIRECT_SAISIE, x.genre());
        assertEquals(0, x.difference().compareTo(m("5")));
        assertEquals(Optional.empty(), Coherence.direct(null, "I", "x", "2019", "orientations", m("20.00"), m("20")));
    }
}
