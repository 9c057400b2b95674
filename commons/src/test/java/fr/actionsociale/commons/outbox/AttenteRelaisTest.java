package fr.actionsociale.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttenteRelaisTest {

    @Test
    void lesAttentesDoublentJusquALaBorne() {
        assertEquals(100, OutboxRelay.attente(1, 100, 1000));
        assertEquals(200, OutboxRelay.attente(2, 100, 1000));
        assertEquals(800, OutboxRelay.attente(4, 100, 1000));
        assertEquals(1000, OutboxRelay.attente(5, 100, 1000));
        assertEquals(1000, OutboxRelay.attente(500, 100, 1000), "no overflow after many failures");
    }
}
