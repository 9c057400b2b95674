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

    /** A commit cut by PostgreSQL's restart: the SQL state is on an exception the rollback only suppressed. */
    @Test
    void unCommitInterrompuParUnRedemarrageDePostgresqlEstTransitoireMemeSiLaCauseNEstQueSupprimee() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(Transitoire.cause(new RuntimeException("Error invoking subclass method", rollback)));
        Exception autre = new Exception("rollback");
        autre.addSuppressed(new Exception(new SQLException("violation", "23505")));
        assertFalse(Transitoire.cause(new RuntimeException(autre)));
    }
}
