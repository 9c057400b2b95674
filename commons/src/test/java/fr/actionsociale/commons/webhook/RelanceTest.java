package fr.actionsociale.commons.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelanceTest {

    static final Duration PREMIER = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofHours(6);

    @Test
    void chaqueDelaiEstLePrecedentFoisLeFacteurJusquAuPlafond() {
        assertEquals(Duration.ofSeconds(10), Relance.apres(1, PREMIER, 2, MAX, 0.2, 0.5));
        assertEquals(Duration.ofSeconds(20), Relance.apres(2, PREMIER, 2, MAX, 0.2, 0.5));
        assertEquals(Duration.ofSeconds(80), Relance.apres(4, PREMIER, 2, MAX, 0.2, 0.5));
        assertEquals(MAX, Relance.apres(30, PREMIER, 2, MAX, 0.2, 0.5));
    }

    @Test
    void laGigueResteDansSesBornesEtNeDepassePasLePlafond() {
        assertEquals(Duration.ofSeconds(8), Relance.apres(1, PREMIER, 2, MAX, 0.2, 0.0));
        Duration haut = Relance.apres(1, PREMIER, 2, MAX, 0.2, 0.999999);
        assertTrue(haut.compareTo(Duration.ofMillis(11_999)) >= 0 && haut.compareTo(Duration.ofSeconds(12)) <= 0, haut.toString());
        assertEquals(MAX, Relance.apres(30, PREMIER, 2, MAX, 0.2, 0.999999));
    }
}
