package fr.actionsociale.budget.domain.rapport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** Seed 002, art. 3.2: which period a report covers and when it may be produced, without a database. */
class PeriodeRapportTest {

    static final Programme EXPE = new Programme("EXPE-RSA-2023-2024", "Expérimentation RSA", LocalDate.of(2023, 5, 31), LocalDate.of(2024, 12, 31),
            "EXPE-RSA-2023-2024", List.of(), EnumSet.noneOf(CategorieDepense.class), null);
    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 2);

    @Test
    void leBilanIntermediaire2023CouvreLaPremiereAnneeEtEstDuAvantLe31Mars2024() {
        PeriodeRapport p = PeriodeRapport.de(EXPE, TypeRapport.INTERMEDIAIRE, "2023", LocalDate.of(2024, 1, 1), AUJOURDHUI);
        assertEquals(LocalDate.of(2023, 5, 31), p.debut(), "the programme starts within the year");
        assertEquals(LocalDate.of(2023, 12, 31), p.fin());
        assertEquals(LocalDate.of(2024, 3, 31), p.echeance());
        assertEquals("année 2023 (du 31 mai 2023 au 31 décembre 2023)", p.libelle());
    }

    @Test
    void leBilanFinalCouvreToutLeProgrammeEtEstDuTroisMoisApres() {
        PeriodeRapport p = PeriodeRapport.de(EXPE, TypeRapport.FINAL, null, LocalDate.of(2025, 1, 2), AUJOURDHUI);
        assertEquals(LocalDate.of(2023, 5, 31), p.debut());
        assertEquals(LocalDate.of(2024, 12, 31), p.fin());
        assertEquals(LocalDate.of(2025, 3, 31), p.echeance());
        assertEquals("FINAL", p.code());
    }

    @Test
    void unBilanAvantLaFinDeSaPeriodeEstRefuseEnNommantLaPeriode() {
        RegleMetierException e = assertThrows(RegleMetierException.class,
                () -> PeriodeRapport.de(EXPE, TypeRapport.INTERMEDIAIRE, "2023", LocalDate.of(2023, 12, 31), AUJOURDHUI));
        assertEquals("periode", e.champ());
        assertEquals("un bilan se produit une fois sa période finie : celle-ci se termine le 31 décembre 2023, le bilan ne peut pas être produit "
                + "le 31 décembre 2023", e.raison());
        assertEquals("periode", assertThrows(RegleMetierException.class,
                () -> PeriodeRapport.de(EXPE, TypeRapport.FINAL, null, LocalDate.of(2024, 12, 31), AUJOURDHUI)).champ());
    }

    @Test
    void laDerniereAnneeEtLesAnneesHorsProgrammeNOntPasDeBilanIntermediaire() {
        for (String annee : List.of("2024", "2022", "2025")) {
            assertEquals("periode", assertThrows(RegleMetierException.class,
                    () -> PeriodeRapport.de(EXPE, TypeRapport.INTERMEDIAIRE, annee, LocalDate.of(2026, 1, 15), AUJOURDHUI)).champ(), annee);
        }
        assertEquals("periode", assertThrows(RegleMetierException.class,
                () -> PeriodeRapport.de(EXPE, TypeRapport.INTERMEDIAIRE, null, LocalDate.of(2024, 1, 15), AUJOURDHUI)).champ());
        assertEquals("periode", assertThrows(RegleMetierException.class,
                () -> PeriodeRapport.de(EXPE, TypeRapport.FINAL, "2024", LocalDate.of(2025, 1, 15), AUJOURDHUI)).champ());
    }

    @Test
    void unBilanNEstJamaisDateDansLeFutur() {
        assertEquals("date", assertThrows(RegleMetierException.class,
                () -> PeriodeRapport.de(EXPE, TypeRapport.INTERMEDIAIRE, "2023", AUJOURDHUI.plusDays(1), AUJOURDHUI)).champ());
    }
}
