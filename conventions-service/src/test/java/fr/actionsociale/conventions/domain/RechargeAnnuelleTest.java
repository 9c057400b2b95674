package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** Seed 004's yearly recharge, its rules without a database. */
class RechargeAnnuelleTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 2);
    static final List<String> CCAS = List.of("ccas-blain", "ccas-bouvron", "ccas-le-gavre", "ccas-la-chevallerais", "ccas-fay-de-bretagne",
            "ccas-notre-dame-des-landes");

    /** The six communes' populations of the 2012 vintage, the one last known in 2015 (deploy/local/demo/populations-insee.tsv). */
    static final List<RepartitionCharges.Population> MILLESIME_2012 = List.of(
            new RepartitionCharges.Population("ccas-blain", 9491, 2012), new RepartitionCharges.Population("ccas-bouvron", 2961, 2012),
            new RepartitionCharges.Population("ccas-le-gavre", 1677, 2012), new RepartitionCharges.Population("ccas-la-chevallerais", 1464, 2012),
            new RepartitionCharges.Population("ccas-fay-de-bretagne", 3386, 2012),
            new RepartitionCharges.Population("ccas-notre-dame-des-landes", 2008, 2012));

    static Convention seed004() {
        return Convention.rediger("RESEAU-ACTEURS-SOCIAUX-2014", "Réseau des acteurs sociaux", TypeConvention.PARTENARIAT, "ccas-blain", List.of(),
                List.of(), LocalDate.of(2014, 1, 1), LocalDate.of(2016, 12, 31), null, null, null, 3,
                CCAS.stream().map(i -> new Convention.NouvellePartie(i, i.equals("ccas-blain") ? RolePartie.PORTEUR : RolePartie.PARTENAIRE, null,
                        null, null)).toList());
    }

    static BigDecimal euros(String s) {
        return new BigDecimal(s);
    }

    @Test
    void chaqueCcasSupporteSaPartDuCoutCompletMoinsSesApportsAuCentimePres() {
        // 3 500,82 € of expenses paid by Blain; Blain's staff (3 000 €), Fay-de-Bretagne's room (240 €), Bouvron's equipment (150 €)
        List<RechargeAnnuelle.Ligne> lignes = RechargeAnnuelle.regulariser("ccas-blain", euros("3500.82"),
                Map.of("ccas-blain", euros("3000.00"), "ccas-fay-de-bretagne", euros("240.00"), "ccas-bouvron", euros("150.00")), MILLESIME_2012);
        assertEquals(List.of(
                new RechargeAnnuelle.Ligne("ccas-blain", 9491, 2012, euros("1583.18"), euros("1533.07"), euros("6500.82"), euros("-3384.57")),
                new RechargeAnnuelle.Ligne("ccas-bouvron", 2961, 2012, euros("493.92"), euros("478.29"), euros("150.00"), euros("822.21")),
                new RechargeAnnuelle.Ligne("ccas-le-gavre", 1677, 2012, euros("279.74"), euros("270.88"), euros("0.00"), euros("550.62")),
                new RechargeAnnuelle.Ligne("ccas-la-chevallerais", 1464, 2012, euros("244.21"), euros("236.48"), euros("0.00"), euros("480.69")),
                new RechargeAnnuelle.Ligne("ccas-fay-de-bretagne", 3386, 2012, euros("564.82"), euros("546.93"), euros("240.00"), euros("871.75")),
                new RechargeAnnuelle.Ligne("ccas-notre-dame-des-landes", 2008, 2012, euros("334.95"), euros("324.35"), euros("0.00"), euros("659.30"))),
                lignes);
        assertEquals(euros("3500.82"), lignes.stream().map(RechargeAnnuelle.Ligne::partDepenses).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(euros("3390.00"), lignes.stream().map(RechargeAnnuelle.Ligne::partMisesADisposition).reduce(BigDecimal.ZERO, BigDecimal::add));
        // what the others are called is exactly what Blain is owed
        assertEquals(euros("0.00"), lignes.stream().map(RechargeAnnuelle.Ligne::solde).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void sansMiseADispositionSeulesLesDepensesSontReparties() {
        List<RechargeAnnuelle.Ligne> lignes = RechargeAnnuelle.regulariser("ccas-blain", euros("4000.00"), Map.of(), MILLESIME_2012);
        assertTrue(lignes.stream().allMatch(l -> l.partMisesADisposition().signum() == 0));
        assertEquals(euros("4000.00"), lignes.stream().map(RechargeAnnuelle.Ligne::partDepenses).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(euros("0.00"), lignes.stream().map(RechargeAnnuelle.Ligne::solde).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    static Reunion reunion(Convention c, TypeInstance type, LocalDate date) {
        return InstanceGouvernance.instituer(c, type, "Comité", CCAS, List.of(), null, List.of(), 4).reunir(date, null, c, AUJOURDHUI);
    }

    @Test
    void uneDepenseEstProposeeAvecSaFactureDansLAnneeDuBudget() {
        Convention c = seed004();
        BudgetAnnuel b = BudgetAnnuel.voter(c, 2015, euros("4000"), "ccas-blain", LocalDate.of(2015, 1, 15), null, AUJOURDHUI);
        LocalDate facture = LocalDate.of(2015, 10, 8);
        assertEquals("montant", assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", null, facture, "F-1",
                "ccas-blain", null, AUJOURDHUI)).champ());
        assertEquals("montant", assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", euros("12.345"), facture,
                "F-1", "ccas-blain", null, AUJOURDHUI)).champ());
        assertEquals("dateFacture", assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", euros("10"), null,
                "F-1", "ccas-blain", null, AUJOURDHUI)).champ());
        RegleMetierException horsAnnee = assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", euros("10"),
                LocalDate.of(2016, 1, 4), "F-1", "ccas-blain", null, AUJOURDHUI));
        assertEquals("dateFacture", horsAnnee.champ());
        assertTrue(horsAnnee.raison().contains("en dehors de l'année 2015"), horsAnnee.raison());
        assertEquals("proposeePar", assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", euros("10"), facture,
                "F-1", "caf-35", null, AUJOURDHUI)).champ());
        assertEquals("proposeeLe", assertThrows(RegleMetierException.class, () -> DepenseReseau.proposer(c, b, "Salle", euros("10"), facture,
                "F-1", "ccas-blain", LocalDate.of(2015, 10, 1), AUJOURDHUI)).champ());
        assertEquals("annee", assertThrows(RegleMetierException.class, () -> BudgetAnnuel.voter(c, 2017, euros("4000"), "ccas-blain", null,
                null, AUJOURDHUI)).champ());
    }

    @Test
    void seulLeComiteDePilotageDeLaConventionValideEtDansLeBudget() {
        Convention c = seed004();
        BudgetAnnuel b = BudgetAnnuel.voter(c, 2015, euros("4000"), "ccas-blain", LocalDate.of(2015, 1, 15), null, AUJOURDHUI);
        DepenseReseau d = DepenseReseau.proposer(c, b, "Salle de la journée annuelle", euros("1250.00"), LocalDate.of(2015, 10, 8), "F-2015-031",
                "ccas-blain", LocalDate.of(2015, 10, 12), AUJOURDHUI);
        LocalDate copil = LocalDate.of(2015, 11, 26);
        assertEquals("reunionId", assertThrows(RegleMetierException.class, () -> d.valider(reunion(c, TypeInstance.COMITE_SUIVI, copil),
                "Validée", b, BigDecimal.ZERO)).champ());
        assertEquals("reunionId", assertThrows(RegleMetierException.class, () -> d.valider(reunion(seed004(), TypeInstance.COMITE_PILOTAGE, copil),
                "Validée", b, BigDecimal.ZERO)).champ(), "le comité d'une autre convention");
        assertEquals("reunionId", assertThrows(RegleMetierException.class, () -> d.valider(reunion(c, TypeInstance.COMITE_PILOTAGE,
                LocalDate.of(2015, 9, 17)), "Validée", b, BigDecimal.ZERO)).champ(), "une réunion avant la proposition");
        assertEquals("montant", assertThrows(RegleMetierException.class, () -> d.valider(reunion(c, TypeInstance.COMITE_PILOTAGE, copil),
                "Validée", b, euros("2750.01"))).champ(), "au-delà des 4 000 €");
        assertEquals(EtatDepense.PROPOSEE, d.etat());
        assertThrows(EtatInvalideException.class, () -> d.payer(LocalDate.of(2015, 12, 2), AUJOURDHUI), "payée avant d'être validée");

        d.valider(reunion(c, TypeInstance.COMITE_PILOTAGE, copil), "Relevé de décisions, point 2", b, euros("2750.00"));
        assertEquals(EtatDepense.VALIDEE, d.etat());
        assertEquals(copil, d.valideeLe());
        assertThrows(EtatInvalideException.class, () -> d.valider(reunion(c, TypeInstance.COMITE_PILOTAGE, copil), "Encore", b, BigDecimal.ZERO));
        assertEquals("date", assertThrows(RegleMetierException.class, () -> d.payer(LocalDate.of(2015, 11, 25), AUJOURDHUI)).champ());
        assertEquals("date", assertThrows(RegleMetierException.class, () -> d.payer(AUJOURDHUI.plusDays(1), AUJOURDHUI)).champ());
        d.payer(LocalDate.of(2015, 12, 2), AUJOURDHUI);
        assertTrue(d.payeeAu(LocalDate.of(2015, 12, 2)));
        assertTrue(!d.payeeAu(LocalDate.of(2015, 12, 1)));
        assertThrows(EtatInvalideException.class, () -> d.payer(LocalDate.of(2015, 12, 3), AUJOURDHUI));
    }

    @Test
    void uneRevisionDuBudgetGardeLaTraceEtNePassePasSousLeValide() {
        Convention c = seed004();
        BudgetAnnuel b = BudgetAnnuel.voter(c, 2015, euros("4000"), "ccas-blain", LocalDate.of(2015, 1, 15), null, AUJOURDHUI);
        assertEquals(false, b.reviser(c, euros("4000.00"), "ccas-blain", null, null, BigDecimal.ZERO, false, AUJOURDHUI));
        assertEquals("motif", assertThrows(RegleMetierException.class, () -> b.reviser(c, euros("4500"), "ccas-blain", LocalDate.of(2015, 6, 11),
                null, BigDecimal.ZERO, false, AUJOURDHUI)).champ());
        assertEquals("montant", assertThrows(RegleMetierException.class, () -> b.reviser(c, euros("3000"), "ccas-blain", LocalDate.of(2015, 6, 11),
                "Moins", euros("3200.00"), false, AUJOURDHUI)).champ());
        assertEquals("decideLe", assertThrows(RegleMetierException.class, () -> b.reviser(c, euros("4500"), "ccas-blain", LocalDate.of(2015, 1, 1),
                "Plus", BigDecimal.ZERO, false, AUJOURDHUI)).champ());
        assertThrows(EtatInvalideException.class, () -> b.reviser(c, euros("4500"), "ccas-blain", LocalDate.of(2015, 6, 11), "Plus",
                BigDecimal.ZERO, true, AUJOURDHUI));
        assertTrue(b.reviser(c, euros("4500"), "ccas-blain", LocalDate.of(2015, 6, 11), "Journée annuelle élargie", BigDecimal.ZERO, false, AUJOURDHUI));
        assertEquals(List.of(new BudgetAnnuel.Revision(euros("4000.00"), LocalDate.of(2015, 1, 15), "Budget prévisionnel établi par le comité de pilotage"),
                new BudgetAnnuel.Revision(euros("4500.00"), LocalDate.of(2015, 6, 11), "Journée annuelle élargie")), b.revisions());
        assertEquals(euros("4500.00"), b.montant());
    }

    @Test
    void unAppelSansDepenseValideeEstRefuse() {
        Convention c = seed004();
        BudgetAnnuel b = BudgetAnnuel.voter(c, 2015, euros("4000"), "ccas-blain", LocalDate.of(2015, 1, 15), null, AUJOURDHUI);
        RegleMetierException e = assertThrows(RegleMetierException.class, () -> AppelRegularisation.emettre(c, b, LocalDate.of(2015, 12, 15),
                List.of(), List.of(), List.of(), AUJOURDHUI));
        assertEquals("annee", e.champ());
        DepenseReseau d = DepenseReseau.proposer(c, b, "Salle", euros("1250.00"), LocalDate.of(2015, 10, 8), "F-1", "ccas-blain",
                LocalDate.of(2015, 10, 12), AUJOURDHUI);
        d.valider(reunion(c, TypeInstance.COMITE_PILOTAGE, LocalDate.of(2015, 11, 26)), "Validée", b, BigDecimal.ZERO);
        // validated but not yet paid on the call's date: nothing to recharge yet
        assertEquals("date", assertThrows(RegleMetierException.class, () -> AppelRegularisation.emettre(c, b, LocalDate.of(2015, 12, 15),
                List.of(d), List.of(), MILLESIME_2012, AUJOURDHUI)).champ());
        d.payer(LocalDate.of(2015, 12, 2), AUJOURDHUI);
        assertEquals("date", assertThrows(RegleMetierException.class, () -> AppelRegularisation.emettre(c, b, LocalDate.of(2014, 12, 15),
                List.of(d), List.of(), MILLESIME_2012, AUJOURDHUI)).champ(), "avant l'année");
        AppelRegularisation a = AppelRegularisation.emettre(c, b, LocalDate.of(2015, 12, 15), List.of(d), List.of(), MILLESIME_2012, AUJOURDHUI);
        assertEquals(2012, a.millesime());
        assertEquals(5, a.appeles().size());
        assertEquals(a.id(), d.appelId());
        assertEquals(euros("1250.00"), a.totalDepenses());
    }
}
