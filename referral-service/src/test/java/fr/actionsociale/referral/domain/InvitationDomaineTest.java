package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** The invitation's rules without a database: the step it does, the reminder's day, the answer's order, the e-mail's retries. */
class InvitationDomaineTest {

    static final LocalDate OUVERTURE = LocalDate.of(2026, 3, 2);
    static final LocalDate ENVOI = LocalDate.of(2026, 3, 4);

    static Invitation invitation() {
        EtapeRsa e = new EtapeRsa(UUID.randomUUID(), UUID.randomUUID(), TypeEtapeRsa.PREMIERE_INVITATION, OUVERTURE, "ccas-pipriac");
        return Invitation.envoyer(e, List.of(CanalContact.COURRIER), ENVOI, null, null, ENVOI);
    }

    @Test
    void lEnvoiFaitLEtapeEtPorteUneReferenceOpaque() {
        EtapeRsa e = new EtapeRsa(UUID.randomUUID(), UUID.randomUUID(), TypeEtapeRsa.PREMIERE_INVITATION, OUVERTURE, "ccas-pipriac");
        assertThrows(RegleMetierException.class, () -> Invitation.envoyer(e, List.of(CanalContact.COURRIER), ENVOI.plusDays(1), null, null, ENVOI),
                "not in the future");
        assertNull(e.faiteLe(), "a refused invitation leaves the step as it was");
        Invitation i = Invitation.envoyer(e, List.of(CanalContact.COURRIER, CanalContact.COURRIEL), ENVOI, null, null, ENVOI);
        assertEquals(ENVOI, e.faiteLe());
        assertEquals("ccas-pipriac", i.structure());
        assertTrue(i.reference().matches("^inv-[0-9a-f]{12}$"));
        assertEquals(List.of(CanalContact.COURRIEL, CanalContact.COURRIER), i.canaux());
        EtapeRsa orientation = new EtapeRsa(UUID.randomUUID(), UUID.randomUUID(), TypeEtapeRsa.ORIENTATION, OUVERTURE, "ccas-pipriac");
        assertThrows(IllegalArgumentException.class, () -> Invitation.envoyer(orientation, List.of(CanalContact.COURRIER), ENVOI, null, null, ENVOI));
    }

    @Test
    void laRelanceVientLeSeptiemeJourSansReponseEtUneSeuleFois() {
        Invitation i = invitation();
        assertFalse(i.aRelancerAu(ENVOI.plusDays(6), 7));
        assertTrue(i.aRelancerAu(ENVOI.plusDays(7), 7));
        i.relancer(ENVOI.plusDays(7));
        assertFalse(i.aRelancerAu(ENVOI.plusDays(8), 7));
        assertThrows(EtatInvalideException.class, () -> i.relancer(ENVOI.plusDays(8)));
        Invitation repondue = invitation();
        repondue.repondre(ReponseInvitation.RDV_PRIS, ENVOI, ENVOI);
        assertFalse(repondue.aRelancerAu(ENVOI.plusDays(30), 7), "an answer stops the reminder");
    }

    @Test
    void laReponseSuitSonOrdreEtDevientDefinitive() {
        Invitation i = invitation();
        assertThrows(RegleMetierException.class, () -> i.repondre(ReponseInvitation.RDV_PRIS, ENVOI.minusDays(1), ENVOI.plusDays(5)));
        i.repondre(ReponseInvitation.RDV_PRIS, ENVOI.plusDays(2), ENVOI.plusDays(5));
        assertThrows(EtatInvalideException.class, () -> i.repondre(ReponseInvitation.RDV_PRIS, ENVOI.plusDays(3), ENVOI.plusDays(5)));
        assertThrows(RegleMetierException.class, () -> i.repondre(ReponseInvitation.VENU, ENVOI.plusDays(1), ENVOI.plusDays(5)),
                "not before the appointment was booked");
        i.repondre(ReponseInvitation.VENU, ENVOI.plusDays(4), ENVOI.plusDays(5));
        assertEquals(ENVOI.plusDays(2), i.rdvPrisLe());
        assertThrows(EtatInvalideException.class, () -> i.repondre(ReponseInvitation.NON_VENU, ENVOI.plusDays(5), ENVOI.plusDays(5)));
    }

    @Test
    void unCourrielRefuseEstRetenteDePlusEnPlusTardPuisAbandonne() {
        OffsetDateTime t = OffsetDateTime.of(2026, 3, 4, 9, 0, 0, 0, ZoneOffset.UTC);
        EnvoiInvitation courriel = new EnvoiInvitation(invitation(), CanalContact.COURRIEL, false, ENVOI, t);
        EnvoiInvitation courrier = new EnvoiInvitation(invitation(), CanalContact.COURRIER, false, ENVOI, t);
        assertEquals(EnvoiInvitation.Statut.EN_ATTENTE, courriel.statut());
        assertEquals(EnvoiInvitation.Statut.ENVOYE, courrier.statut(), "a letter is sent once it is in the day's batch");
        courriel.echec("connexion refusée", t, 3);
        courriel.echec("connexion refusée", t, 3);
        assertEquals(EnvoiInvitation.Statut.EN_ATTENTE, courriel.statut());
        courriel.echec("connexion refusée", t, 3);
        assertEquals(EnvoiInvitation.Statut.ABANDONNE, courriel.statut());
        assertEquals(3, courriel.tentatives());
    }
}
