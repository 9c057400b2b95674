package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;

class EngagementTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);

    static Convention seed000() {
        return Convention.rediger("RAD", "Recours aux droits", TypeConvention.PARTENARIAT, "redon-agglomeration",
                List.of("35220", "35236"), List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), null, null, null, null,
                List.of(new Convention.NouvellePartie("redon-agglomeration", RolePartie.PORTEUR, null, null, null),
                        new Convention.NouvellePartie("msa-porte-de-bretagne", RolePartie.PARTENAIRE, null, null, null)));
    }

    @Test
    void unEvenementNeCompteQuePendantLaPeriodeDeLEngagement() {
        Engagement e = Engagement.prendre(seed000(), "msa-porte-de-bretagne", "Article 9", NatureEngagement.AUTRE, "Orientations reçues",
                BigDecimal.TEN, "orientation", Rythme.SUR_LA_DUREE, 1, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31));
        assertFalse(e.couvre(LocalDate.of(2024, 8, 31)));
        assertTrue(e.couvre(LocalDate.of(2024, 9, 1)));
        assertTrue(e.couvre(LocalDate.of(2025, 8, 31)));
        assertFalse(e.couvre(LocalDate.of(2025, 9, 1)));
    }

    @Test
    void uneDemiJourneeToutesLesDeuxSemainesParCommunePendantDouzeMois() {
        Engagement e = Engagement.prendre(seed000(), "msa-porte-de-bretagne", "Article 9", NatureEngagement.PERMANENCE,
                "Permanence d'une demi-journée tous les 15 jours dans chaque commune", BigDecimal.ONE, "demi-journée",
                Rythme.QUINZAINE, 2, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31));
        assertEquals(new BigDecimal("52.00"), e.totalAttendu()); // 26 fortnights × 2 communes
        assertEquals(new BigDecimal("6.00"), e.attenduAu(LocalDate.of(2024, 10, 13))); // 3 fortnights done
        e.realiser(LocalDate.of(2024, 9, 10), new BigDecimal("2"), null, "msa-porte-de-bretagne", AUJOURDHUI);
        e.realiser(LocalDate.of(2024, 9, 24), new BigDecimal("2"), null, "msa-porte-de-bretagne", AUJOURDHUI);
        assertTrue(e.enRetardAu(LocalDate.of(2024, 10, 13)), "4 demi-journées tenues pour 6 attendues");
        e.realiser(LocalDate.of(2024, 10, 8), new BigDecimal("2"), null, "msa-porte-de-bretagne", AUJOURDHUI);
        assertFalse(e.enRetardAu(LocalDate.of(2024, 10, 13)));
        assertEquals(new BigDecimal("11.5"), e.tauxRealisation()); // 6 of 52
    }

    @Test
    void uneQuantiteSurLaDureeEstAttendueAuProrataDuTempsEcoule() {
        Engagement e = Engagement.prendre(seed000(), "redon-agglomeration", "Article 6", NatureEngagement.EVENEMENT,
                "11 journées minimum d'ouverture des droits", new BigDecimal("11"), "jour", Rythme.SUR_LA_DUREE, 1,
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        assertEquals(new BigDecimal("11.00"), e.totalAttendu());
        assertEquals(new BigDecimal("5.50"), e.attenduAu(LocalDate.of(2025, 7, 1))); // 548 of 1096 days
        assertEquals(new BigDecimal("5.51"), e.attenduAu(LocalDate.of(2025, 7, 2))); // 549 of 1096, rounded down
        assertEquals(new BigDecimal("0.00"), e.attenduAu(LocalDate.of(2023, 12, 31)));
    }

    @Test
    void unEngagementPonctuelNestDuQuALaFin() {
        Engagement e = Engagement.prendre(seed000(), "redon-agglomeration", "Article 7", NatureEngagement.IMPRESSION,
                "Impression de 9 400 flyers", new BigDecimal("9400"), "flyer", Rythme.PONCTUEL, 1,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertFalse(e.enRetardAu(LocalDate.of(2024, 6, 29)));
        assertTrue(e.enRetardAu(LocalDate.of(2024, 6, 30)));
        e.realiser(LocalDate.of(2024, 5, 2), new BigDecimal("9400"), "livrés", "redon-agglomeration", AUJOURDHUI);
        assertEquals(new BigDecimal("100.0"), e.tauxRealisation());
    }

    @Test
    void lesEngagementsIncoherentsSontRefuses() {
        assertEquals("institution", assertThrows(RegleMetierException.class, () -> Engagement.prendre(seed000(), "caf-35", "Art. 1",
                NatureEngagement.AUTRE, "x", BigDecimal.ONE, "u", Rythme.PONCTUEL, 1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1))).champ());
        assertEquals("dateDebut", assertThrows(RegleMetierException.class, () -> Engagement.prendre(seed000(), "redon-agglomeration", "Art. 1",
                NatureEngagement.AUTRE, "x", BigDecimal.ONE, "u", Rythme.PONCTUEL, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 2, 1))).champ());
        Engagement e = Engagement.prendre(seed000(), "redon-agglomeration", "Art. 1", NatureEngagement.AUTRE, "x", BigDecimal.ONE, "u",
                Rythme.PONCTUEL, 1, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
        assertEquals("date", assertThrows(RegleMetierException.class,
                () -> e.realiser(AUJOURDHUI.plusDays(1), BigDecimal.ONE, null, "x", AUJOURDHUI)).champ());
    }

    static Engagement fraisDeFonctionnement(String taux) {
        return Engagement.prendre(seed000(), "msa-porte-de-bretagne", "Article 10", NatureEngagement.VALORISATION,
                "Frais de fonctionnement liés à l'embauche du référent", BigDecimal.ONE, "trimestre", Rythme.TRIMESTRIEL, 1,
                LocalDate.of(2024, 9, 1), LocalDate.of(2025, 11, 30))
                .valoriser(new Valorisation(new BigDecimal(taux), "frais salariaux du référent Accès aux droits", null));
    }

    @Test
    void leMontantValoriseEstLAssietteAuTauxArrondiAuCentimeDemiSuperieur() {
        assertEquals(new BigDecimal("1500.00"), new Valorisation(new BigDecimal("15"), "frais salariaux", null).appliquer(new BigDecimal("10000.00")));
        // 333.33 × 15 % = 49.9995: half up to the cent
        assertEquals(new BigDecimal("50.00"), new Valorisation(new BigDecimal("15"), "frais salariaux", null).appliquer(new BigDecimal("333.33")));
        // 100.01 × 33.33 % = 33.333333
        assertEquals(new BigDecimal("33.33"), new Valorisation(new BigDecimal("33.33"), "frais salariaux", null).appliquer(new BigDecimal("100.01")));
        // 0.05 × 50 % = 0.025: the half cent goes up, 0.03 × 50 % = 0.015 too
        assertEquals(new BigDecimal("0.03"), new Valorisation(new BigDecimal("50"), "temps du chargé de communication", null).appliquer(new BigDecimal("0.05")));
        assertEquals(new BigDecimal("0.02"), new Valorisation(new BigDecimal("50"), "temps du chargé de communication", null).appliquer(new BigDecimal("0.03")));
        // 0.01 × 33.33 % = 0.003333: below half a cent
        assertEquals(new BigDecimal("0.00"), new Valorisation(new BigDecimal("33.33"), "frais salariaux", null).appliquer(new BigDecimal("0.01")));
    }

    @Test
    void unEngagementValoriseSommeLesMontantsValorisesDeSesRealisations() {
        Engagement e = fraisDeFonctionnement("15");
        assertEquals(new BigDecimal("0.00"), e.montantValorise());
        Realisation t1 = e.realiser(LocalDate.of(2024, 11, 30), BigDecimal.ONE, new BigDecimal("10000.00"), "T1", "msa-porte-de-bretagne", AUJOURDHUI);
        Realisation t2 = e.realiser(LocalDate.of(2025, 2, 28), BigDecimal.ONE, new BigDecimal("333.33"), "T2", "msa-porte-de-bretagne", AUJOURDHUI);
        Realisation sansAssiette = e.realiser(LocalDate.of(2025, 5, 31), BigDecimal.ONE, null, "T3", "msa-porte-de-bretagne", AUJOURDHUI);
        assertEquals(new BigDecimal("1500.00"), t1.montantValorise());
        assertEquals(new BigDecimal("50.00"), t2.montantValorise());
        assertEquals(null, sansAssiette.montantValorise());
        // the sum of the rounded amounts, as each réalisation shows them
        assertEquals(new BigDecimal("1550.00"), e.montantValorise());
        assertEquals(new BigDecimal("15.00"), e.valorisation().taux());
    }

    @Test
    void unEngagementNonValoriseNaNiValorisationNiMontantValorise() {
        Engagement e = Engagement.prendre(seed000(), "redon-agglomeration", "Article 7", NatureEngagement.IMPRESSION,
                "Impression de 9 400 flyers", new BigDecimal("9400"), "flyer", Rythme.PONCTUEL, 1,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        assertEquals(null, e.valorisation());
        assertEquals(null, e.montantValorise());
        assertEquals("montantAssiette", assertThrows(RegleMetierException.class, () -> e.realiser(LocalDate.of(2024, 5, 2),
                new BigDecimal("9400"), new BigDecimal("100.00"), null, "redon-agglomeration", AUJOURDHUI)).champ());
        assertTrue(e.realisations().isEmpty());
    }

    @Test
    void uneValorisationIncoherenteEstRefusee() {
        for (String taux : List.of("0", "-1", "100.01", "101", "15.125")) {
            assertEquals("valorisation.taux", assertThrows(RegleMetierException.class,
                    () -> new Valorisation(new BigDecimal(taux), "frais salariaux", null)).champ(), taux);
        }
        assertEquals(new BigDecimal("15.00"), new Valorisation(new BigDecimal("15.000"), "frais salariaux", null).taux());
        assertEquals(new BigDecimal("100.00"), new Valorisation(new BigDecimal("100"), "frais salariaux", null).taux());
        assertEquals("valorisation.assiette", assertThrows(RegleMetierException.class,
                () -> new Valorisation(BigDecimal.TEN, " ", null)).champ());
        assertEquals("valorisation.assiette", assertThrows(RegleMetierException.class,
                () -> new Valorisation(BigDecimal.TEN, "x".repeat(301), null)).champ());
        assertEquals("valorisation.montantPrevu", assertThrows(RegleMetierException.class,
                () -> new Valorisation(BigDecimal.TEN, "frais salariaux", new BigDecimal("-0.01"))).champ());
        assertEquals("valorisation.montantPrevu", assertThrows(RegleMetierException.class,
                () -> new Valorisation(BigDecimal.TEN, "frais salariaux", new BigDecimal("1.001"))).champ());
        Engagement e = fraisDeFonctionnement("15");
        assertEquals("montantAssiette", assertThrows(RegleMetierException.class, () -> e.realiser(LocalDate.of(2024, 11, 30), BigDecimal.ONE,
                new BigDecimal("1.005"), null, "msa-porte-de-bretagne", AUJOURDHUI)).champ());
    }
}
