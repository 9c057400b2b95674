package fr.actionsociale.commons.probleme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
}
