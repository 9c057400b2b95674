package fr.actionsociale.commons.sante;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.sante.ConsommateursCheck.Etat;

class ConsommateursCheckTest {

    @Test
    void unConsommateurAffecteEstPretQuandSonRetardEstSousLaBorne() {
        assertTrue(ConsommateursCheck.acceptable(new Etat("c", 3, 1000, true), 1000, true));
        assertFalse(ConsommateursCheck.acceptable(new Etat("c", 3, 1001, true), 1000, true));
        assertFalse(ConsommateursCheck.acceptable(new Etat("c", 3, 50_000, true), 1000, false), "catching up: never past the patience");
    }

    @Test
    void sansPartitionOuSansRetardConnuIlNAttendQuePendantLaPatience() {
        assertFalse(ConsommateursCheck.acceptable(new Etat("c", 0, 0, true), 1000, true));
        assertTrue(ConsommateursCheck.acceptable(new Etat("c", 0, 0, true), 1000, false), "an idle member without partition");
        assertFalse(ConsommateursCheck.acceptable(new Etat("c", 3, -1, true), 1000, true));
        assertTrue(ConsommateursCheck.acceptable(new Etat("c", 3, -1, true), 1000, false));
        assertFalse(ConsommateursCheck.acceptable(new Etat("c", 0, -1, false), 1000, true));
    }
}
