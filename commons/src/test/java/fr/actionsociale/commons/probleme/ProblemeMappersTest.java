package fr.actionsociale.commons.probleme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemeMappersTest {

    record Requete(List<Integer> nombres, Requete enfant) {
    }

    @Test
    void nommeLeChampFautifAvecSonIndice() {
        JsonMappingException e = org.junit.jupiter.api.Assertions.assertThrows(JsonMappingException.class,
                () -> new ObjectMapper().readValue("{\"enfant\":{\"nombres\":[1,\"x\"]}}", Requete.class));
        assertEquals("enfant.nombres[1]", ProblemeMappers.chemin(e));
    }

    @Test
    void leCorpsEntierQuandAucunChampNestEnCause() {
        JsonMappingException e = org.junit.jupiter.api.Assertions.assertThrows(JsonMappingException.class,
                () -> new ObjectMapper().readValue("[1]", Requete.class));
        assertEquals("corps", ProblemeMappers.chemin(e));
    }

    /** SQLStates as PostgreSQL sends them, wrapped as Hibernate and the JDBC driver wrap them. */
    static Response pour(String etat) {
        return new ProblemeMappers().inattendu(new RuntimeException("JDBC exception executing SQL", new SQLException("refus", etat)), null);
    }

    @Test
    void uneBaseQuiRedemarreOuAbandonneLaTransactionDonne503AReessayer() {
        // 57P01 is what a statement in flight gets when PostgreSQL restarts: it was a 500 in `suite chaos`
        for (String etat : List.of("57P01", "57P03", "57014", "08006", "08003", "53300", "40001", "40P01")) {
            Response r = pour(etat);
            assertEquals(503, r.getStatus(), etat);
            assertEquals("2", r.getHeaderString("Retry-After"), etat);
        }
    }

    @Test
    void lesAutresEtatsSQLGardentLeurSens() {
        assertEquals(409, pour("23505").getStatus(), "créée en même temps par une autre requête");
        assertEquals(400, pour("22001").getStatus(), "valeur trop longue");
        assertEquals(500, pour("42P01").getStatus(), "une vraie erreur interne reste une erreur interne");
        // a commit cut by PostgreSQL's restart: 57P01 only on an exception the rollback suppressed (suite chaos answered 500)
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new Exception("transactionCommit", new SQLException("FATAL: terminating connection", "57P01")));
        Response coupe = new ProblemeMappers().inattendu(new RuntimeException("Error invoking subclass method", rollback), null);
        assertEquals(503, coupe.getStatus());
        assertEquals("2", coupe.getHeaderString("Retry-After"));
    }
}
