package fr.actionsociale.commons.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class TransitoireTest {

    @Test
    void uneBaseOuUneTableAbsenteNEstPasLaFauteDeLEvenementMaisResteUneErreurInternePourUneRequete() {
        RuntimeException tableAbsente = new RuntimeException("enveloppe", new SQLException("relation \"inbox_evenement\" does not exist", "42P01"));
        RuntimeException baseAbsente = new RuntimeException(new SQLException("database \"budget_e2e\" does not exist", "3D000"));
        assertTrue(Transitoire.baseAbsente(tableAbsente));
        assertTrue(Transitoire.baseAbsente(baseAbsente));
        assertFalse(Transitoire.cause(tableAbsente), "pour une requête, une table absente reste une erreur interne (500)");
        assertFalse(Transitoire.baseAbsente(new RuntimeException(new SQLException("violation", "23505"))));
        assertTrue(Transitoire.cause(new RuntimeException(new SQLException("deadlock", "40P01"))));
    }
}
