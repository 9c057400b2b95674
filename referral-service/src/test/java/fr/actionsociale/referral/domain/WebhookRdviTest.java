package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.referral.ChargesRdvi;
import fr.actionsociale.referral.domain.WebhookRdvi.InvitationEnvoyee;
import fr.actionsociale.referral.domain.WebhookRdvi.Participation;
import fr.actionsociale.referral.domain.WebhookRdvi.StatutParticipation;

/** Reading RDV-Insertion's published shape, without a database: what each payload says, and each refusal naming its field. */
class WebhookRdviTest {

    static WebhookRdvi lire(String json) {
        return WebhookRdvi.lire(json.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookRdvi.Illisible refus(String json) {
        return assertThrows(WebhookRdvi.Illisible.class, () -> lire(json));
    }

    @Test
    void uneInvitationEnvoyeeDitSonUsagerSonCanalEtLeJourAParisOuElleEstPartie() {
        WebhookRdvi w = lire(ChargesRdvi.invitation(4521, "postal", "2026-11-30T23:30:00.000Z", ChargesRdvi.usager(9876, "1234567"), "created",
                "2026-11-30T23:30:01.250Z"));
        assertEquals("Invitation", w.modele());
        assertEquals("created", w.evenement());
        assertEquals(4521, w.ressourceId());
        assertEquals(OffsetDateTime.parse("2026-11-30T23:30:01.250Z"), w.horodatage());
        // 23:30 UTC is already the 1st of December in Paris: the day it happened there
        assertEquals(List.of(new InvitationEnvoyee(4521, new WebhookRdvi.Personne(9876L, "1234567"), CanalContact.COURRIER, LocalDate.of(2026, 12, 1))),
                w.faits());
        assertEquals(CanalContact.TELEPHONE, ((InvitationEnvoyee) lire(ChargesRdvi.invitation(1, "sms", "2026-11-30T10:00:00.000+01:00",
                ChargesRdvi.usager(2, null), "updated", "2026-11-30T10:00:00.000+01:00")).faits().get(0)).canal());
    }

    @Test
    void unRdvDitChaqueParticipationAvecSonStatutLeJourDuRdvEtCeluiOuIlAEtePris() {
        String u1 = ChargesRdvi.usager(11, "1111111");
        String u2 = ChargesRdvi.usager(22, null);
        WebhookRdvi w = lire(ChargesRdvi.rdv(294, "seen", "2026-11-20T09:00:00.000+01:00", u1 + "," + u2,
                ChargesRdvi.participation(501, "seen", "2026-11-10T14:12:00.000+01:00", "2026-11-20T09:00:00.000+01:00", u1) + ","
                        + ChargesRdvi.participation(502, "noshow", "2026-11-11T08:00:00.000+01:00", "2026-11-20T09:00:00.000+01:00", u2),
                "updated", "2026-11-20T11:00:00.000+01:00"));
        assertEquals(List.of(new Participation(501, new WebhookRdvi.Personne(11L, "1111111"), StatutParticipation.SEEN, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 10)), new Participation(502, new WebhookRdvi.Personne(22L, null), StatutParticipation.NOSHOW,
                        LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 11))), w.faits());
        assertEquals("Participation/502", w.faits().get(1).cle());
    }

    @Test
    void uneSuppressionNeDitRienADater() {
        assertTrue(lire(ChargesRdvi.invitation(1, "email", "2026-11-30T10:00:00.000+01:00", ChargesRdvi.usager(2, "3"), "destroyed",
                "2026-11-30T10:00:00.000+01:00")).faits().isEmpty());
        assertTrue(lire(ChargesRdvi.rdv(3, "revoked", "2026-11-30T10:00:00.000+01:00", "", "", "destroyed", "2026-11-30T10:00:00.000+01:00"))
                .faits().isEmpty());
    }

    @Test
    void unCorpsIllisibleOuDUneFormeInconnueNommeSonChampEtSaRaison() {
        assertEquals("corps", refus("pas du json").champ());
        assertEquals("corps", refus("[1,2]").champ());
        assertEquals("meta", refus("{\"data\":{\"id\":1}}").champ());
        var modele = refus("{\"data\":{\"id\":1},\"meta\":" + ChargesRdvi.meta("User", "created", "2026-11-30T10:00:00.000+01:00") + "}");
        assertEquals("meta.model", modele.champ());
        assertTrue(modele.getMessage().contains("User"), modele.getMessage());
        assertEquals("meta.event", refus("{\"data\":{\"id\":1},\"meta\":" + ChargesRdvi.meta("Rdv", "archived", "2026-11-30T10:00:00.000+01:00") + "}")
                .champ());
        assertEquals("meta.timestamp", refus("{\"data\":{\"id\":1},\"meta\":" + ChargesRdvi.meta("Rdv", "created", "hier") + "}").champ());
        assertEquals("data.id", refus("{\"data\":{\"id\":\"x\"},\"meta\":" + ChargesRdvi.meta("Rdv", "created", "2026-11-30T10:00:00.000+01:00") + "}")
                .champ());
        assertEquals("data.participations", refus("{\"data\":{\"id\":1,\"starts_at\":\"2026-11-30T10:00:00.000+01:00\"},\"meta\":"
                + ChargesRdvi.meta("Rdv", "created", "2026-11-30T10:00:00.000+01:00") + "}").champ());
        String u = ChargesRdvi.usager(1, "2");
        assertEquals("data.participations[0].status", refus(ChargesRdvi.rdv(3, "seen", "2026-11-30T10:00:00.000+01:00", u,
                ChargesRdvi.participation(4, "present", "2026-11-30T10:00:00.000+01:00", "2026-11-30T10:00:00.000+01:00", u), "created",
                "2026-11-30T10:00:00.000+01:00")).champ());
        assertEquals("data.format", refus(ChargesRdvi.invitation(1, "pigeon", "2026-11-30T10:00:00.000+01:00", u, "created",
                "2026-11-30T10:00:00.000+01:00")).champ());
        // a person is recognised by an identifier both sides hold, never by name
        assertEquals("data.user", refus(ChargesRdvi.invitation(1, "email", "2026-11-30T10:00:00.000+01:00",
                "{\"first_name\":\"Camille\",\"last_name\":\"Exemple\"}", "created", "2026-11-30T10:00:00.000+01:00")).champ());
    }
}
