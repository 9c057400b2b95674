package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.temps.Horloges;

class BeneficiaireTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);

    @Test
    void anonymiserEffaceLIdentiteEtGardeCeQueComptentLesIndicateurs() {
        Beneficiaire b = Beneficiaire.inscrire("Exemple", "Camille", LocalDate.of(1985, 4, 12), "35236", "Bellevue", CanalContact.TELEPHONE,
                "02 99 00 00 00", "1234567", "isole", "ccas-pipriac", null, AUJOURDHUI.minusYears(3).atTime(10, 0).atZone(Horloges.PARIS).toInstant());
        b.consentir(AUJOURDHUI.minusYears(3), List.of("caf-35"), AUJOURDHUI.minusYears(3));
        String reference = b.reference();

        b.anonymiser(AUJOURDHUI);

        assertNull(b.nom());
        assertNull(b.prenom());
        assertNull(b.dateNaissance());
        assertNull(b.canalContact());
        assertNull(b.contact());
        assertNull(b.numeroAllocataire());
        assertNull(b.ageAu(AUJOURDHUI));
        assertEquals(reference, b.reference());
        assertEquals("35236", b.commune());
        assertEquals("Bellevue", b.quartier());
        assertEquals("isole", b.foyer());
        assertEquals(AUJOURDHUI.minusYears(3), b.consentementDonneLe());
        assertEquals(AUJOURDHUI, b.anonymiseLe());
        assertThrows(EtatInvalideException.class, () -> b.anonymiser(AUJOURDHUI));
    }

    @Test
    void sansDateLInscriptionEstDuJourDeParisOuElleAEteEnregistree() {
        // 23:30 UTC on 21 November is 00:30 on the 22nd in Paris
        Beneficiaire b = Beneficiaire.inscrire(null, null, null, "35236", null, null, null, null, null, "ccas-pipriac", null,
                AUJOURDHUI.minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC));
        assertEquals(AUJOURDHUI, b.inscritLe());
    }

    @Test
    void uneInscriptionSaisieApresCoupGardeLeJourDeLaRencontreJamaisDansLeFuturNiAvantLaNaissance() {
        var maintenant = AUJOURDHUI.atTime(10, 0).atZone(Horloges.PARIS).toInstant();
        Beneficiaire b = Beneficiaire.inscrire(null, null, LocalDate.of(1985, 4, 12), "35236", null, null, null, null, null, "ccas-pipriac",
                AUJOURDHUI.minusYears(3), maintenant);
        assertEquals(AUJOURDHUI.minusYears(3), b.inscritLe());
        assertEquals(maintenant, b.creeLe());
        RegleMetierException futur = assertThrows(RegleMetierException.class, () -> Beneficiaire.inscrire(null, null, null, "35236", null, null,
                null, null, null, "ccas-pipriac", AUJOURDHUI.plusDays(1), maintenant));
        assertEquals("dateInscription", futur.champ());
        RegleMetierException avantNaissance = assertThrows(RegleMetierException.class, () -> Beneficiaire.inscrire(null, null,
                LocalDate.of(1985, 4, 12), "35236", null, null, null, null, null, "ccas-pipriac", LocalDate.of(1985, 4, 11), maintenant));
        assertEquals("dateInscription", avantNaissance.champ());
    }
}
