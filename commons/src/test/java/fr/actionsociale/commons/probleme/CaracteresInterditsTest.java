package fr.actionsociale.commons.probleme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

class CaracteresInterditsTest {

    record Requete(String motif, Requete enfant) {
    }

    @Test
    void lesCaracteresDeControleSontReperesDansUneUrl() {
        assertTrue(CaracteresInterditsFilter.controle("ben-\u0000"));
        assertTrue(CaracteresInterditsFilter.controle("a\nb"));
        assertTrue(CaracteresInterditsFilter.controle("\u007f"));
        assertFalse(CaracteresInterditsFilter.controle("Châteaubourg d'Ille-et-Vilaine 35220"));
    }

    @Test
    void unOctetNulDansUnTexteJsonEstRefuseEnNommantLeChamp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        new TexteSansOctetNul().customize(json);

        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"enfant\":{\"motif\":\"a\\u0000b\"}}", Requete.class));
        assertEquals("enfant.motif", ProblemeMappers.chemin(e));
        assertEquals(String.class, e.getTargetType());
        assertEquals("RDV des droits", json.readValue("{\"motif\":\"RDV des droits\"}", Requete.class).motif());
    }
}
