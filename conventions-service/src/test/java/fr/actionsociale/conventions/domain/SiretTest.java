package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void unSiretDontLaCleDeLuhnEstJusteEstValide() {
        assertTrue(Siret.valide("73282932000074"));
        assertTrue(Siret.valide("35600000000010")); // La Poste: digit sum modulo 5, not Luhn
        assertFalse(Siret.valide("35600000000011"));
    }

    @Test
    void uneCleFausseOuUnFormatFauxEstRefuse() {
        assertFalse(Siret.valide("73282932000075"));
        assertFalse(Siret.valide("7328293200007"));
        assertFalse(Siret.valide("7328293200007A"));
        assertFalse(Siret.valide(null));
    }
}
