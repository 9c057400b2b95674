package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegleOrientationTest {

    @Test
    void uneRegleDitPourquoiElleCorrespond() {
        RegleOrientation jeunes = new RegleOrientation(1, "Moins de 26 ans vers la Mission locale", null, 25, null, null, TypeStructure.MISSION_LOCALE,
                null, "admin");
        assertEquals(Optional.of("Règle 1 « Moins de 26 ans vers la Mission locale » : âge 24 ans ≤ 25"), jeunes.correspond(24, "isole", "35236"));
        assertTrue(jeunes.correspond(26, "isole", "35236").isEmpty());
        assertTrue(jeunes.correspond(null, "isole", "35236").isEmpty(), "an unknown age does not match an age rule");

        RegleOrientation familles = new RegleOrientation(2, "Familles vers le CDAS", 26, null, List.of("couple_enfants", "isole_enfants"), List.of("35236"),
                TypeStructure.CDAS, null, "admin");
        assertEquals("Règle 2 « Familles vers le CDAS » : âge 40 ans ≥ 26, foyer « isole_enfants », commune 35236",
                familles.correspond(40, "isole_enfants", "35236").orElseThrow());
        assertTrue(familles.correspond(40, "isole", "35236").isEmpty());
        assertTrue(familles.correspond(40, "isole_enfants", "35220").isEmpty());

        RegleOrientation defaut = new RegleOrientation(9, "Entretien de diagnostic", null, null, null, null, TypeStructure.CDAS, null, "admin");
        assertEquals("Règle 9 « Entretien de diagnostic » : règle par défaut", defaut.correspond(null, null, "35220").orElseThrow());
    }
}
