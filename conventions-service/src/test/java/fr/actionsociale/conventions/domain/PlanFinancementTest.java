package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;

class PlanFinancementTest {

    private static Financement part(int rang, String montant, String taux, Financement.Nature nature) {
        return new Financement(rang, "F" + rang, null, nature, montant == null ? null : new BigDecimal(montant),
                taux == null ? null : new BigDecimal(taux), null);
    }

    @Test
    void leBudgetSeDeduitDUnePartDonneeEnMontantEtEnTaux() {
        // seed 000: 396,795 € = 80 % of the budget
        PlanFinancement.Bilan b = PlanFinancement.verifier(null, List.of(part(1, "396795", "80", Financement.Nature.FINANCIERE),
                part(2, null, null, Financement.Nature.VALORISEE)));
        assertEquals(new BigDecimal("495993.75"), b.budget());
        assertTrue(b.budgetDeduit());
        assertEquals(new BigDecimal("99198.75"), b.resteACouvrir());
        assertEquals(1, b.nonChiffres().size());
        assertFalse(b.equilibre());
    }

    @Test
    void unTauxSeChiffreAuCentimeEtLesPartsCouvrentLeBudget() {
        PlanFinancement.Bilan b = PlanFinancement.verifier(new BigDecimal("1000.01"), List.of(part(1, null, "33.33", Financement.Nature.FINANCIERE),
                part(2, "666.71", null, Financement.Nature.VALORISEE)));
        assertEquals(new BigDecimal("333.30"), b.parts().get(0).montant());
        assertTrue(b.parts().get(0).deduit());
        assertTrue(b.equilibre());
    }

    @Test
    void desPartsQuiDepassentLeBudgetOuUnMontantQueSonTauxDementSontRefuses() {
        RegleMetierException e = assertThrows(RegleMetierException.class, () -> PlanFinancement.verifier(new BigDecimal("1000"),
                List.of(part(1, null, "80", Financement.Nature.FINANCIERE), part(2, "200.01", null, Financement.Nature.FINANCIERE))));
        assertEquals("financements", e.champ());
        RegleMetierException t = assertThrows(RegleMetierException.class, () -> PlanFinancement.verifier(new BigDecimal("1000"),
                List.of(part(1, "700", "80", Financement.Nature.FINANCIERE))));
        assertEquals("financements[0].taux", t.champ());
    }

    @Test
    void sansBudgetNiTauxLePlanNeSeRapprocheDeRien() {
        PlanFinancement.Bilan b = PlanFinancement.verifier(null, List.of(part(1, "100", null, Financement.Nature.FINANCIERE)));
        assertNull(b.budget());
        assertNull(b.resteACouvrir());
        assertFalse(b.equilibre());
    }

    @Test
    void lesVoixDUneDeliberationTombentJusteOuSontRefusees() {
        LocalDate jour = LocalDate.of(2026, 1, 1);
        // seed 001: 53 + 0 + 1 = 50 présents + 4 pouvoirs
        Deliberation d = Deliberation.enregistrer("departement-35", OrganeDeliberant.COMMISSION_PERMANENTE, "CP20242444", LocalDate.of(2024, 7, 8),
                "x", new Deliberation.Votes(50, 4, 53, 0, 1, null), LocalDate.of(2024, 7, 9), null, List.of(ActeAutorise.AUTORISER_SIGNATAIRE),
                null, jour);
        assertTrue(d.adoptee());
        assertTrue(d.unanimite());
        assertNull(d.executoireLe());
        RegleMetierException e = assertThrows(RegleMetierException.class, () -> Deliberation.enregistrer("d", OrganeDeliberant.COMMISSION_PERMANENTE,
                null, LocalDate.of(2024, 7, 8), "x", new Deliberation.Votes(50, 4, 53, 1, 1, null), null, null,
                List.of(ActeAutorise.AUTORISER_SIGNATAIRE), null, jour));
        assertEquals("votes", e.champ());
        RegleMetierException p = assertThrows(RegleMetierException.class, () -> Deliberation.enregistrer("d", OrganeDeliberant.COMMISSION_PERMANENTE,
                null, LocalDate.of(2024, 7, 8), "x", new Deliberation.Votes(null, null, 53, null, 1, null), null, null,
                List.of(ActeAutorise.AUTORISER_SIGNATAIRE), null, jour));
        assertEquals("votes", p.champ());
    }

    @Test
    void leMillesimeEnVigueurEstCeluiPublieTroisAnsPlusTot() {
        assertEquals(2011, PopulationInsee.millesimeEnVigueur(LocalDate.of(2014, 1, 1)));
        assertEquals(2013, PopulationInsee.millesimeEnVigueur(LocalDate.of(2016, 12, 31)));
        assertThrows(RegleMetierException.class, () -> PopulationInsee.enregistrer("x", 2024, 10, "INSEE", LocalDate.of(2026, 11, 30)));
        assertThrows(RegleMetierException.class, () -> PopulationInsee.enregistrer("x", 2025, 10, "INSEE", LocalDate.of(2026, 12, 31)));
        PopulationInsee.enregistrer("x", 2023, 10, "INSEE", LocalDate.of(2026, 11, 30));
        PopulationInsee.enregistrer("x", 2024, 10, "INSEE", LocalDate.of(2026, 12, 28));
    }
}
