package fr.actionsociale.commons.evenement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class EvenementRecuTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConsumerRecord<String, String> record(Map<String, String> entetes, String corps) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("orientation-faite", 0, 42L, "cle", corps);
        entetes.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static Map<String, String> entetes() {
        return Map.of(CloudEvents.SPECVERSION, "1.0", CloudEvents.ID, "e-1", CloudEvents.SOURCE, "/referral-service",
                CloudEvents.TYPE, "orientation-faite", CloudEvents.TIME, "2026-11-22T10:00:00Z", CloudEvents.SUBJECT, "o-1");
    }

    @Test
    void litUnCloudEventEnModeBinaire() {
        EvenementRecu e = EvenementRecu.lire(record(entetes(), "{\"commune\":\"35220\"}"), JSON);
        assertEquals("e-1", e.id());
        assertEquals("orientation-faite", e.type());
        assertEquals("/referral-service", e.source());
        assertEquals("o-1", e.sujet());
        assertEquals("35220", e.texte("commune"));
        assertEquals(2026, e.date().getYear());
    }

    @Test
    void refuseUnEnregistrementSansEnTetesCloudEvents() {
        var ex = assertThrows(EvenementIllisibleException.class, () -> EvenementRecu.lire(record(Map.of(), "{}"), JSON));
        assertEquals("en-tête ce_specversion absent ou différent de 1.0", ex.getMessage());
    }

    @Test
    void refuseUnCorpsQuiNestPasDuJson() {
        var ex = assertThrows(EvenementIllisibleException.class, () -> EvenementRecu.lire(record(entetes(), "pas du json {"), JSON));
        assertEquals("corps qui n'est pas du JSON", ex.getMessage());
    }

    @Test
    void refuseUnCorpsQuiNestPasUnObjet() {
        assertThrows(EvenementIllisibleException.class, () -> EvenementRecu.lire(record(entetes(), "[1,2]"), JSON));
    }

    @Test
    void refuseUneDateQuiNestPasRfc3339() {
        var h = new java.util.HashMap<>(entetes());
        h.put(CloudEvents.TIME, "hier");
        var ex = assertThrows(EvenementIllisibleException.class, () -> EvenementRecu.lire(record(h, "{}"), JSON));
        assertEquals("en-tête ce_time n'est pas une date RFC 3339", ex.getMessage());
    }

    @Test
    void unChampObligatoireAbsentEstSignale() {
        EvenementRecu e = EvenementRecu.lire(record(entetes(), "{\"commune\":\"\"}"), JSON);
        assertThrows(EvenementIllisibleException.class, () -> e.texte("commune"));
        assertThrows(EvenementIllisibleException.class, () -> e.texte("structure"));
    }
}
