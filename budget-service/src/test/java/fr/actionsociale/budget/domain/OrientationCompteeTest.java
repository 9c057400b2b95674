package fr.actionsociale.budget.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;

class OrientationCompteeTest {

    @Test
    void leMoisEstCeluiDeParisPasCeluiDUtc() {
        // 31 January 23:30 UTC is already 1 February in Paris
        var o = OrientationComptee.depuis("e", UUID.randomUUID(), "35236", "caf-35", List.of("RSA"), Instant.parse("2026-01-31T23:30:00Z"));
        assertEquals("2026-02", o.mois());
    }

    @Test
    void lesDroitsSontDedoublonnesEtTries() {
        var o = OrientationComptee.depuis("e", UUID.randomUUID(), "35236", "caf-35", List.of("RSA", "C2S", "RSA"), Instant.now());
        assertEquals("C2S,RSA", o.droitsVises());
    }

    @Test
    void uneCommuneQuiNestPasUnCodeInseeEstRefusee() {
        var e = assertThrows(RegleMetierException.class,
                () -> OrientationComptee.depuis("e", UUID.randomUUID(), "Redon", "caf-35", List.of("RSA"), Instant.now()));
        assertEquals("commune", e.champ());
    }

    @Test
    void sansDroitViseRienNEstCompte() {
        var e = assertThrows(RegleMetierException.class,
                () -> OrientationComptee.depuis("e", UUID.randomUUID(), "35236", "caf-35", List.of(), Instant.now()));
        assertEquals("droitsVises", e.champ());
    }
}
