package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

class EtapeRsaTest {

    static final LocalDate OUVERTURE = LocalDate.of(2026, 1, 31);

    @Test
    void lesDelaisDesSeeds002Et003() {
        assertEquals(LocalDate.of(2026, 2, 15), TypeEtapeRsa.PREMIERE_INVITATION.limite(OUVERTURE));
        assertEquals(LocalDate.of(2026, 2, 28), TypeEtapeRsa.ORIENTATION.limite(OUVERTURE), "one month from 31 January is the end of February");
        assertEquals(LocalDate.of(2026, 2, 14), TypeEtapeRsa.PREMIER_RDV.limite(OUVERTURE));
        assertEquals(LocalDate.of(2026, 3, 31), TypeEtapeRsa.PREMIER_CER.limite(OUVERTURE));
    }

    @Test
    void uneEtapeNEstEnRetardQuUneFoisSonDelaiPasse() {
        EtapeRsa e = new EtapeRsa(UUID.randomUUID(), UUID.randomUUID(), TypeEtapeRsa.PREMIERE_INVITATION, OUVERTURE, "cdas-pays-de-redon");
        assertFalse(e.enRetardAu(LocalDate.of(2026, 2, 15)), "the due day itself is not late");
        assertTrue(e.enRetardAu(LocalDate.of(2026, 2, 16)));
        assertThrows(RegleMetierException.class, () -> e.faire(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 3, 1)));
        assertThrows(RegleMetierException.class, () -> e.faire(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)));
        e.faire(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 1));
        assertFalse(e.enRetardAu(LocalDate.of(2026, 3, 1)));
        assertFalse(e.faiteDansLeDelai());
        assertThrows(EtatInvalideException.class, () -> e.faire(LocalDate.of(2026, 2, 21), LocalDate.of(2026, 3, 1)));
    }

    @Test
    void unDroitNeSOuvrePasSansAvoirEteDemande() {
        LocalDate aujourdHui = LocalDate.of(2026, 3, 1);
        Droit d = Droit.identifier(UUID.randomUUID(), DroitVise.RSA, null, Droit.Source.RDV_DES_DROITS, LocalDate.of(2026, 2, 1), aujourdHui);
        assertThrows(EtatInvalideException.class, () -> d.passer(EtatDroit.OUVERT, LocalDate.of(2026, 2, 10), aujourdHui));
        assertTrue(d.passer(EtatDroit.DEMANDE, LocalDate.of(2026, 2, 5), aujourdHui));
        assertFalse(d.passer(EtatDroit.DEMANDE, LocalDate.of(2026, 2, 6), aujourdHui), "already asked");
        assertThrows(RegleMetierException.class, () -> d.passer(EtatDroit.OUVERT, LocalDate.of(2026, 2, 4), aujourdHui));
        assertTrue(d.passer(EtatDroit.OUVERT, LocalDate.of(2026, 2, 10), aujourdHui));
        assertTrue(d.passer(EtatDroit.SUSPENDU, LocalDate.of(2026, 2, 20), aujourdHui));
        assertTrue(d.passer(EtatDroit.OUVERT, LocalDate.of(2026, 2, 25), aujourdHui));
        assertEquals(LocalDate.of(2026, 2, 10), d.ouvertLe(), "a suspension lifted keeps the opening date");
        assertThrows(EtatInvalideException.class, () -> d.passer(EtatDroit.DEMANDE, LocalDate.of(2026, 2, 26), aujourdHui));
    }
}
